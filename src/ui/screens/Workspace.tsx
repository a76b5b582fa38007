import { Link, Spinner, Text, Title3, tokens } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { describeFailure } from '../../app/failure-messages';
import { asId, type ReviewId } from '../../domain/ids';
import { ReviewProvider, useReviewLoader } from '../review-context';
import type { ReviewSession } from '../../app/session/review-session';
import { useActivateSession } from '../components/sync/active-session';
import { hrefOf, paths, type WorkspaceSection } from '../routes';
import { OverviewScreen } from './overview/OverviewScreen';
import { TeamScreen } from './team/TeamScreen';
import { ParticipantsScreen } from './participants/ParticipantsScreen';
import { DocumentsScreen } from './documents/DocumentsScreen';
import { ConversationsScreen } from './conversations/ConversationsScreen';
import { NarrativeScreen } from './narrative/NarrativeScreen';
import { EpisodesScreen } from './episodes/EpisodesScreen';
import { PatternsScreen } from './patterns/PatternsScreen';
import { RecommendationsScreen } from './recommendations/RecommendationsScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { IdentifiersScreen } from './identifiers/IdentifiersScreen';
import { GuideScreen } from './guide/GuideScreen';
import { StageScreen } from './guide/StageScreen';
import { AccessScreen } from './access/AccessScreen';
import { AccessLostNotice, UnlessAccessLost } from './access/AccessLost';
import { ActingAsBar } from './access/ActingAsBar';
import { ParticipantView } from './access/ParticipantView';
import { useActor } from './access/use-actor';
import { mayEver } from '../../domain/access';
import { Notice } from '../components/workspace/FormParts';
import { PoolOnPhaseChange } from './collation/PoolOnPhaseChange';

type SectionScreen = ComponentType<{ recordId?: string | undefined }>;

export const SECTIONS: ReadonlyArray<{ section: WorkspaceSection; title: string; screen: SectionScreen }> = [
  { section: 'overview', title: 'Overview', screen: OverviewScreen },
  { section: 'team', title: 'Review team', screen: TeamScreen },
  { section: 'participants', title: 'Participants', screen: ParticipantsScreen },
  { section: 'documents', title: 'Documents', screen: DocumentsScreen },
  { section: 'conversations', title: 'Conversations', screen: ConversationsScreen },
  { section: 'narrative', title: 'Narrative', screen: NarrativeScreen },
  { section: 'episodes', title: 'Key practice episodes', screen: EpisodesScreen },
  { section: 'patterns', title: 'Patterns', screen: PatternsScreen },
  { section: 'recommendations', title: 'Recommendations', screen: RecommendationsScreen },
  { section: 'reports', title: 'Reports', screen: ReportsScreen },
  { section: 'identifiers', title: 'Identifiers and language', screen: IdentifiersScreen },
  { section: 'access', title: 'Who may see what', screen: AccessScreen },
];

/** One review: its navigation and the screen for the current section. `bare` is for the meeting side panel and stage. */
export function Workspace({ reviewId, bare = false }: { reviewId: string; bare?: boolean }) {
  const id = asId<ReviewId>(decodeURIComponent(reviewId));
  const { state, retry } = useReviewLoader(id);
  if (state.status === 'loading') return <Spinner label="Opening the review…" />;
  if (state.status === 'failed' && state.failure.kind === 'accessLost') return <AccessLostNotice />;
  if (state.status === 'failed') {
    return (
      <div role="alert">
        <Text block>{describeFailure(state.failure)}</Text>
        <Link onClick={retry}>Try again</Link> <Link href={hrefOf(paths.reviews())}>Back to all reviews</Link>
      </div>
    );
  }
  return (
    <ReviewProvider session={state.session}>
      <ActiveReview session={state.session} />
      <PoolOnPhaseChange />
      <UnlessAccessLost session={state.session}>{bare ? <BareRoutes /> : <ActorWorkspace reviewId={id} />}</UnlessAccessLost>
    </ReviewProvider>
  );
}

