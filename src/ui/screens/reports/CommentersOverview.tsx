import { Badge, Text, tokens } from '@fluentui/react-components';
import { whoHasCommented } from '../../../domain/report/dialogue';
import { useReview } from '../../review-context';

/** Who has commented on a draft so far, and how many comments still await the team's response. */
export function CommentersOverview({ reportStageId }: { reportStageId: string }) {
  const { snapshot } = useReview();
  const statuses = whoHasCommented(snapshot, reportStageId);
  if (statuses.length === 0) return null;
  const commented = statuses.filter((status) => status.comments > 0).length;
  return (
    <section aria-label="Who has commented" data-testid={`commenters-${reportStageId}`} style={{ display: 'grid', gap: tokens.spacingVerticalXS }}>
      <Text weight="semibold">
        Who has commented: {commented} of {statuses.length} participants
      </Text>
      <ul style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none' }}>
        {statuses.map(({ participant, comments, awaitingResponse }) => (
          <li key={participant.id}>
            <Badge appearance={comments > 0 ? 'filled' : 'outline'} color={comments > 0 ? 'success' : 'informative'}>
              {participant.reportLabel}: {comments === 0 ? 'no comments yet' : `${comments} comment${comments === 1 ? '' : 's'}`}
              {awaitingResponse > 0 ? `, ${awaitingResponse} awaiting a response` : ''}
            </Badge>
          </li>
        ))}
      </ul>
    </section>
  );
}
