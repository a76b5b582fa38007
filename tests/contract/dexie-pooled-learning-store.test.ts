// The PooledLearningStore contract over IndexedDB (fake-indexeddb), a fresh database per test.
import 'fake-indexeddb/auto';
import { DexiePooledLearningStore } from '../../src/adapters/local/pooled-learning/dexie-pooled-learning-store';
import { describePooledLearningStoreContract } from './pooled-learning-store.contract';

let counter = 0;
describePooledLearningStoreContract('IndexedDB (Dexie)', async () => {
  const store = new DexiePooledLearningStore(`pooled-contract-${counter++}`);
  return { store, cleanup: async () => store.close() };
});
