// FICTIONAL test data: the app's own fictional training case (Brook Lane).
import { ReviewSnapshotSchema, type ReviewSnapshot } from '../../src/domain/model';
import { trainingCaseBundle } from '../../src/domain/training-case';

/** The training case's review as the app holds it (schema defaults filled in). */
export function trainingCaseSnapshot(): ReviewSnapshot {
  return ReviewSnapshotSchema.parse(trainingCaseBundle().snapshot);
}
