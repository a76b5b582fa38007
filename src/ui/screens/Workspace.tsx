import { Link, Spinner, Text, Title3, tokens } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { describeFailure } from '../../app/failure-messages';
import { asId, type ReviewId } from '../../domain/ids';
import { ReviewProvider, useReviewLoader } from '../review-context';
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
import { GuideScreen } from './guide/GuideScreen';
import { StageScreen } from './guide/StageScreen';

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
];

/** One review: its navigation and the screen for the current section. `bare` is for the meeting side panel and stage. */
export function Workspace({ reviewId, bare = false }: { reviewId: string; bare?: boolean }) {
  const id = asId<ReviewId>(decodeURIComponent(reviewId));
  const { state, reload } = useReviewLoader(id);
  if (state.status === 'loading') return <Spinner label="Opening the review…" />;
  if (state.status === 'failed') {
    return (
      <div role="alert">
        <Text block>{describeFailure(state.failure)}</Text>
        <Link href={hrefOf(paths.reviews())}>Back to all reviews</Link>
      </div>
    );
  }
  return (
    <ReviewProvider snapshot={state.snapshot} reload={reload}>
      {bare ? <BareRoutes /> : <WorkspaceLayout reviewId={id} />}
    </ReviewProvider>
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
  const current = SECTIONS.find((entry) => entry.section !== 'overview' && location.startsWith(`/${entry.section}`))?.section ?? 'overview';
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
          <Route>
            <OverviewScreen />
          </Route>
        </Switch>
      </div>
    </div>
  );
}