/** The open review is the one the header's sync indicator reports on, and its edits are sent as the page goes. */
function ActiveReview({ session }: { session: ReviewSession }) {
  useActivateSession(session);
  return null;
}

/**
 * The workspace as the role matrix allows: participants see only what is shared with them; people who may not edit
 * are told so once, at the top (the session refuses their changes whatever the screen shows).
 */
function ActorWorkspace({ reviewId }: { reviewId: ReviewId }) {
  const actor = useActor();
  return (
    <>
      <ActingAsBar />
      {actor.kind === 'participant' ? (
        <ParticipantView actor={actor} />
      ) : (
        <>
          {mayEver(actor, 'editRecords') ? null : (
            <Notice intent="info" testId="read-only-notice">
              {actor.role === 'lscbCoordinator'
                ? 'You are acting as an LSCB coordinator: you manage who may see this review (its team list and, in Microsoft 365, its channel) but do not change its analysis. Other changes you try are refused.'
                : 'You are acting as an observer: you can read this review but not change it. Changes you try are refused.'}
            </Notice>
          )}
          <WorkspaceLayout reviewId={reviewId} />
        </>
      )}
    </>
  );
}

function BareRoutes() {
  return (
    <Switch>
      <Route path="/reviews/:reviewId/conversations/:conversationId/guide">
        {(params) => <GuideScreen recordId={decodeURIComponent(params.conversationId)} />}
      </Route>
      <Route path="/reviews/:reviewId/conversations/:conversationId/stage">
        {(params) => <StageScreen recordId={decodeURIComponent(params.conversationId)} />}
      </Route>
    </Switch>
  );
}

function WorkspaceLayout({ reviewId }: { reviewId: ReviewId }) {
  const [location] = useLocation();
  const known = location === '/' || location === '';
  const current =
    SECTIONS.find((entry) => entry.section !== 'overview' && (location === `/${entry.section}` || location.startsWith(`/${entry.section}/`)))?.section ??
    (known ? 'overview' : null);
  return (
    <div style={{ display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <nav aria-label="Review sections" style={{ minWidth: '12rem' }}>
        <Title3 as="h2" style={{ fontSize: tokens.fontSizeBase300 }}>
          Sections
        </Title3>
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalXS }}>
          {SECTIONS.map((entry) => (
            <li key={entry.section}>
              <Link
                href={hrefOf(paths.section(reviewId, entry.section))}
                aria-current={entry.section === current ? 'page' : undefined}
                style={{ fontWeight: entry.section === current ? tokens.fontWeightSemibold : tokens.fontWeightRegular }}
              >
                {entry.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Switch>
          {SECTIONS.filter((entry) => entry.section !== 'overview').flatMap((entry) => [
            <Route key={`${entry.section}-record`} path={`/${entry.section}/:recordId`}>
              {(params) => <entry.screen recordId={decodeURIComponent(params.recordId)} />}
            </Route>,
            <Route key={entry.section} path={`/${entry.section}`}>
              <entry.screen />
            </Route>,
          ])}
          <Route path="/">
            <OverviewScreen />
          </Route>
          <Route>
            <SectionNotFound reviewId={reviewId} />
          </Route>
        </Switch>
      </div>
    </div>
  );
}

/** An address inside a review that names no section: said plainly, with the way back, never a quiet Overview. */
function SectionNotFound({ reviewId }: { reviewId: ReviewId }) {
  const [location] = useLocation();
  return (
    <section aria-labelledby="screen-title" role="alert" data-testid="section-not-found" style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
      <h1 id="screen-title" style={{ margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold }}>
        Page not found
      </h1>
      <p style={{ margin: 0 }}>
        This review has no page at “{location.replace(/^\//u, '')}”. The address may be mistyped or out of date. Choose a section from the list, or go to the{' '}
        <Link href={hrefOf(paths.review(reviewId))}>review’s overview</Link>.
      </p>
    </section>
  );
}
