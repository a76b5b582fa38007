import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileReviewStore } from '../../src/adapters/file/file-review-store';
import { describeReviewStoreContract } from './review-store.contract';

describeReviewStoreContract('JSON files (Node)', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'lt-file-store-'));
  return {
    store: new FileReviewStore(directory),
    // Another handle on the same folder, as a second CLI process would have.
    otherWriter: async () => new FileReviewStore(directory),
    cleanup: async () => rmSync(directory, { recursive: true, force: true }),
  };
});
