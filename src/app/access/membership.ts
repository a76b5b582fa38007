import { changeId, decide, describeChange, planMembership, type MembershipChange, type MembershipPlan } from '../../domain/access';
import type { Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import type { ChannelMember, ReviewChannelDirectory } from '../../ports/directory';
import type { ReviewSession } from '../session/review-session';
import { describeFailure } from '../failure-messages';

/** A change whose Graph call failed: shown with the reason, and tried again on request. */
export interface PendingMembershipChange {
  readonly id: string;
  readonly change: MembershipChange;
  readonly reason: string;
  readonly at: string;
}

export interface MembershipState {
  readonly members: readonly ChannelMember[];
  readonly plan: MembershipPlan;
  readonly pending: readonly PendingMembershipChange[];
}

/**
 * A coordinator's management of one review's channel membership: the team list says who should be in, the channel
 * says who is; each change is made through the directory (Graph), then written to the audit trail (who, whom, what,
 * when). A change that failed stays pending with its reason. A removal is only reported once the channel no longer
 * lists the person: the app never says someone has been removed while they still have access.
 */
export class ReviewMembership {
  private readonly pendingChanges = new Map<string, PendingMembershipChange>();

  constructor(
    private readonly directory: ReviewChannelDirectory,
    private readonly session: ReviewSession,
    private readonly options: { readonly signedIn: string; readonly memberLimit: number },
  ) {}

  async state(): Promise<Result<MembershipState, Failure>> {
    const members = await this.directory.members(this.session.reviewId);
    if (!members.ok) return members;
    const plan = planMembership(this.session.getSnapshot().teamMembers, members.value, { keep: this.options.signedIn, memberLimit: this.options.memberLimit });
    // A pending change the channel has since caught up with is no longer pending.
    const wanted = new Set(plan.changes.map(changeId));
    for (const id of this.pendingChanges.keys()) if (!wanted.has(id)) this.pendingChanges.delete(id);
    return ok({ members: members.value, plan, pending: [...this.pendingChanges.values()] });
  }

  /** Makes one change in Teams, then records it; a refusal or a lost connection leaves it pending with the reason. */
  async apply(change: MembershipChange): Promise<Result<void, Failure>> {
    const permitted = decide(this.session.access(), 'manageMembers');
    if (!permitted.ok) return permitted;
    const made = await this.make(change);
    if (!made.ok) {
      this.pendingChanges.set(changeId(change), { id: changeId(change), change, reason: describeFailure(made.error), at: this.session.now() });
      return made;
    }
    this.pendingChanges.delete(changeId(change));
    const audited = await this.session.apply({
      type: 'appendAudit',
      entryId: this.session.newId('aud'),
      action: 'permissionChange',
      summary: describeChange(change),
    });
    return audited.ok ? ok(undefined) : audited;
  }

  private async make(change: MembershipChange): Promise<Result<void, Failure>> {
    const reviewId = this.session.reviewId;
    switch (change.kind) {
      case 'add': {
        const added = await this.directory.add(reviewId, { email: change.email, role: change.role });
        return added.ok ? ok(undefined) : added;
      }
      case 'setRole':
        return this.directory.setRole(reviewId, change.membershipId, change.role);
      case 'remove': {
        const removed = await this.directory.remove(reviewId, change.membershipId);
        if (!removed.ok && removed.error.kind !== 'notFound') return removed;
        // Only what the channel says now counts: still listed means still able to open the review.
        const after = await this.directory.members(reviewId);
        if (!after.ok) return after;
        const still = after.value.some((member) => member.email.toLocaleLowerCase('en-GB') === change.email.toLocaleLowerCase('en-GB'));
        return still
          ? err({ kind: 'unavailable', what: 'Removing them', detail: 'Teams still lists them as a member of the channel', retryable: true })
          : ok(undefined);
      }
    }
  }
}
