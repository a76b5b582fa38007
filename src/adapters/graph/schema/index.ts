export * from './columns';
export * from './lists';
export * from './versions';
export * from './payloads';
