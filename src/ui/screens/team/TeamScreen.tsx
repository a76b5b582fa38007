import {
  Button,
  Field,
  Input,
  Link,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { TEAM_ROLE_LABELS } from '../../../domain/labels';
import { TEAM_ROLES, type TeamMember, type TeamRole } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { Notice, ScreenTitle } from '../../components/workspace/FormParts';
import { useWorkspaceStyles } from '../../components/workspace/RecordParts';
import { useRecordNavigation } from '../../kit/use-record-navigation';
import { RemoveRecord } from '../../kit/RemoveRecord';
import { InlineAddForm, RecordDetailPane, useAddRecordSubmit } from '../../components/workspace/RecordPanes';
import { useAutosave } from '../../hooks/use-autosave';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';
import { issueFor, validationProps } from '../../kit/field-state';

const ROLE_HINTS: Record<TeamRole, string> = {
  leadReviewer: 'Leads the review and its analysis.',
  facilitator: 'One of the two who hold the conversations with participants.',
  reviewer: 'Takes part in the analysis.',
  lscbCoordinator: 'Arranges the review for the board and manages who has access.',
  observer: 'Follows the review without taking part in the analysis.',
};

/** In plain words: is there a lead reviewer, and are there exactly the two facilitators the method asks for? */
export function teamComposition(members: readonly Pick<TeamMember, 'role' | 'name'>[]): { ready: boolean; lines: string[] } {
  const leadNames = members.filter((member) => member.role === 'leadReviewer').map((member) => member.name);
  const leads = leadNames.length;
  const facilitators = members.filter((member) => member.role === 'facilitator').length;
  const lines: string[] = [];
  if (leads === 0) lines.push('The team has no lead reviewer yet.');
  if (leads > 1) {
    lines.push(
      `The team has ${leads} lead reviewers (${leadNames.join(' and ')}). A review has one lead, who leads the review and its analysis: change the role of all but one (two only for a handover, and only for a while).`,
    );
  }
  if (facilitators !== 2) {
    const count = facilitators === 0 ? 'no facilitators' : facilitators === 1 ? 'one facilitator' : `${facilitators} facilitators`;
    lines.push(
      `The team has ${count}. The method has exactly two, who hold every conversation together: one leads the questions, the other leads the note-taking.`,
    );
  }
  return { ready: lines.length === 0, lines };
}

/** Said beside the role when a second lead reviewer is chosen: pointed out, not refused (a handover may need two). */
export function secondLeadWarning(member: { id?: string; role: TeamRole }, team: readonly Pick<TeamMember, 'id' | 'role' | 'name'>[]): string | undefined {
  if (member.role !== 'leadReviewer') return undefined;
  const other = team.find((candidate) => candidate.id !== member.id && candidate.role === 'leadReviewer');
  return other ? `${other.name} is already the lead reviewer. A review has one lead: choose another role unless this is a handover.` : undefined;
}

/** The review team: who they are and their roles. */
export function TeamScreen({ recordId }: { recordId?: string | undefined }) {
  const styles = useWorkspaceStyles();
  const { snapshot } = useReview();
  const { open, reviewId } = useRecordNavigation('team');
  const [adding, setAdding] = useState(false);
  const members = [...snapshot.teamMembers].sort((a, b) => TEAM_ROLES.indexOf(a.role) - TEAM_ROLES.indexOf(b.role) || a.name.localeCompare(b.name, 'en-GB'));
  const composition = teamComposition(members);
  const selected = recordId ? snapshot.teamMembers.find((member) => member.id === recordId) : undefined;

  return (
    <section aria-labelledby="screen-title" style={{ display: 'grid', gap: tokens.spacingVerticalM }}>
      <ScreenTitle title="Review team">
        <Button appearance="primary" onClick={() => setAdding(true)} data-testid="add-team-member">
          Add team member
        </Button>
      </ScreenTitle>
      <div data-testid="team-composition">
        {composition.ready ? (
          <Notice intent="success">The team has a lead reviewer and the two facilitators who hold the conversations.</Notice>
        ) : (
          <Notice intent="warning">
            {composition.lines.map((line) => (
              <span key={line} style={{ display: 'block' }}>
                {line}
              </span>
            ))}
          </Notice>
        )}
      </div>
      <div className={styles.layout}>
        <div className={styles.listPane} style={{ maxWidth: '40rem', flexBasis: '26rem' }}>
          {members.length === 0 ? (
            <Text>No one is on the review team yet.</Text>
          ) : (
            <Table aria-label="Review team" size="small" data-testid="team-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Role</TableHeaderCell>
                  <TableHeaderCell>Profession</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {members.map((member) => (
                  <TableRow key={member.id} aria-selected={member.id === recordId} data-testid={`team-row-${member.name}`}>
                    <TableCell>
                      <Link href={hrefOf(paths.record(reviewId, 'team', member.id))} aria-current={member.id === recordId ? 'true' : undefined}>
                        {member.name}
                      </Link>
                    </TableCell>
                    <TableCell>{TEAM_ROLE_LABELS[member.role]}</TableCell>
                    <TableCell>{member.profession || '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
        <RecordDetailPane
          adding={adding}
          stopAdding={() => setAdding(false)}
          recordId={recordId}
          selected={selected}
          what="team member"
          open={open}
          addForm={(done) => <AddTeamMemberForm {...done} />}
          editor={(member, onRemoved) => <TeamMemberEditor key={member.id} member={member} onRemoved={onRemoved} />}
        />
      </div>
    </section>
  );
}

function RoleSelect({ value, onChange, testId }: { value: TeamRole; onChange: (role: TeamRole) => void; testId?: string }) {
  return (
    <Select value={value} onChange={(_, data) => onChange(data.value as TeamRole)} data-testid={testId}>
      {TEAM_ROLES.map((role) => (
        <option key={role} value={role}>
          {TEAM_ROLE_LABELS[role]}
        </option>
      ))}
    </Select>
  );
}

function AddTeamMemberForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (id: string) => void }) {
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const [fields, setFields] = useState({ name: '', role: 'facilitator' as TeamRole, email: '', profession: '' });
  const { issues, failure, submit } = useAddRecordSubmit({
    kind: 'teamMember',
    signature: fields,
    add: (id) => service.addRecord('teamMember', snapshot.review.id, fields, id),
    onAdded,
  });
  return (
    <InlineAddForm
      headingId="add-member-title"
      heading="Add a team member"
      testId="add-team-member-form"
      issues={issues}
      failure={failure}
      submitLabel="Add to the team"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <Field label="Name" required {...validationProps(issueFor(issues, 'name'))}>
        <Input value={fields.name} onChange={(_, data) => setFields({ ...fields, name: data.value })} data-testid="member-name" autoFocus />
      </Field>
      <Field label="Role" hint={ROLE_HINTS[fields.role]} {...validationProps(issueFor(issues, 'role'), secondLeadWarning(fields, snapshot.teamMembers))}>
        <RoleSelect value={fields.role} onChange={(role) => setFields({ ...fields, role })} testId="member-role" />
      </Field>
      <Field label="Email" {...validationProps(issueFor(issues, 'email'))}>
        <Input type="email" value={fields.email} onChange={(_, data) => setFields({ ...fields, email: data.value })} data-testid="member-email" />
      </Field>
      <Field label="Profession" {...validationProps(issueFor(issues, 'profession'))}>
        <Input value={fields.profession} onChange={(_, data) => setFields({ ...fields, profession: data.value })} data-testid="member-profession" />
      </Field>
    </InlineAddForm>
  );
}

function TeamMemberEditor({ member, onRemoved }: { member: TeamMember; onRemoved: () => void }) {
  const styles = useWorkspaceStyles();
  const { snapshot } = useReview();
  const { draft, update, status, issues, message, conflict, resolve, flush } = useAutosave('teamMember', member);
  return (
    <div className={styles.form} data-testid="team-member-editor">
      <div className={styles.row} style={{ alignItems: 'center' }}>
        <h2 className={styles.heading}>{draft.name || 'Team member'}</h2>
        <span style={{ flex: 1 }} />
        <SaveStatus status={status} message={message} />
      </div>
      <Field label="Name" required {...validationProps(issueFor(issues, 'name'))}>
        <Input value={draft.name} onChange={(_, data) => update({ name: data.value })} onBlur={() => void flush()} data-testid="member-name" />
      </Field>
      <Field label="Role" hint={ROLE_HINTS[draft.role]} {...validationProps(issueFor(issues, 'role'), secondLeadWarning(draft, snapshot.teamMembers))}>
        <RoleSelect value={draft.role} onChange={(role) => update({ role })} testId="member-role" />
      </Field>
      <Field label="Email" {...validationProps(issueFor(issues, 'email'))}>
        <Input type="email" value={draft.email} onChange={(_, data) => update({ email: data.value })} onBlur={() => void flush()} data-testid="member-email" />
      </Field>
      <Field label="Profession" {...validationProps(issueFor(issues, 'profession'))}>
        <Input
          value={draft.profession}
          onChange={(_, data) => update({ profession: data.value })}
          onBlur={() => void flush()}
          data-testid="member-profession"
        />
      </Field>
      <div>
        <RemoveRecord kind="teamMember" record={member} what={`${member.name} (${TEAM_ROLE_LABELS[member.role]})`} onRemoved={onRemoved} />
      </div>
      <ConflictDialog conflict={conflict} onResolve={resolve} />
    </div>
  );
}
