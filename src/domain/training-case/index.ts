// FICTIONAL TRAINING CASE: see brook-lane.ts. Load it lazily (import()) so it stays out of the first screen's JavaScript.
export { trainingCaseBundle, TRAINING_CASE_EXPORTED_AT } from './brook-lane';
export { TRAINING_CASE_CODENAME, TRAINING_CASE_REVIEW_ID } from './people';
