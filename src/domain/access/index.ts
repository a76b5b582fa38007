export * from './actor';
export * from './decide';
export * from './matrix';
export * from './membership';
