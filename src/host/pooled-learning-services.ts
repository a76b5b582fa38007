// The pooled learning capability for each mode, loaded with the collation screen (its own chunk).
import { createGraphPooledLearningStore, type GraphClient } from '../adapters/graph';
import { DexiePooledLearningStore } from '../adapters/local/pooled-learning/dexie-pooled-learning-store';
import { systemClock } from '../adapters/local/system';
import { PooledLearningService } from '../app/collation/pooled-learning-service';

/** The LSCB's code in pooled records; one per deployment (a later setting: ADR 1401). */
export const DEFAULT_POOLING_SOURCE = 'this-lscb';

export const standalonePooledLearning = (): PooledLearningService =>
  new PooledLearningService({ store: new DexiePooledLearningStore(), clock: systemClock, source: DEFAULT_POOLING_SOURCE });

export const microsoft365PooledLearning = (client: GraphClient, registerSiteId: string): PooledLearningService =>
  new PooledLearningService({ store: createGraphPooledLearningStore(client, registerSiteId), clock: systemClock, source: DEFAULT_POOLING_SOURCE });
