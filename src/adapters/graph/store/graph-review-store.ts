// The ReviewStore over SharePoint lists. This module only orchestrates: where a review lives (the
// register), what to read in one $batch, and which records to write; HTTP, batching, paging, mapping
// and files live in their own modules.
import type { Failure } from '../../../domain/failures';
import type { ReviewId } from '../../../domain/ids';
import {
  CHILD_RECORD_KINDS,
  COLLECTION_OF_KIND,
  emptySnapshot,
  type AnyChildRecord,
  type ChildRecordKind,
  type ChildRecordOf,
  type Review,
  type ReviewSnapshot,
} from '../../../domain/model';
import { summariseReview, type ReviewSummary } from '../../../domain/review-summary';
import { err, ok, type Result } from '../../../domain/result';
import { UNKNOWN_CHANGE, type ChangedRecord, type RemovedRecord, type ReviewChange, type ReviewStore } from '../../../ports/review-store';
import {
  memoryKeeper,
  type PendingReviewKeeper,
  type PendingReviewSetup,
  type PrivateChannelQuota,
  type ReviewSetup,
  type ReviewSetupProgress,
  type ReviewSetupStage,
} from '../../../ports/review-setup';
import { deletePayload, payloadPath, uploadPayload } from '../files/payload-files';
import { sendBatch } from '../http/batch';
import { failureFromOutcome, responseOf } from '../http/failures';
import { readCollections, type CollectionQuery } from '../http/paging';
import { itemQueryUrl, itemUrl, itemsUrl, listUrl, queryString, selectedColumns } from '../http/urls';
import { encodeRecord } from '../mapping/item-mapper';
import { provisionSite } from '../provisioning';
import { odataString, type GraphContext } from '../options';
import { MULTI_LINE_BUDGET } from '../schema/columns';
import { COMMON_COLUMNS, CURRENT_SCHEMA_VERSION, REGISTER_LIST, REVIEW_DETAILS_LIST, childListSpec, type RecordListSpec } from '../schema/lists';
import { ReviewRegister, asStoredItem, summaryFields, summaryMatches, type RegisterEntry } from '../sites/register';
import { DEFAULT_PRIVATE_CHANNEL_LIMIT, privateChannelSites, siteWaitMs, type ReviewSiteAllocator } from '../sites/review-sites';
import { DEFAULT_ARCHIVE_RETENTION_DAYS, ReviewArchiver, stillCounted } from '../sites/review-archive';
import type { ArchivedReview, ReviewArchive } from '../../../ports/review-archive';
import { DeltaTracker, startPolling, type DeltaRound, type DeltaTarget } from '../watch/delta-watch';
import { ItemRefCache, RecordItems, refOf, type ReviewLocation } from './record-items';
import { MeetingIndex } from '../meetings/online-meetings';

const REVIEW_WHAT = 'Review';
const ALL_RECORD_LISTS: readonly RecordListSpec[] = [REVIEW_DETAILS_LIST, ...CHILD_RECORD_KINDS.map(childListSpec)];

interface Located extends ReviewLocation {
  readonly entry: RegisterEntry;
}

const notFoundReview = (id: string): Failure => ({ kind: 'notFound', what: REVIEW_WHAT, id });

const randomGeneration = (): string => globalThis.crypto.randomUUID().slice(0, 8);

/** Where a pending setup is, from its register entry (each step is recorded there as it completes). */
function stageOf(entry: RegisterEntry): ReviewSetupStage {
  if (entry.state === 'active') return 'ready';
  if (entry.siteId === null) return entry.channelId === null ? 'registered' : 'channelCreated';
  return (entry.siteSchema ?? 0) >= CURRENT_SCHEMA_VERSION ? 'listsProvisioned' : 'siteReady';
}

export class GraphReviewStore implements ReviewStore, ReviewSetup, ReviewArchive {
  private readonly register: ReviewRegister;
  private readonly items: RecordItems;
  private readonly allocator: ReviewSiteAllocator;
  private readonly locations = new Map<string, Located>();
  private readonly keeper: PendingReviewKeeper;
  private readonly progressListeners = new Set<(progress: ReviewSetupProgress) => void>();
  private readonly meetingIndex: MeetingIndex;
  /** The meeting link each conversation had when this store last saw it: the index is written only when it changes. */
  private readonly knownLinks = new Map<string, string>();
  private registerSite: string | undefined;
  private readonly archiver: ReviewArchiver;

