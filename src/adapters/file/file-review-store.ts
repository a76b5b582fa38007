import { watch, type FSWatcher } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseJsonText } from '../../domain/bundle/json-text';
import type { Failure } from '../../domain/failures';
import type { ReviewId } from '../../domain/ids';
import { recordLabel } from '../../domain/labels';
import {
  COLLECTION_OF_KIND,
  ReviewSchema,
  ReviewSnapshotSchema,
  emptySnapshot,
  type AnyChildRecord,
  type ChildRecordKind,
  type ChildRecordOf,
  type Review,
  type ReviewSnapshot,
} from '../../domain/model';
import { summariseReview, type ReviewSummary } from '../../domain/review-summary';
import type { Result } from '../../domain/result';
import { UNKNOWN_CHANGE, type ReviewChange, type ReviewStore } from '../../ports/review-store';
import { AbortWith, checkStored, runStoreWork } from '../shared/stored-checks';

/** The stored file's own format, versioned apart from bundles so the store's layout can change on its own. */
export const REVIEW_FILE_FORMAT = 'learning-together/review-file';
export const REVIEW_FILE_FORMAT_VERSION = 1;
const SUPPORTED_FILE_VERSIONS = [1];
const FILE_SUFFIX = '.review.json';
/** How long to wait for another writer (another process) before giving up with a retryable failure. */
const LOCK_WAIT_MS = 10_000;
/** A lock file older than this was left by a process that died mid-write. */
const STALE_LOCK_MS = 30_000;

interface ReviewFile {
  readonly format: typeof REVIEW_FILE_FORMAT;
  readonly formatVersion: number;
  readonly snapshot: ReviewSnapshot;
}

/** Writes queued per file within this process, so two calls never interleave their read-modify-write. */
const queues = new Map<string, Promise<unknown>>();

/**
 * A ReviewStore over a folder of JSON files, one per review, for the Node CLI. Same contract as the
 * browser's IndexedDB store (tests/contract): optimistic concurrency on `version`, all-or-nothing imports.
 *
 * Writes go to a temporary file that is then renamed over the old one, so a reader never sees half a
 * file and a crash never leaves one. A lock file beside each review keeps two processes from
 * interleaving a read-modify-write.
 */
