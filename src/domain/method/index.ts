export * from './source';
export * from './conversation-steps';
export * from './factor-framework';
export * from './typology';
export * from './recommendation-kinds';
export * from './report-stages';