  constructor(private readonly context: GraphContext) {
    const { options } = context;
    this.register = new ReviewRegister(context, () => this.registerSiteId());
    this.items = new RecordItems(context, new ItemRefCache());
    this.keeper = options.pendingReviews ?? memoryKeeper();
    this.meetingIndex = new MeetingIndex(context.transport, () => this.registerSiteId());
    this.archiver = new ReviewArchiver(context, this.register, options.archiveRetentionDays ?? DEFAULT_ARCHIVE_RETENTION_DAYS);
    this.allocator =
      options.reviewSites ??
      privateChannelSites({
        teamId: options.teamId,
        owner: options.channelOwner,
        owners: options.channelOwners,
        members: options.channelMembers,
        siteReadyTimeoutMs: options.siteReadyTimeoutMs,
        onWaiting: (review, attempt, waitMs) => this.progress(review, 'waitingForSite', attempt, waitMs),
      });
  }

  // ------------------------------------------------------------ setting up a review (resumable)

  private progress(review: Pick<Review, 'id' | 'codename'>, stage: ReviewSetupStage, attempt = 0, nextWaitMs = 0): void {
    for (const listener of this.progressListeners) listener({ reviewId: review.id, codename: review.codename, stage, attempt, nextWaitMs });
  }

  onProgress(listener: (progress: ReviewSetupProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  async pending(): Promise<Result<PendingReviewSetup[], Failure>> {
    const entries = await this.register.listByState('provisioning');
    if (!entries.ok) return entries;
    return ok(
      entries.value.map((entry) => ({
        reviewId: entry.reviewId,
        codename: entry.summary?.codename ?? this.keeper.get(entry.reviewId)?.codename ?? entry.reviewId,
        stage: stageOf(entry),
        resumable: this.keeper.get(entry.reviewId) !== undefined,
      })),
    );
  }

  async resume(reviewId: string): Promise<Result<Review, Failure>> {
    const review = this.keeper.get(reviewId);
    if (review === undefined)
      return err({ kind: 'notFound', what: 'The details of the review being set up (it was started in another browser)', id: reviewId });
    return this.createReview(review);
  }

  async abandon(reviewId: string): Promise<Result<void, Failure>> {
    const found = await this.register.find(reviewId);
    if (!found.ok) return found;
    if (found.value !== null && found.value.state === 'provisioning') {
      const removed = await this.register.remove(found.value);
      if (!removed.ok) return removed;
    }
    this.keeper.remove(reviewId);
    return ok(undefined);
  }

  /**
   * Private channels left in the team. Graph lists only live channels (and, with delegated permissions, may not show
   * private channels the person is not in), while Teams also counts deleted ones for 30 days; the register knows every
   * channel this app made, so the larger of the two counts is used.
   */
  async privateChannelQuota(): Promise<Result<PrivateChannelQuota, Failure>> {
    const limit = this.context.options.privateChannelLimit ?? DEFAULT_PRIVATE_CHANNEL_LIMIT;
    const listed = await this.context.transport.send({
      method: 'GET',
      url: `/teams/${encodeURIComponent(this.context.options.teamId)}/channels${queryString([['$filter', "membershipType eq 'private'"]])}`,
    });
    const response = responseOf(listed);
    if (response?.status !== 200) return err(failureFromOutcome(listed, 'The team’s private channels'));
    const live = ((response.body as { value?: unknown[] } | null)?.value ?? []).length;
    const registered: RegisterEntry[] = [];
    for (const state of ['active', 'provisioning', 'importing'] as const) {
      const entries = await this.register.listByState(state);
      if (!entries.ok) return entries;
      registered.push(...entries.value);
    }
    // A removed channel is still counted for 30 days (ADR 0908).
    const nowMs = this.context.transport.now();
    const made = new Set(registered.flatMap((entry) => (stillCounted(entry, nowMs) && entry.channelId !== null ? [entry.channelId] : []))).size;
    const inUse = Math.max(live, made);
    return ok({ limit, inUse, remaining: Math.max(0, limit - inUse) });
  }

  // ------------------------------------------------------------ archiving finished reviews (ADR 0908)

  get retentionDays(): number {
    return this.archiver.retentionDays;
  }

  archived(): Promise<Result<ArchivedReview[], Failure>> {
    return this.archiver.archived();
  }

  async archive(reviewId: string): Promise<Result<ArchivedReview, Failure>> {
    const archived = await this.archiver.archive(reviewId);
    if (archived.ok) this.locations.delete(reviewId);
    return archived;
  }

  async removeChannel(reviewId: string): Promise<Result<ArchivedReview, Failure>> {
    const removed = await this.archiver.removeChannel(reviewId);
    if (removed.ok) this.locations.delete(reviewId);
    return removed;
  }

  // ------------------------------------------------------------ where things are

  /** The register site's id; a hostname:/path is looked up once. */
  private async registerSiteId(): Promise<Result<string, Failure>> {
    if (this.registerSite !== undefined) return ok(this.registerSite);
    const given = this.context.options.registerSiteId;
    if (!given.includes(':/')) {
      this.registerSite = given;
      return ok(given);
    }
    const sent = await this.context.transport.send({ method: 'GET', url: `/sites/${given}${queryString([['$select', 'id']])}` });
    const response = responseOf(sent);
    const id = (response?.body as { id?: unknown } | null)?.id;
    if (response?.status !== 200 || typeof id !== 'string') return err(failureFromOutcome(sent, 'The LSCB team site'));
    this.registerSite = id;
    return ok(id);
  }

  private located(entry: RegisterEntry): Located | undefined {
    // A review whose channel was removed has no records left to read.
    if (entry.state !== 'active' || entry.siteId === null || entry.channelRemovedAt !== null) return undefined;
    return { reviewId: entry.reviewId, siteId: entry.siteId, storageKey: entry.storageKey, entry };
  }

  /**
   * Finds a review through the register (remembered afterwards). A site provisioned by an older build is
   * upgraded first, so writes always match the current schema.
   */
  private async locate(reviewId: string): Promise<Result<Located, Failure>> {
    const cached = this.locations.get(reviewId);
    if (cached !== undefined) return ok(cached);
    const found = await this.register.find(reviewId);
    if (!found.ok) return found;
    const location = found.value === null ? undefined : this.located(found.value);
    if (location === undefined) return err(notFoundReview(reviewId));
    if ((location.entry.siteSchema ?? 0) < CURRENT_SCHEMA_VERSION) {
      const upgraded = await provisionSite(this.context, location.siteId, 'review');
      if (!upgraded.ok) {
        return err(
          upgraded.error.kind === 'permissionDenied'
            ? { kind: 'unsupportedVersion', what: 'The SharePoint lists of this review', found: location.entry.siteSchema, supported: [CURRENT_SCHEMA_VERSION] }
            : upgraded.error,
        );
      }
      await this.register.update(location.entry, { siteSchema: CURRENT_SCHEMA_VERSION });
    }
    this.locations.set(reviewId, location);
    return ok(location);
  }

  // ------------------------------------------------------------ reading

  async listReviews(): Promise<Result<ReviewSummary[], Failure>> {
    const entries = await this.register.listActive();
    if (!entries.ok) return entries;
    // The list is how a review is usually opened: remember where each one lives, so that opening it is a
    // single round trip (loadReview re-checks the register in the same batch). Sites behind the current
    // schema are left for locate(), which upgrades them first.
    for (const entry of entries.value) {
      const location = this.located(entry);
      if (location !== undefined && (entry.siteSchema ?? 0) >= CURRENT_SCHEMA_VERSION) this.locations.set(entry.reviewId, location);
    }
    return ok(
      entries.value
        // Archived reviews are listed by archived(), not here (ADR 0908).
        .flatMap((entry) => (entry.summary === null || entry.archivedAt !== null ? [] : [entry.summary]))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    );
  }

  /**
   * One $batch reads the review and every list (and, when the location was remembered, re-checks the
   * register in the same batch); further pages are batched too. A warm load is one round trip.
   */
  async loadReview(reviewId: ReviewId): Promise<Result<ReviewSnapshot, Failure>> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const remembered = this.locations.get(reviewId);
      let place: Located;
      if (remembered !== undefined) {
        place = remembered;
      } else {
        const located = await this.locate(reviewId);
        if (!located.ok) return located;
        place = located.value;
      }
      const queries: CollectionQuery[] = ALL_RECORD_LISTS.map((spec) => ({ key: spec.key, url: this.items.reviewItemsUrl(place, spec) }));
      if (remembered !== undefined && this.registerSite !== undefined) {
        queries.push({ key: 'register', url: this.register.lookupUrl(this.registerSite, reviewId) });
      }
      const read = await readCollections(this.context.transport, queries);
      if (!read.ok) {
        const status = responseOf(read.outcome)?.status;
        if (status === 404 || status === 403) this.locations.delete(reviewId);
        if (status === 404) return err(notFoundReview(reviewId));
        return err(failureFromOutcome(read.outcome, REVIEW_WHAT));
      }
      if (remembered !== undefined) {
        const picked = ReviewRegister.pickEntry(read.values.get('register') ?? []);
        if (!picked.ok) return picked;
        const now = picked.value === null ? undefined : this.located(picked.value);
        if (now === undefined) {
          this.locations.delete(reviewId);
          return err(notFoundReview(reviewId));
        }
        if (now.siteId !== place.siteId || now.storageKey !== place.storageKey) {
          // Replaced by an import since we last looked: read again from where it is now.
          this.locations.delete(reviewId);
          continue;
        }
        this.locations.set(reviewId, now);
      }
      return this.assemble(place, read.values);
    }
    return err(notFoundReview(reviewId));
  }

