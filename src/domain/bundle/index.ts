export * from './format';
export * from './parse';
export * from './integrity';
export * from './json-schema';
export * from './json-text';
export * from './summary';
export * from './copies';
export { migrateV1ToV2, migratedStepNoteId, V1_FORMAT_VERSION } from './v1';
