export type { Clock } from './clock';
export type { IdSource } from './id-source';
export type { ReviewStore, StoreResult } from './review-store';
export type { OnlineMeetingRef, OnlineMeetings } from './online-meetings';