  private async assemble(place: Located, values: ReadonlyMap<string, unknown[]>): Promise<Result<ReviewSnapshot, Failure>> {
    const reviews = await this.items.decodeAll<Review>(place, REVIEW_DETAILS_LIST, values.get('review') ?? []);
    if (!reviews.ok) return reviews;
    const review = reviews.value[0];
    if (review === undefined) return err(notFoundReview(place.reviewId));
    const snapshot = emptySnapshot(review);
    for (const kind of CHILD_RECORD_KINDS) {
      const records = await this.items.decodeAll<AnyChildRecord>(place, childListSpec(kind), values.get(kind) ?? []);
      if (!records.ok) return records;
      (snapshot[COLLECTION_OF_KIND[kind]] as AnyChildRecord[]).push(...records.value);
    }
    for (const conversation of snapshot.conversations) this.knownLinks.set(conversation.id, conversation.meetingLink);
    // The register is a summary of the review: repair it if an earlier update could not reach it.
    if (!summaryMatches(place.entry.summary, review)) {
      const repaired = await this.register.update(place.entry, summaryFields(review));
      if (repaired.ok) this.locations.set(place.reviewId, { ...place, entry: { ...place.entry, summary: summariseReview(review) } });
    }
    return ok(snapshot);
  }

  // ------------------------------------------------------------ reviews

