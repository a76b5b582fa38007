import { Select, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { ROLE_LABELS, participantRoleOf, roleInSentence, type ActingAs } from '../../../domain/access';
import { useAppServices } from '../../app-services';
import { useReview } from '../../review-context';
import { useActor } from './use-actor';

const LEAD_DEFAULT = '';

/**
 * Standalone mode: who this browser's user is acting as in this review. The role matrix then limits what the app
 * shows and does; the note says plainly that this is a courtesy, not security.
 */
export function ActingAsBar() {
  const { actingAs, mode } = useAppServices();
  const { snapshot } = useReview();
  const actor = useActor();
  const selectId = useId();
  if (mode !== 'standalone' || !actingAs) return null;
  const current = actingAs.get(snapshot.review.id);
  const value = current ? `${current.as}:${current.id}` : LEAD_DEFAULT;
  const choose = (raw: string) => {
    if (raw === LEAD_DEFAULT) return actingAs.set(snapshot.review.id, null);
    const [as, ...rest] = raw.split(':');
    actingAs.set(snapshot.review.id, { as: as as ActingAs['as'], id: rest.join(':') });
  };
  return (
    <div
      data-testid="acting-as"
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: tokens.spacingHorizontalM,
        alignItems: 'center',
        padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
        marginBottom: tokens.spacingVerticalM,
        border: `1px solid ${tokens.colorNeutralStroke2}`,
        borderRadius: tokens.borderRadiusMedium,
      }}
    >
      <label htmlFor={selectId}>
        <Text weight="semibold">Acting as</Text>
      </label>
      <Select id={selectId} value={value} onChange={(_, data) => choose(data.value)} style={{ minWidth: '18rem' }}>
        <option value={LEAD_DEFAULT}>Lead reviewer (no one chosen)</option>
        <optgroup label="Review team">
          {snapshot.teamMembers.map((member) => (
            <option key={member.id} value={`teamMember:${member.id}`}>
              {member.name} ({ROLE_LABELS[member.role]})
            </option>
          ))}
        </optgroup>
        <optgroup label="Participants">
          {snapshot.participants.map((participant) => (
            <option key={participant.id} value={`participant:${participant.id}`}>
              {participant.reportLabel} (participant: {ROLE_LABELS[participantRoleOf(participant.kind)].toLocaleLowerCase('en-GB')})
            </option>
          ))}
        </optgroup>
      </Select>
      <Text size={200} data-testid="acting-as-note">
        You see and do what {roleInSentence(actor.role)} may. This is a courtesy, not security: anyone using this browser can choose anyone. Real access control
        needs Microsoft 365 mode.
      </Text>
    </div>
  );
}
