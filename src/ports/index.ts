export type { Clock } from './clock';
export type { IdSource } from './id-source';
export type { ReviewStore, StoreResult, ReviewChange, ChangedRecord, RemovedRecord } from './review-store';
export { UNKNOWN_CHANGE } from './review-store';
export type { OnlineMeetingRef, OnlineMeetings } from './online-meetings';