  async createReview(review: Review): Promise<Result<Review, Failure>> {
    const existing = await this.register.find(review.id);
    if (!existing.ok) return existing;
    if (existing.value?.state === 'active') return err({ kind: 'alreadyExists', what: REVIEW_WHAT, id: review.id });
    const stored: Review = { ...review, version: 1 };
    // Kept until the review is ready, so a setup interrupted by a closed tab can be resumed.
    this.keeper.put(review);
    const prepared = await this.prepareSite(existing.value, stored, review.id);
    if (!prepared.ok) return prepared;
    const { entry, place } = prepared.value;
    const details = await this.items.fetchCurrent<Review>(place, REVIEW_DETAILS_LIST, review.id);
    if (!details.ok) return details;
    if (details.value !== null) {
      // An earlier attempt that stopped part-way wrote the details already; this attempt's replace them.
      const cleared = await this.items.remove(place, REVIEW_DETAILS_LIST, review.id, details.value.ref.version);
      if (!cleared.ok) return cleared;
    }
    const written = await this.items.create(place, REVIEW_DETAILS_LIST, stored);
    if (!written.ok) return written;
    const activated = await this.register.update(entry, {
      state: 'active',
      storageKey: place.storageKey,
      siteSchema: CURRENT_SCHEMA_VERSION,
      ...summaryFields(stored),
    });
    if (!activated.ok) return activated;
    this.locations.set(review.id, {
      ...place,
      entry: { ...entry, state: 'active', storageKey: place.storageKey, summary: summariseReview(stored), siteSchema: CURRENT_SCHEMA_VERSION },
    });
    this.keeper.remove(review.id);
    this.progress(review, 'ready');
    return ok(stored);
  }

