/**
 * Standalone mode's stage archive: every published report version kept in this browser's IndexedDB, in a database of
 * its own (so the review store's schema never changes for it), downloadable again at any time. Nothing leaves the
 * device: this is the standalone form of "only to the review's restricted place".
 */
import Dexie, { type Table } from 'dexie';
import type { Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import type { Clock } from '../../ports/clock';
import type { IdSource } from '../../ports/id-source';
import type { Publication, PublishedCopy, PublishedVersion, ReportPublisher } from '../../ports/report-publisher';

interface ArchiveRow extends PublishedVersion {
  readonly bytes: Uint8Array;
}

class ArchiveDatabase extends Dexie {
  versions!: Table<ArchiveRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ versions: 'location, reviewId' });
  }
}

const WHAT = "This browser's report archive";
export const ARCHIVE_DESTINATION = "this browser's report archive (the review team only)";

const unavailable = (error: unknown): Failure => ({
  kind: 'unavailable',
  what: WHAT,
  detail: error instanceof Error ? error.message : String(error),
  retryable: true,
});

export function createReportArchive(databaseName: string, clock: Clock, ids: IdSource): ReportPublisher & { close(): void } {
  const db = new ArchiveDatabase(databaseName);
  return {
    async publish(publication: Publication): Promise<Result<PublishedCopy, Failure>> {
      const location = `archive:${publication.reviewId}/${ids.next('pub')}`;
      const row: ArchiveRow = {
        location,
        reviewId: publication.reviewId,
        stage: publication.stage,
        draftNumber: publication.draftNumber,
        fileName: publication.document.fileName,
        sha256: publication.document.sha256,
        publishedAt: clock.now(),
        publishedBy: publication.publishedBy,
        sizeBytes: publication.document.bytes.length,
        bytes: publication.document.bytes,
      };
      try {
        await db.versions.put(row);
        return ok({ location, destination: ARCHIVE_DESTINATION });
      } catch (error) {
        return err(unavailable(error));
      }
    },
    async listPublished(reviewId: string): Promise<Result<PublishedVersion[], Failure>> {
      try {
        const rows = await db.versions.where('reviewId').equals(reviewId).toArray();
        return ok(rows.map(({ bytes: _bytes, ...version }) => version).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)));
      } catch (error) {
        return err(unavailable(error));
      }
    },
    async download(location: string): Promise<Result<Uint8Array, Failure>> {
      try {
        const row = await db.versions.get(location);
        return row ? ok(new Uint8Array(row.bytes)) : err({ kind: 'notFound', what: 'Published report', id: location });
      } catch (error) {
        return err(unavailable(error));
      }
    },
    close: () => db.close(),
  };
}
