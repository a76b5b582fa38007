import { Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { CAPABILITIES, CAPABILITY_LABELS, decide, roleInSentence } from '../../../domain/access';
import { useAppServices } from '../../app-services';
import { ScreenTitle } from '../../components/workspace/FormParts';
import { AccessMatrixTable } from './AccessMatrixTable';
import { useActor } from './use-actor';

// Microsoft 365 only: the coordinator's view of the review's channel membership (its own chunk).
const MembershipPanel = lazy(async () => ({ default: (await import('./MembershipPanel')).MembershipPanel }));

/** Who may see what in this review: the role matrix, what the person acting may do, and (Microsoft 365) its members. */
export function AccessScreen() {
  const actor = useActor();
  const { mode, membership } = useAppServices();
  const may = CAPABILITIES.filter((capability) => decide(actor, capability).ok).map((capability) => CAPABILITY_LABELS[capability]);
  const manages = decide(actor, 'manageMembers').ok;
  return (
    <section aria-labelledby="screen-title" style={{ display: 'grid', gap: tokens.spacingVerticalL }}>
      <ScreenTitle title="Who may see what">
        <Text block>
          Each person’s role in the review decides what they may do; the app checks it for every change, whoever makes it. You are acting as{' '}
          {roleInSentence(actor.role)}
          {may.length > 0 ? `: you may ${may.join(', ')}.` : '.'}
        </Text>
        {mode === 'standalone' ? (
          <Text block>
            In standalone mode this is a courtesy, not security: anyone using this browser can choose who they act as. Real access control needs Microsoft 365
            mode, where the review’s private channel decides who can open it at all.
          </Text>
        ) : null}
      </ScreenTitle>
      <AccessMatrixTable highlight={actor.role} />
      {mode === 'microsoft365' && membership ? (
        manages ? (
          <Suspense fallback={<Text>Loading the review’s members…</Text>}>
            <MembershipPanel />
          </Suspense>
        ) : (
          <Text>Only the lead reviewer and the LSCB coordinator manage who may see this review.</Text>
        )
      ) : null}
    </section>
  );
}
