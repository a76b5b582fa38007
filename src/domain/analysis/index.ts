/** Pure helpers behind the analysis screens: narrative lanes, factor recurrence, the pattern board, recommendations. */
export * from './dates';
export * from './narrative';
export * from './factors';
export * from './episodes';
export * from './patterns';
export * from './recommendations';
export * from './labels';
export * from './references';