  /**
   * Reserves the review's register entry (state provisioning or importing), gets it a site and lists.
   * Every step can be repeated: an interrupted start carries on from the entry it left.
   */
  private async prepareSite(
    existing: RegisterEntry | null,
    review: Review,
    storageKey: string,
    state: 'provisioning' | 'importing' = 'provisioning',
  ): Promise<Result<{ entry: RegisterEntry; place: Located }, Failure>> {
    let entry = existing;
    if (entry === null) {
      const created = await this.register.create({ reviewId: review.id, state, storageKey, ...summaryFields(review) });
      if (!created.ok) return created;
      entry = created.value;
    }
    this.progress(review, stageOf(entry));
    let siteId = entry.siteId;
    let channelId = entry.channelId;
    if (siteId === null) {
      const site = await this.allocator.allocate(this.context.transport, review, {
        channelId,
        // The channel is recorded the moment it exists, so a closed tab carries on with it rather than making another.
        onChannel: async (made) => {
          if (made === channelId || entry === null) return;
          channelId = made;
          await this.register.update(entry, { channelId: made });
          this.progress(review, 'channelCreated');
        },
      });
      if (!site.ok) return site;
      siteId = site.value.siteId;
      channelId = site.value.channelId;
      const noted = await this.register.update(entry, { siteId, channelId });
      if (!noted.ok) return noted;
      this.progress(review, 'siteReady');
    }
    if ((entry.siteSchema ?? 0) < CURRENT_SCHEMA_VERSION) {
      const provisioned = await this.provisionNewSite(review, siteId);
      if (!provisioned.ok) return provisioned;
      // Recorded, so a resumed setup does not provision again (the review stays invisible until it is active).
      await this.register.update(entry, { siteSchema: CURRENT_SCHEMA_VERSION });
      entry = { ...entry, siteSchema: CURRENT_SCHEMA_VERSION };
      this.progress(review, 'listsProvisioned');
    }
    entry = { ...entry, siteId, channelId };
    return ok({ entry, place: { reviewId: review.id, siteId, storageKey, entry } });
  }

  /**
   * A new channel site's permissions lag behind its creation: its owner can be refused (403) for a while. Lists are
   * created with the same backoff and budget as the wait for the site.
   */
  private async provisionNewSite(review: Review, siteId: string): Promise<Result<unknown, Failure>> {
    const budget = this.context.options.siteReadyTimeoutMs ?? 600_000;
    let waited = 0;
    for (let attempt = 0; ; attempt += 1) {
      const provisioned = await provisionSite(this.context, siteId, 'review');
      if (provisioned.ok || provisioned.error.kind !== 'permissionDenied') return provisioned;
      const wait = siteWaitMs(attempt);
      if (waited + wait > budget) return provisioned;
      this.progress(review, 'siteReady', attempt + 1, wait);
      await this.context.transport.sleep(wait);
      waited += wait;
    }
  }

  async updateReview(review: Review): Promise<Result<Review, Failure>> {
    const place = await this.locate(review.id);
    if (!place.ok) return place;
    const saved = await this.items.update(place.value, REVIEW_DETAILS_LIST, review);
    if (!saved.ok) return saved;
    // The register only summarises; if this write fails the next load repairs it.
    const summarised = await this.register.update(place.value.entry, summaryFields(saved.value));
    if (summarised.ok) this.locations.set(review.id, { ...place.value, entry: { ...place.value.entry, summary: summariseReview(saved.value) } });
    return saved;
  }

  async deleteReview(reviewId: ReviewId): Promise<Result<void, Failure>> {
    const place = await this.locate(reviewId);
    if (!place.ok) return place;
    // Removing the register entry is the moment the review is gone; its items are then cleared away.
    const removed = await this.register.remove(place.value.entry);
    if (!removed.ok) return removed;
    this.locations.delete(reviewId);
    await this.purge(place.value);
    return ok(undefined);
  }

