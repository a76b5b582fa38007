import {
  asCopy,
  compareCopies,
  copyCodename,
  countSnapshot,
  createBundle,
  parseBundle,
  parseBundleText,
  serialiseBundle,
  CURRENT_BUNDLE_FORMAT_VERSION,
  type BundleMeta,
  type CopiesCompared,
  type ParsedBundle,
  type ReviewBundle,
  type SnapshotCounts,
} from '../domain/bundle';
import { snapshotIssues } from '../domain/session/rules';
import type { Failure } from '../domain/failures';
import type { ReviewId } from '../domain/ids';
import { AuditEntrySchema, type AuditEntry, type ReviewSnapshot } from '../domain/model';
import type { ReviewSummary } from '../domain/review-summary';
import { err, ok, type Result } from '../domain/result';
import { formatLondonDateTime, londonDateOf } from '../domain/time';
import { validate } from '../domain/validate';
import { firstVersionStamps } from './record-stamps';
import { ID_PREFIX, type ReviewServiceDeps } from './review-service';

export interface BundleServiceDeps extends ReviewServiceDeps {
  /** Written into each bundle's `producer`, e.g. "Learning Together for Teams (standalone)". */
  readonly producer?: string;
}

export interface ExportedBundle {
  readonly bundle: ReviewBundle;
  /** The file's text: what a download or the CLI writes. */
  readonly text: string;
  /** A suggested file name from the codename (never a person's name) and the London date. */
  readonly fileName: string;
}

export interface ImportedReview {
  readonly summary: ReviewSummary;
  readonly meta: BundleMeta;
  readonly counts: SnapshotCounts;
}

/** A bundle's review set beside the copy already here. */
export interface CopiesHereAndInBundle extends CopiesCompared {
  readonly codename: string;
}

export interface OpenedTrainingCase {
  readonly reviewId: ReviewId;
  /** True when it was already in the store and was opened, not imported again. */
  readonly alreadyPresent: boolean;
}

/** The bundle service's public face (see ReviewOperations): what screens use, which a stand-in can implement. */
export type BundleOperations = Pick<BundleService, keyof BundleService>;

/**
 * Review bundles as use cases: export a review to a bundle, import a bundle into the store. An import is
 * checked in full (format, migrations, schema, integrity) before anything is written, and is written all
 * or nothing, so a bad bundle changes nothing. Both record an audit entry (DESIGN §7).
 */
export class BundleService {
  constructor(private readonly deps: BundleServiceDeps) {}

  async exportBundle(reviewId: ReviewId): Promise<Result<ExportedBundle, Failure>> {
    // The export is audited before the review is read, so the bundle carries its own audit entry.
    const summary = `Exported as a review bundle (format version ${CURRENT_BUNDLE_FORMAT_VERSION}).`;
    let entry = this.auditEntry(reviewId, 'export', summary, new Set());
    if (!entry.ok) return entry;
    let recorded = await this.deps.store.createRecord('audit', entry.value);
    // An id source that restarts (a test, or ids copied in from a bundle) may hand out a used id: take the next.
    for (let attempt = 0; !recorded.ok && recorded.error.kind === 'alreadyExists' && attempt < 20; attempt++) {
      entry = this.auditEntry(reviewId, 'export', summary, new Set());
      if (!entry.ok) return entry;
      recorded = await this.deps.store.createRecord('audit', entry.value);
    }
    if (!recorded.ok) return recorded;
    const loaded = await this.deps.store.loadReview(reviewId);
    if (!loaded.ok) return loaded;
    const bundle = createBundle(loaded.value, {
      exportedAt: entry.value.at,
      exportedBy: entry.value.who,
      producer: this.deps.producer ?? '',
    });
    return ok({ bundle, text: serialiseBundle(bundle), fileName: bundleFileName(loaded.value, entry.value.at) });
  }

  /** Imports bundle text (a .json file's contents). With `replace: false` an existing review is left alone. */
  async importBundle(text: string, options: { replace: boolean }): Promise<Result<ImportedReview, Failure>> {
    const parsed = parseBundleText(text);
    if (!parsed.ok) return parsed;
    return this.importParsed(parsed.value, options);
  }

  /** As importBundle, for a value already read as JSON. */
  async importBundleValue(value: unknown, options: { replace: boolean }): Promise<Result<ImportedReview, Failure>> {
    const parsed = parseBundle(value);
    if (!parsed.ok) return parsed;
    return this.importParsed(parsed.value, options);
  }

  /**
   * For a bundle whose review is already here: which copy was changed last and what differs in counts, so the
   * person can choose to replace, keep, or import the bundle's as a copy.
   */
  async compareWithHere(text: string): Promise<Result<CopiesHereAndInBundle, Failure>> {
    const parsed = parseBundleText(text);
    if (!parsed.ok) return parsed;
    const incoming = parsed.value.snapshot;
    const here = await this.deps.store.loadReview(incoming.review.id);
    if (!here.ok) return here;
    return ok({ codename: here.value.review.codename, ...compareCopies(here.value, incoming) });
  }