export class FileReviewStore implements ReviewStore {
  private readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  async listReviews(): Promise<Result<ReviewSummary[], Failure>> {
    return this.run('Reviews', async () => {
      const names = await readdir(this.directory).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [] as string[];
        throw error;
      });
      const summaries: ReviewSummary[] = [];
      for (const name of names.filter((candidate) => candidate.endsWith(FILE_SUFFIX) && !candidate.startsWith('.'))) {
        const file = await this.readFile(join(this.directory, name));
        if (!file) continue;
        summaries.push(summariseReview(checkStored(ReviewSchema, file.snapshot.review, `review file ${name}`)));
      }
      return summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    });
  }

  async loadReview(reviewId: ReviewId): Promise<Result<ReviewSnapshot, Failure>> {
    return this.run('Review', async () => {
      const file = await this.readFile(this.pathOf(reviewId));
      if (!file) throw new AbortWith({ kind: 'notFound', what: 'Review', id: reviewId });
      // Stored data is checked on the way out too: a damaged file is named, never passed on.
      return checkStored(ReviewSnapshotSchema, file.snapshot, `review file for ${reviewId}`);
    });
  }

  async createReview(review: Review): Promise<Result<Review, Failure>> {
    return this.locked('Review', review.id, async (current) => {
      if (current) throw new AbortWith({ kind: 'alreadyExists', what: 'Review', id: review.id });
      const stored = { ...review, version: 1 };
      return { write: emptySnapshot(stored), value: stored };
    });
  }

  async updateReview(review: Review): Promise<Result<Review, Failure>> {
    return this.locked('Review', review.id, async (current) => {
      if (!current) throw new AbortWith({ kind: 'notFound', what: 'Review', id: review.id });
      if (current.review.version !== review.version) {
        throw new AbortWith({ kind: 'conflict', recordKind: 'review', id: review.id, current: current.review });
      }
      const stored = { ...review, version: review.version + 1 };
      return { write: { ...current, review: stored }, value: stored };
    });
  }

  async deleteReview(reviewId: ReviewId): Promise<Result<void, Failure>> {
    return this.run('Review', () =>
      this.withLock(this.pathOf(reviewId), async () => {
        if (!(await this.readFile(this.pathOf(reviewId)))) throw new AbortWith({ kind: 'notFound', what: 'Review', id: reviewId });
        await rm(this.pathOf(reviewId), { force: true });
      }),
    );
  }

  async createRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    return this.locked(recordLabel(kind), record.reviewId, async (current) => {
      if (!current) throw new AbortWith({ kind: 'notFound', what: 'Review', id: record.reviewId });
      const records = current[COLLECTION_OF_KIND[kind]] as AnyChildRecord[];
      if (records.some((existing) => existing.id === record.id)) throw new AbortWith({ kind: 'alreadyExists', what: recordLabel(kind), id: record.id });
      const stored = { ...record, version: 1 } as ChildRecordOf<K>;
      return { write: { ...current, [COLLECTION_OF_KIND[kind]]: [...records, stored] }, value: stored };
    });
  }

  async updateRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    return this.locked(recordLabel(kind), record.reviewId, async (current) => {
      const records = (current?.[COLLECTION_OF_KIND[kind]] ?? []) as AnyChildRecord[];
      const index = records.findIndex((existing) => existing.id === record.id);
      const existing = records[index];
      if (!current || !existing) throw new AbortWith({ kind: 'notFound', what: recordLabel(kind), id: record.id });
      if (existing.version !== record.version) throw new AbortWith({ kind: 'conflict', recordKind: kind, id: record.id, current: existing });
      const stored = { ...record, version: record.version + 1 } as ChildRecordOf<K>;
      const next = records.map((candidate, position) => (position === index ? stored : candidate));
      return { write: { ...current, [COLLECTION_OF_KIND[kind]]: next }, value: stored };
    });
  }

  async deleteRecord(kind: ChildRecordKind, reviewId: ReviewId, id: string, expectedVersion: number): Promise<Result<void, Failure>> {
    return this.locked(recordLabel(kind), reviewId, async (current) => {
      const records = (current?.[COLLECTION_OF_KIND[kind]] ?? []) as AnyChildRecord[];
      const existing = records.find((candidate) => candidate.id === id);
      if (!current || !existing) throw new AbortWith({ kind: 'notFound', what: recordLabel(kind), id });
      if (existing.version !== expectedVersion) throw new AbortWith({ kind: 'conflict', recordKind: kind, id, current: existing });
      return { write: { ...current, [COLLECTION_OF_KIND[kind]]: records.filter((candidate) => candidate.id !== id) }, value: undefined };
    });
  }

  async importSnapshot(snapshot: ReviewSnapshot, options: { replace: boolean }): Promise<Result<ReviewSummary, Failure>> {
    return this.locked('Review', snapshot.review.id, async (current) => {
      if (current && !options.replace) throw new AbortWith({ kind: 'alreadyExists', what: 'Review', id: snapshot.review.id });
      return { write: snapshot, value: summariseReview(snapshot.review) };
    });
  }

  /** Watches the folder, so changes from this process and from others (another CLI run) are both seen. */
  watchReview(reviewId: ReviewId, onChange: (change: ReviewChange) => void): () => void {
    const fileName = fileNameOf(reviewId);
    let watcher: FSWatcher | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      watcher = watch(this.directory, { persistent: false }, (_event, changed) => {
        if (changed !== fileName) return;
        // One rename can raise several events; tell the caller once.
        clearTimeout(timer);
        timer = setTimeout(() => onChange(UNKNOWN_CHANGE), 25);
      });
      watcher.on('error', () => undefined);
    } catch {
      // A folder that does not exist yet has nothing to watch.
    }
    return () => {
      clearTimeout(timer);
      watcher?.close();
    };
  }

  // ---------------------------------------------------------------- files

  private pathOf(reviewId: string): string {
    return join(this.directory, fileNameOf(reviewId));
  }

  /** Reads and checks a review file's envelope; null if there is no such file. Records are checked by loadReview. */
  private async readFile(path: string): Promise<ReviewFile | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const what = `Stored review file ${path}`;
    const json = parseJsonText(text);
    if (!json.ok) throw new AbortWith({ kind: 'damaged', what, issues: [json.error] });
    const file = json.value as Partial<ReviewFile> | null;
    if (typeof file !== 'object' || file === null || file.format !== REVIEW_FILE_FORMAT) {
      throw new AbortWith({ kind: 'damaged', what, issues: [{ path: 'format', message: `expected "${REVIEW_FILE_FORMAT}"` }] });
    }
    if (!SUPPORTED_FILE_VERSIONS.includes(file.formatVersion as number)) {
      throw new AbortWith({ kind: 'unsupportedVersion', what, found: file.formatVersion, supported: SUPPORTED_FILE_VERSIONS });
    }
    if (typeof file.snapshot !== 'object' || file.snapshot === null) {
      throw new AbortWith({ kind: 'damaged', what, issues: [{ path: 'snapshot', message: 'required (expected object)' }] });
    }
    return file as ReviewFile;
  }

  /** Read, decide, write: under the review's lock, the decision sees the latest file and nobody else writes meanwhile. */
  private locked<T>(
    what: string,
    reviewId: string,
    decide: (current: ReviewSnapshot | null) => Promise<{ write: ReviewSnapshot; value: T }>,
  ): Promise<Result<T, Failure>> {
    const path = this.pathOf(reviewId);
    return this.run(what, () =>
      this.withLock(path, async () => {
        const current = await this.readFile(path);
        const { write, value } = await decide(current?.snapshot ?? null);
        const file: ReviewFile = { format: REVIEW_FILE_FORMAT, formatVersion: REVIEW_FILE_FORMAT_VERSION, snapshot: write };
        await writeFileAtomically(path, JSON.stringify(file));
        return value;
      }),
    );
  }

  private withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(path) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => withLockFile(path, work));
    queues.set(path, next);
    return next.finally(() => {
      if (queues.get(path) === next) queues.delete(path);
    });
  }

  private run<T>(what: string, work: () => Promise<T>): Promise<Result<T, Failure>> {
    return runStoreWork(what, work, failureFromFileError);
  }
}