  /** Deletes every item (and file) carrying a storage key. Best effort: leftovers are unreachable. */
  private async purge(location: ReviewLocation): Promise<void> {
    const queries = ALL_RECORD_LISTS.map((spec) => ({
      key: spec.key,
      url: itemQueryUrl(location.siteId, spec, {
        filter: `fields/${COMMON_COLUMNS.reviewKey.name} eq ${odataString(location.storageKey)}`,
        columns: [COMMON_COLUMNS.recordId.name, COMMON_COLUMNS.recordVersion.name, COMMON_COLUMNS.payloadFile.name],
        top: this.context.pageSize,
      }),
    }));
    const read = await readCollections(this.context.transport, queries);
    if (!read.ok) return;
    const deletions: Array<{ id: string; method: 'DELETE'; url: string }> = [];
    const files: string[] = [];
    for (const spec of ALL_RECORD_LISTS) {
      for (const raw of read.values.get(spec.key) ?? []) {
        const item = asStoredItem(raw);
        if (item === undefined) continue;
        deletions.push({ id: `${spec.key}.${item.itemId}`, method: 'DELETE', url: itemUrl(location.siteId, spec, item.itemId) });
        const ref = refOf(item);
        if (ref?.payloadFile != null) files.push(ref.payloadFile);
        if (ref !== undefined) this.items.refs.delete(location, spec, String(item.fields[COMMON_COLUMNS.recordId.name]));
      }
    }
    await sendBatch(this.context.transport, deletions, { concurrency: this.context.batchConcurrency });
    for (const file of files) await deletePayload(this.context, location.siteId, file);
  }

  // ------------------------------------------------------------ records

