export * from './guide-state';
export * from './text-merge';
export * from './step-six';
export * from './transcript';
export * from './recording';
export * from './stage-view';
export * from './capture';
export * from './london';