/** Review ids may hold ':', which some file systems refuse; '%' never appears in an id, so this is reversible. */
const fileNameOf = (reviewId: string): string => `${reviewId.replaceAll(':', '%3A')}${FILE_SUFFIX}`;

class LockTimeout extends Error {}

async function withLockFile<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lockPath = `${path}.lock`;
  await mkdir(resolve(path, '..'), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const info = await stat(lockPath).catch(() => null);
      if (info && Date.now() - info.mtimeMs > STALE_LOCK_MS) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new LockTimeout();
      await new Promise((resolveWait) => setTimeout(resolveWait, 10 + Math.random() * 20));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}

/** Writes the whole text to a temporary file, flushes it, then renames it into place. */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const directory = resolve(path, '..');
  await mkdir(directory, { recursive: true });
  const temporary = join(directory, `.${fileNameTail(path)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

const fileNameTail = (path: string): string => path.split(/[\\/]/).pop() ?? 'file';

export function failureFromFileError(what: string, error: unknown): Failure {
  if (error instanceof LockTimeout) {
    return { kind: 'unavailable', what, detail: 'another program is writing this review; try again in a moment', retryable: true };
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { kind: 'permissionDenied', what, detail: `the file system refused access (${code})` };
    case 'ENOSPC':
      return { kind: 'unavailable', what, detail: 'the disk is full', retryable: false };
    case 'ENOTDIR':
    case 'EISDIR':
      return { kind: 'unavailable', what, detail: `the store path is not a folder of review files (${code})`, retryable: false };
    default:
      return { kind: 'unavailable', what, detail: `the file system failed: ${detail}`, retryable: true };
  }
}
