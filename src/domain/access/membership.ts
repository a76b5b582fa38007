import type { TeamMember, TeamRole } from '../model';

/**
 * Microsoft 365: who should be a member of a review's private channel, from its team list. The channel decides who can
 * open the review at all (its SharePoint site holds every list), so only team members with an account are members;
 * participants never are (what they see is sent to them: a family member may have no account at all).
 */

export type ChannelRole = 'owner' | 'member';

/** Lead reviewers and coordinators own the channel: in Teams only a private channel's owners manage its members. */
export const channelRoleFor = (role: TeamRole): ChannelRole => (role === 'leadReviewer' || role === 'lscbCoordinator' ? 'owner' : 'member');

export interface ChannelMemberView {
  readonly membershipId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: ChannelRole | 'guest';
}

export type MembershipChange =
  | { readonly kind: 'add'; readonly email: string; readonly name: string; readonly role: ChannelRole }
  | { readonly kind: 'setRole'; readonly membershipId: string; readonly email: string; readonly name: string; readonly role: ChannelRole }
  | { readonly kind: 'remove'; readonly membershipId: string; readonly email: string; readonly name: string };

const key = (email: string): string => email.trim().toLocaleLowerCase('en-GB');

/** One stable id per change, so a retry names the same change. */
export const changeId = (change: MembershipChange): string => `${change.kind}:${key(change.email)}`;

export interface MembershipPlan {
  readonly changes: readonly MembershipChange[];
  /** Changes that cannot be made, with the reason (the member limit, the last owner). */
  readonly blocked: ReadonlyArray<{ readonly change: MembershipChange; readonly reason: string }>;
}

/**
 * The changes that bring the channel in line with the team list. `keep` is the person making the changes: they are
 * never removed by their own hand (they could not finish). The channel's last owner is never removed.
 */
export function planMembership(
  team: readonly Pick<TeamMember, 'name' | 'email' | 'role'>[],
  channel: readonly ChannelMemberView[],
  options: { readonly keep: string; readonly memberLimit: number },
): MembershipPlan {
  const wanted = new Map(team.filter((member) => member.email.trim() !== '').map((member) => [key(member.email), member]));
  const present = new Map(channel.map((member) => [key(member.email), member]));
  const changes: MembershipChange[] = [];
  const blocked: Array<{ change: MembershipChange; reason: string }> = [];
  let count = channel.length;
  for (const [email, member] of wanted) {
    const role = channelRoleFor(member.role);
    const there = present.get(email);
    if (!there) {
      const change: MembershipChange = { kind: 'add', email: member.email, name: member.name, role };
      if (count >= options.memberLimit) blocked.push({ change, reason: `the channel has reached its limit of ${options.memberLimit} members` });
      else {
        changes.push(change);
        count += 1;
      }
    } else if (there.role !== 'guest' && there.role !== role) {
      changes.push({ kind: 'setRole', membershipId: there.membershipId, email: there.email, name: member.name, role });
    }
  }
  const owners = channel.filter((member) => member.role === 'owner' && wanted.has(key(member.email))).length;
  for (const [email, member] of present) {
    if (wanted.has(email) || email === key(options.keep)) continue;
    const change: MembershipChange = { kind: 'remove', membershipId: member.membershipId, email: member.email, name: member.displayName };
    if (member.role === 'owner' && owners === 0 && !channel.some((other) => other !== member && other.role === 'owner')) {
      blocked.push({ change, reason: 'they are the channel’s only owner: make someone else an owner first' });
    } else changes.push(change);
  }
  return { changes, blocked };
}

/** A change still to make, in the imperative: "Add …", "Make …", "Remove …". */
export function describePlannedChange(change: MembershipChange): string {
  const done = describeChange(change);
  return change.kind === 'add' ? done.replace(/^Added/, 'Add') : change.kind === 'setRole' ? done.replace(/^Made/, 'Make') : done.replace(/^Removed/, 'Remove');
}

/** The audit entry's words: whom, what. */
export function describeChange(change: MembershipChange): string {
  switch (change.kind) {
    case 'add':
      return `Added ${change.name} (${change.email}) to the review’s private channel as ${change.role === 'owner' ? 'an owner' : 'a member'}`;
    case 'setRole':
      return `Made ${change.name} (${change.email}) ${change.role === 'owner' ? 'an owner' : 'a member'} of the review’s private channel`;
    case 'remove':
      return `Removed ${change.name} (${change.email}) from the review’s private channel`;
  }
}
