import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { describeReviewStoreContract } from './review-store.contract';

let databaseCounter = 0;

describeReviewStoreContract('Dexie (IndexedDB)', async () => {
  const name = `contract-${++databaseCounter}`;
  const handles: DexieReviewStore[] = [new DexieReviewStore(name)];
  return {
    store: handles[0]!,
    otherWriter: async () => {
      const other = new DexieReviewStore(name);
      handles.push(other);
      return other;
    },
    cleanup: async () => {
      handles.forEach((handle) => handle.close());
      indexedDB.deleteDatabase(name);
    },
  };
});
