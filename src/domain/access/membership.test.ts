// FICTIONAL people: every name and address here is invented.
import { describe, expect, it } from 'vitest';
import { channelRoleFor, describePlannedChange, planMembership, type ChannelMemberView } from './membership';

const lead = { name: 'Lee Lead', email: 'lee@contoso.example', role: 'leadReviewer' as const };
const coordinator = { name: 'Cai Coord', email: 'cai@contoso.example', role: 'lscbCoordinator' as const };
const facilitator = { name: 'Fay Fac', email: 'Fay@Contoso.example', role: 'facilitator' as const };
const noAccount = { name: 'Nia NoAccount', email: '', role: 'reviewer' as const };
const inChannel = (email: string, role: ChannelMemberView['role'], id = email): ChannelMemberView => ({ membershipId: id, email, displayName: email, role });

describe('the channel membership a team list asks for', () => {
  it('makes lead reviewers and coordinators owners, everyone else members', () => {
    expect(channelRoleFor('leadReviewer')).toBe('owner');
    expect(channelRoleFor('lscbCoordinator')).toBe('owner');
    expect(channelRoleFor('facilitator')).toBe('member');
    expect(channelRoleFor('observer')).toBe('member');
  });

  it('adds, changes roles and removes; people without an account are never added; the person acting is never removed', () => {
    const plan = planMembership(
      [lead, coordinator, facilitator, noAccount],
      [
        inChannel('cai@contoso.example', 'owner'),
        inChannel('fay@contoso.example', 'owner'),
        inChannel('gone@contoso.example', 'member'),
        inChannel('me@contoso.example', 'member'),
      ],
      {
        keep: 'me@contoso.example',
        memberLimit: 250,
      },
    );
    expect(plan.changes.map(describePlannedChange)).toEqual([
      'Add Lee Lead (lee@contoso.example) to the review’s private channel as an owner',
      'Make Fay Fac (fay@contoso.example) a member of the review’s private channel',
      'Remove gone@contoso.example (gone@contoso.example) from the review’s private channel',
    ]);
    expect(plan.blocked).toEqual([]);
  });

  it('never removes the only owner, and stops adding at the member limit', () => {
    const plan = planMembership([facilitator, { ...lead, email: 'new@contoso.example' }], [inChannel('old.owner@contoso.example', 'owner')], {
      keep: 'me@contoso.example',
      memberLimit: 2,
    });
    expect(plan.changes.map((change) => change.kind)).toEqual(['add']);
    expect(plan.blocked.map(({ reason }) => reason)).toEqual([
      'the channel has reached its limit of 2 members',
      'they are the channel’s only owner: make someone else an owner first',
    ]);
  });

  it('leaves a guest’s role alone (Teams keeps it guest)', () => {
    expect(planMembership([facilitator], [inChannel('fay@contoso.example', 'guest')], { keep: 'x', memberLimit: 10 }).changes).toEqual([]);
  });
});
