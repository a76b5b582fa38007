// Archiving a finished review and removing its private channel after the retention period (ADR 0908). Teams counts a
// private channel towards the team's limit while it exists (archived or not) and for 30 days after it is deleted, so
// only removal frees one. Archiving makes the channel read-only (channel-archive) and the review leaves the list.
import type { Failure } from '../../../domain/failures';
import { err, ok, type Result } from '../../../domain/result';
import type { ArchivedReview } from '../../../ports/review-archive';
import { failureFromOutcome, responseOf } from '../http/failures';
import type { GraphContext } from '../options';
import type { RegisterEntry, ReviewRegister } from './register';

const DAY_MS = 86_400_000;

/** Default days an archived review's channel is kept before it may be removed (configurable per LSCB). */
export const DEFAULT_ARCHIVE_RETENTION_DAYS = 90;

/** Teams keeps counting a deleted channel towards the team's limit for this long (limits-specifications-teams). */
export const DELETED_CHANNEL_COUNTED_DAYS = 30;

const WHAT = 'The review’s private channel';

export function asArchived(entry: RegisterEntry, retentionDays: number): ArchivedReview | undefined {
  if (entry.archivedAt === null) return undefined;
  return {
    reviewId: entry.reviewId,
    codename: entry.summary?.codename ?? entry.reviewId,
    archivedAt: entry.archivedAt,
    removableFrom: new Date(Date.parse(entry.archivedAt) + retentionDays * DAY_MS).toISOString(),
    channelRemovedAt: entry.channelRemovedAt,
    hasChannel: entry.channelId !== null,
  };
}

/** Whether a channel the app made still counts towards the team's private-channel limit at `nowMs`. */
export function stillCounted(entry: RegisterEntry, nowMs: number): boolean {
  if (entry.channelId === null) return false;
  if (entry.channelRemovedAt === null) return true;
  return nowMs - Date.parse(entry.channelRemovedAt) < DELETED_CHANNEL_COUNTED_DAYS * DAY_MS;
}

export class ReviewArchiver {
  constructor(
    private readonly context: GraphContext,
    private readonly register: ReviewRegister,
    readonly retentionDays: number,
  ) {}

  private nowIso(): string {
    return new Date(this.context.transport.now()).toISOString();
  }

  private channelUrl(channelId: string): string {
    return `/teams/${encodeURIComponent(this.context.options.teamId)}/channels/${encodeURIComponent(channelId)}`;
  }

  async archived(): Promise<Result<ArchivedReview[], Failure>> {
    const entries = await this.register.listActive();
    if (!entries.ok) return entries;
    return ok(entries.value.flatMap((entry) => asArchived(entry, this.retentionDays) ?? []).sort((a, b) => b.archivedAt.localeCompare(a.archivedAt)));
  }

  private async activeEntry(reviewId: string): Promise<Result<RegisterEntry, Failure>> {
    const found = await this.register.find(reviewId);
    if (!found.ok) return found;
    if (found.value === null || found.value.state !== 'active') return err({ kind: 'notFound', what: 'Review', id: reviewId });
    return ok(found.value);
  }

  /** Makes the channel read-only (its site read-only for members) and records the archive. Archiving twice is harmless. */
  async archive(reviewId: string): Promise<Result<ArchivedReview, Failure>> {
    const found = await this.activeEntry(reviewId);
    if (!found.ok) return found;
    const entry = found.value;
    const already = asArchived(entry, this.retentionDays);
    if (already !== undefined) return ok(already);
    if (entry.channelId !== null) {
      const sent = await this.context.transport.send({
        method: 'POST',
        url: `${this.channelUrl(entry.channelId)}/archive`,
        json: { shouldSetSpoSiteReadOnlyForMembers: true },
        // Archiving an archived channel changes nothing, so a lost answer is simply asked again.
        idempotent: true,
      });
      const status = responseOf(sent)?.status;
      if (status !== 202 && status !== 204 && status !== 200) return err(failureFromOutcome(sent, WHAT));
    }
    const archivedAt = this.nowIso();
    const updated = await this.register.update(entry, { archivedAt });
    if (!updated.ok) return updated;
    return ok(asArchived({ ...entry, archivedAt }, this.retentionDays)!);
  }

  /** Removes an archived review's channel once its retention period is over; refused before then. */
  async removeChannel(reviewId: string): Promise<Result<ArchivedReview, Failure>> {
    const found = await this.activeEntry(reviewId);
    if (!found.ok) return found;
    const entry = found.value;
    const archived = asArchived(entry, this.retentionDays);
    if (archived === undefined) {
      return err({ kind: 'blocked', what: WHAT, reasons: ['Only an archived review’s channel can be removed. Archive the review first.'] });
    }
    if (archived.channelRemovedAt !== null || entry.channelId === null) return ok(archived);
    if (this.context.transport.now() < Date.parse(archived.removableFrom)) {
      return err({
        kind: 'blocked',
        what: WHAT,
        reasons: [
          `The review was archived on ${archived.archivedAt.slice(0, 10)}; its channel is kept for ${this.retentionDays} days and can be removed from ${archived.removableFrom.slice(0, 10)}.`,
        ],
      });
    }
    const sent = await this.context.transport.send({ method: 'DELETE', url: this.channelUrl(entry.channelId), idempotent: true });
    const status = responseOf(sent)?.status;
    // A 404 after a lost answer means the first attempt removed it.
    if (status !== 204 && status !== 404) return err(failureFromOutcome(sent, WHAT));
    const channelRemovedAt = this.nowIso();
    const updated = await this.register.update(entry, { channelRemovedAt });
    if (!updated.ok) return updated;
    return ok({ ...archived, channelRemovedAt });
  }
}