  async createRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    const place = await this.locate(record.reviewId);
    if (!place.ok) return place;
    const created = await this.items.create(place.value, childListSpec(kind), record);
    if (created.ok) await this.indexMeeting(kind, created.value);
    return created;
  }

  async updateRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    const place = await this.locate(record.reviewId);
    if (!place.ok) return place;
    const updated = await this.items.update(place.value, childListSpec(kind), record);
    if (updated.ok) await this.indexMeeting(kind, updated.value);
    return updated;
  }

  /**
   * A conversation whose meeting link is new or changed gets an entry in the meeting index, so a meeting side panel
   * finds it in one request. Best effort: a site set up before the index existed has no list, and the side panel
   * then searches as it used to. Any other save costs no extra request.
   */
  private async indexMeeting(kind: ChildRecordKind, record: AnyChildRecord): Promise<void> {
    if (kind !== 'conversation') return;
    const conversation = record as ChildRecordOf<'conversation'>;
    if (conversation.meetingLink === '' || this.knownLinks.get(conversation.id) === conversation.meetingLink) return;
    this.knownLinks.set(conversation.id, conversation.meetingLink);
    await this.meetingIndex.put({ reviewId: conversation.reviewId, conversationId: conversation.id, joinUrl: conversation.meetingLink, chatThreadId: null });
  }

  async deleteRecord(kind: ChildRecordKind, reviewId: ReviewId, id: string, expectedVersion: number): Promise<Result<void, Failure>> {
    const place = await this.locate(reviewId);
    if (!place.ok) return place;
    return this.items.remove(place.value, childListSpec(kind), id, expectedVersion);
  }

  // ------------------------------------------------------------ import

  /**
   * All or nothing: the records are written under a fresh storage key that nothing reads yet, and the
   * register is switched to that key only when every item is in. A replaced review's old items are
   * cleared afterwards; a failed import leaves nothing anyone can see.
   */
  async importSnapshot(snapshot: ReviewSnapshot, options: { replace: boolean }): Promise<Result<ReviewSummary, Failure>> {
    const review = snapshot.review;
    const existing = await this.register.find(review.id);
    if (!existing.ok) return existing;
    const active = existing.value?.state === 'active' ? existing.value : null;
    if (active !== null && !options.replace) return err({ kind: 'alreadyExists', what: REVIEW_WHAT, id: review.id });
    const storageKey = `${review.id}#${(this.context.options.newGeneration ?? randomGeneration)()}`;
    let siteId: string;
    let entry: RegisterEntry;
    if (active !== null) {
      const located = await this.locate(review.id);
      if (!located.ok) return located;
      siteId = located.value.siteId;
      entry = located.value.entry;
    } else {
      const prepared = await this.prepareSite(existing.value, review, storageKey, 'importing');
      if (!prepared.ok) return prepared;
      siteId = prepared.value.place.siteId;
      entry = prepared.value.entry;
    }
    const target: ReviewLocation = { reviewId: review.id, siteId, storageKey };

    const written = await this.writeAll(target, snapshot);
    if (!written.ok) {
      await this.purge(target);
      return written;
    }
    const switched = await this.register.update(entry, { state: 'active', storageKey, siteSchema: CURRENT_SCHEMA_VERSION, ...summaryFields(review) });
    if (!switched.ok) {
      await this.purge(target);
      return switched;
    }
    this.locations.set(review.id, {
      ...target,
      entry: { ...entry, state: 'active', storageKey, siteSchema: CURRENT_SCHEMA_VERSION, summary: summariseReview(review), siteId },
    });
    // What the review held before (or what an earlier, failed attempt left) is cleared away.
    const previous = active ?? existing.value;
    if (previous !== null && previous.storageKey !== storageKey) {
      await this.purge({ reviewId: review.id, siteId: previous.siteId ?? siteId, storageKey: previous.storageKey });
    }
    return ok(summariseReview(review));
  }

  /** Creates every record's item in $batch; parts whose batch dropped are looked for by record id and re-sent if missing. */
  private async writeAll(target: ReviewLocation, snapshot: ReviewSnapshot): Promise<Result<void, Failure>> {
    const work: Array<{ spec: RecordListSpec; record: Review | AnyChildRecord }> = [
      { spec: REVIEW_DETAILS_LIST, record: snapshot.review },
      ...CHILD_RECORD_KINDS.flatMap((kind) =>
        (snapshot[COLLECTION_OF_KIND[kind]] as AnyChildRecord[]).map((record) => ({ spec: childListSpec(kind), record })),
      ),
    ];
    const parts: Array<{ id: string; method: 'POST'; url: string; body: unknown; spec: RecordListSpec; recordId: string }> = [];
    for (const [index, { spec, record }] of work.entries()) {
      const encoded = encodeRecord(spec, record, { reviewKey: target.storageKey, schemaVersion: CURRENT_SCHEMA_VERSION });
      let fields: Record<string, unknown> = { ...encoded.fields, [COMMON_COLUMNS.payload.name]: encoded.payload };
      if (encoded.payload.length > MULTI_LINE_BUDGET) {
        const uploaded = await uploadPayload(this.context, target.siteId, payloadPath(spec.listName, record.id, record.version), encoded.payload);
        if (!uploaded.ok) return uploaded;
        fields = { ...encoded.fields, [COMMON_COLUMNS.payloadFile.name]: uploaded.value };
      }
      parts.push({ id: String(index), method: 'POST', url: itemsUrl(target.siteId, spec), body: { fields }, spec, recordId: record.id });
    }
    let pending = parts;
    for (let attempt = 0; attempt < 3 && pending.length > 0; attempt += 1) {
      const answers = await sendBatch(this.context.transport, pending, { concurrency: this.context.batchConcurrency });
      const unknown = [];
      for (const part of pending) {
        const outcome = answers.get(part.id);
        if (responseOf(outcome)?.status === 201) continue;
        if (outcome?.kind === 'unknown') {
          unknown.push(part);
          continue;
        }
        return err(failureFromOutcome(outcome ?? { kind: 'unknown', detail: '' }, REVIEW_WHAT));
      }
      if (unknown.length === 0) return ok(undefined);
      // Which of the parts in doubt arrived? Nothing else uses this storage key, so a read of it is exact.
      const present = await this.recordIdsUnder(target, [...new Set(unknown.map((part) => part.spec))]);
      if (!present.ok) return present;
      pending = unknown.filter((part) => !present.value.has(`${part.spec.key}|${part.recordId}`));
    }
    return pending.length === 0
      ? ok(undefined)
      : err({ kind: 'unavailable', what: REVIEW_WHAT, detail: 'the connection to Microsoft Graph was lost', retryable: true });
  }

  private async recordIdsUnder(target: ReviewLocation, specs: readonly RecordListSpec[]): Promise<Result<Set<string>, Failure>> {
    const read = await readCollections(
      this.context.transport,
      specs.map((spec) => ({
        key: spec.key,
        url: itemQueryUrl(target.siteId, spec, {
          filter: `fields/${COMMON_COLUMNS.reviewKey.name} eq ${odataString(target.storageKey)}`,
          columns: [COMMON_COLUMNS.recordId.name],
          top: this.context.pageSize,
        }),
      })),
    );
    if (!read.ok) return err(failureFromOutcome(read.outcome, REVIEW_WHAT));
    const present = new Set<string>();
    for (const spec of specs) {
      for (const raw of read.values.get(spec.key) ?? []) {
        const recordId = asStoredItem(raw)?.fields[COMMON_COLUMNS.recordId.name];
        if (typeof recordId === 'string') present.add(`${spec.key}|${recordId}`);
      }
    }
    return ok(present);
  }

  // ------------------------------------------------------------ watching

  /**
   * Delta queries on every list (one $batch per round). What delta reports is turned into the records it changed,
   * through the same mapper as a load: a deleted item is `removed`; a changed register entry (the review moved or
   * went), an expired token (410) or an item that cannot be read is `unknown`, and only then is the review re-read.
   */
  watchReview(reviewId: ReviewId, onChange: (change: ReviewChange) => void): () => void {
    const interval = this.context.options.watchIntervalMs ?? 15_000;
    let place: Located | undefined;
    return startPolling(
      async () => {
        const located = await this.locate(reviewId);
        if (!located.ok || this.registerSite === undefined) return undefined;
        place = located.value;
        const key = COMMON_COLUMNS.reviewKey.name;
        const targets: DeltaTarget[] = ALL_RECORD_LISTS.map((spec) => ({
          key: spec.key,
          url: `${listUrl(located.value.siteId, spec)}/items/delta${queryString([['$expand', `fields($select=${selectedColumns(spec, CURRENT_SCHEMA_VERSION).join(',')})`]])}`,
          concerns: (item) => {
            const itemKey = item.fields[key];
            return item.deleted || typeof itemKey !== 'string' || itemKey === located.value.storageKey;
          },
        }));
        targets.push({
          key: 'register',
          url: `${listUrl(this.registerSite, REGISTER_LIST)}/items/delta${queryString([['$expand', 'fields($select=reviewId)']])}`,
          concerns: (item) => item.deleted || item.fields.reviewId === reviewId,
        });
        const tracker = new DeltaTracker(this.context.transport, targets);
        await tracker.start();
        return tracker;
      },
      interval,
      async (round) => {
        onChange(place === undefined ? UNKNOWN_CHANGE : await this.changeFrom(place, round));
      },
    );
  }

  private async changeFrom(place: Located, round: DeltaRound): Promise<ReviewChange> {
    if (round.resynced.size > 0 || round.changed.has('register')) {
      // The review may have moved (an import) or gone: nothing remembered can be trusted.
      this.locations.delete(place.reviewId);
      return UNKNOWN_CHANGE;
    }
    let review: Review | null = null;
    const changed: ChangedRecord[] = [];
    const removed: RemovedRecord[] = [];
    for (const spec of ALL_RECORD_LISTS) {
      const items = round.items.get(spec.key) ?? [];
      if (items.length === 0) continue;
      const live = items.filter((item) => !item.deleted);
      for (const item of items.filter((candidate) => candidate.deleted)) {
        const recordId = this.items.refs.recordIdOf(place, spec, item.itemId);
        // An item this store never saw is not one of this review's (every item of the review was seen at load or since).
        if (recordId === undefined) continue;
        if (spec.key === 'review') return UNKNOWN_CHANGE;
        this.items.refs.delete(place, spec, recordId);
        removed.push({ kind: spec.key as ChildRecordKind, id: recordId });
      }
      const decoded = await this.items.decodeAll<Review | AnyChildRecord>(
        place,
        spec,
        live.map((item) => item.raw),
      );
      if (!decoded.ok) return UNKNOWN_CHANGE;
      for (const record of decoded.value) {
        if (spec.key === 'review') review = record as Review;
        else changed.push({ kind: spec.key as ChildRecordKind, record: record as AnyChildRecord });
      }
    }
    if (review === null && changed.length === 0 && removed.length === 0) return UNKNOWN_CHANGE;
    return { kind: 'records', review, changed, removed };
  }
}
