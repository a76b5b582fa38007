export * from './commands';
export * from './merge';
export * from './rules';
export * from './snapshot';
