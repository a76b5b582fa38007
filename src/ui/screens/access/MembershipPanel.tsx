import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MembershipState } from '../../../app/access/membership';
import { describeFailure } from '../../../app/failure-messages';
import { changeId, describeChange, describePlannedChange, type MembershipChange } from '../../../domain/access';
import { useAppServices } from '../../app-services';
import { Notice } from '../../components/workspace/FormParts';
import { formatInstant } from '../../london-format';
import { useReview } from '../../review-context';

const ROLE_WORDS = { owner: 'Owner', member: 'Member', guest: 'Guest' } as const;

/**
 * Microsoft 365: who can open this review (its private channel's members), the changes that bring the channel in
 * line with the team list, the ones that failed (pending, with the reason, to try again), and the audit trail.
 */
export function MembershipPanel() {
  const { membership } = useAppServices();
  const { snapshot, session } = useReview();
  const manager = useMemo(() => membership?.(session), [membership, session]);
  const [state, setState] = useState<MembershipState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const teamKey = snapshot.teamMembers.map((member) => `${member.email}:${member.role}`).join('|');

  const refresh = useCallback(async () => {
    if (!manager) return;
    const read = await manager.state();
    if (read.ok) {
      setState(read.value);
      setProblem(null);
    } else setProblem(describeFailure(read.error));
  }, [manager]);

  useEffect(() => {
    void refresh();
  }, [refresh, teamKey]);

  const apply = async (changes: readonly MembershipChange[]) => {
    if (!manager) return;
    for (const change of changes) {
      setBusy(changeId(change));
      await manager.apply(change);
    }
    setBusy(null);
    await refresh();
  };

  if (!manager) return null;
  const addedOn = (email: string): string | null => {
    const lower = email.toLocaleLowerCase('en-GB');
    const entry = [...snapshot.audit]
      .filter(
        (audit) => audit.action === 'permissionChange' && audit.summary.startsWith('Added') && audit.summary.toLocaleLowerCase('en-GB').includes(`(${lower})`),
      )
      .sort((a, b) => b.at.localeCompare(a.at))[0];
    return entry?.at ?? snapshot.teamMembers.find((member) => member.email.toLocaleLowerCase('en-GB') === lower)?.createdAt ?? null;
  };
  const trail = snapshot.audit.filter((audit) => audit.action === 'permissionChange').sort((a, b) => b.at.localeCompare(a.at));

  return (
    <section aria-labelledby="membership-title" data-testid="membership" style={{ display: 'grid', gap: tokens.spacingVerticalM }}>
      <h2 id="membership-title" style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>
        Who can open this review in Teams
      </h2>
      <Text>
        The review’s private channel decides who can open it. Team members with an email address are its members; the lead reviewer and LSCB coordinators are
        its owners, and only owners can change who is in it. Participants are never members: drafts are sent to them, and a family member may have no account at
        all.
      </Text>
      {problem ? <Notice intent="error">{problem}</Notice> : null}
      {state === null && !problem ? <Spinner size="tiny" label="Reading the channel’s members…" /> : null}
      {state ? (
        <>
          <Table aria-label="Members of the review’s channel" size="small" data-testid="channel-members">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Name</TableHeaderCell>
                <TableHeaderCell scope="col">Email</TableHeaderCell>
                <TableHeaderCell scope="col">Role in the channel</TableHeaderCell>
                <TableHeaderCell scope="col">Added</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.members.map((member) => (
                <TableRow key={member.membershipId}>
                  <TableCell>{member.displayName}</TableCell>
                  <TableCell style={{ overflowWrap: 'anywhere' }}>{member.email}</TableCell>
                  <TableCell>{ROLE_WORDS[member.role]}</TableCell>
                  <TableCell>{formatInstant(addedOn(member.email))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>

          <h3 style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>Changes to make in Teams</h3>
          {state.plan.changes.length === 0 && state.pending.length === 0 ? (
            <Text data-testid="membership-in-line">The channel matches the team list.</Text>
          ) : null}
          <ul style={{ margin: 0, display: 'grid', gap: tokens.spacingVerticalS }} data-testid="membership-changes">
            {state.plan.changes.map((change) => {
              const pending = state.pending.find((candidate) => candidate.id === changeId(change));
              return (
                <li key={changeId(change)} data-testid="membership-change">
                  <Text>{describePlannedChange(change)}</Text>{' '}
                  <Button size="small" disabled={busy !== null} onClick={() => void apply([change])}>
                    {pending ? 'Try again' : 'Make this change'}
                  </Button>
                  {busy === changeId(change) ? <Spinner size="tiny" /> : null}
                  {pending ? (
                    <Text block size={200} data-testid="membership-pending">
                      Pending since {formatInstant(pending.at)}: {pending.reason}
                    </Text>
                  ) : null}
                </li>
              );
            })}
            {state.plan.blocked.map(({ change, reason }) => (
              <li key={`blocked-${changeId(change)}`}>
                <Text>
                  {describeChange(change)} cannot be done: {reason}.
                </Text>
              </li>
            ))}
          </ul>
          {state.plan.changes.length > 1 ? (
            <div>
              <Button appearance="primary" disabled={busy !== null} onClick={() => void apply(state.plan.changes)}>
                Make all {state.plan.changes.length} changes
              </Button>
            </div>
          ) : null}
        </>
      ) : null}

      <h3 style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>Changes made</h3>
      {trail.length === 0 ? (
        <Text>No changes to who can open this review have been made through the app yet.</Text>
      ) : (
        <ul style={{ margin: 0 }} data-testid="membership-audit">
          {trail.map((entry) => (
            <li key={entry.id}>
              {formatInstant(entry.at)}: {entry.summary}, by {entry.who}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