  /**
   * Imports a bundle beside the review already here, as a review of its own: a new id and "(copy)" after the
   * codename. In standalone mode this is how a team shares a review without losing either copy.
   */
  async importBundleAsCopy(text: string): Promise<Result<ImportedReview, Failure>> {
    const parsed = parseBundleText(text);
    if (!parsed.ok) return parsed;
    const listed = await this.deps.store.listReviews();
    if (!listed.ok) return listed;
    const takenIds = new Set<string>(listed.value.map((summary) => summary.id));
    let id = this.deps.ids.next(ID_PREFIX.review);
    for (let attempt = 0; takenIds.has(id) && attempt < 20; attempt++) id = this.deps.ids.next(ID_PREFIX.review);
    if (takenIds.has(id)) return err({ kind: 'unavailable', what: 'Review', detail: 'no unused id could be found', retryable: true });
    const codename = copyCodename(parsed.value.snapshot.review.codename, new Set(listed.value.map((summary) => summary.codename)));
    return this.importParsed({ ...parsed.value, snapshot: asCopy(parsed.value.snapshot, id, codename) }, { replace: false });
  }

  /**
   * Opens the fictional training case, importing it the first time. It has a fixed id, so asking twice
   * opens the same review instead of making a copy (and keeps any changes made to it while training).
   * `load` fetches the bundle lazily, so it stays out of the first screen's JavaScript.
   */
  async openTrainingCase(load: () => Promise<unknown>): Promise<Result<OpenedTrainingCase, Failure>> {
    let value: unknown;
    try {
      value = await load();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return err({ kind: 'unavailable', what: 'The training case', detail: `it could not be loaded: ${detail}`, retryable: true });
    }
    const parsed = parseBundle(value);
    if (!parsed.ok) return parsed;
    const reviewId = parsed.value.snapshot.review.id;
    const listed = await this.deps.store.listReviews();
    if (!listed.ok) return listed;
    if (listed.value.some((summary) => summary.id === reviewId)) return ok({ reviewId, alreadyPresent: true });
    const imported = await this.importParsed(parsed.value, { replace: false });
    if (!imported.ok) return imported;
    return ok({ reviewId, alreadyPresent: false });
  }

  private async importParsed(parsed: ParsedBundle, options: { replace: boolean }): Promise<Result<ImportedReview, Failure>> {
    const { snapshot, meta } = parsed;
    const migrated = meta.readFromFormatVersion !== CURRENT_BUNDLE_FORMAT_VERSION ? ` (format version ${meta.readFromFormatVersion}, migrated)` : '';
    const replaced = options.replace ? '; replaces any copy that was already here' : '';
    const summaryText = `Imported from a review bundle exported by ${meta.exportedBy} on ${formatLondonDateTime(meta.exportedAt)}${migrated}${replaced}.`;
    const entry = this.auditEntry(snapshot.review.id, 'import', summaryText, new Set(snapshot.audit.map((existing) => existing.id)));
    if (!entry.ok) return entry;
    // Every record against the same rules a form, the guide or the CLI meets (src/domain/session/rules.ts).
    const broken = snapshotIssues(snapshot, entry.value.at);
    if (broken.length > 0) return err({ kind: 'invalid', what: 'Review bundle', issues: broken });
    // The audit entry travels inside the snapshot, so it is written in the same all-or-nothing step.
    const withAudit: ReviewSnapshot = { ...snapshot, audit: [...snapshot.audit, entry.value] };
    const stored = await this.deps.store.importSnapshot(withAudit, options);
    if (!stored.ok) return stored;
    return ok({ summary: stored.value, meta, counts: countSnapshot(withAudit) });
  }

  private auditEntry(reviewId: ReviewId, action: AuditEntry['action'], summary: string, takenIds: ReadonlySet<string>): Result<AuditEntry, Failure> {
    const stamps = firstVersionStamps(this.deps.clock, this.deps.actor);
    let id = this.deps.ids.next(ID_PREFIX.audit);
    // A bundle from elsewhere may already use the id this source hands out next; never reuse one.
    for (let attempt = 0; takenIds.has(id) && attempt < 20; attempt++) id = this.deps.ids.next(ID_PREFIX.audit);
    if (takenIds.has(id)) return err({ kind: 'unavailable', what: 'Audit entry', detail: 'no unused id could be found', retryable: true });
    return validate(
      AuditEntrySchema,
      {
        id,
        reviewId,
        ...stamps,
        action,
        who: stamps.createdBy,
        at: stamps.createdAt,
        summary,
      },
      'Audit entry',
    );
  }
}

/** "kestrel-2026-03-29.review-bundle.json": codename and London date only. */
export function bundleFileName(snapshot: ReviewSnapshot, at: string): string {
  const slug =
    snapshot.review.codename
      .toLocaleLowerCase('en-GB')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'review';
  return `${slug}-${londonDateOf(at) ?? 'undated'}.review-bundle.json`;
}
