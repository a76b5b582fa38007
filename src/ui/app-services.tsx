import { createContext, useContext, type ReactNode } from 'react';
import type { ActingAsChoices } from '../app/access/acting-as';
import type { ReviewMembership } from '../app/access/membership';
import type { ReviewSession } from '../app/session/review-session';
import type { BundleOperations } from '../app/bundles';
import type { PooledLearningService } from '../app/collation/pooled-learning-service';
import type { ReviewOperations } from '../app/review-service';
import type { PublishDeps } from '../app/reports/publish-report';
import type { Failure } from '../domain/failures';
import type { Result } from '../domain/result';
import type { MeetingCalendar } from '../ports/calendar';
import type { MeetingTranscripts } from '../ports/meeting-transcripts';
import type { Outbox } from '../ports/outbox';
import type { WorkspaceProvisioner } from '../ports/workspace-provisioner';

export type AppMode = 'standalone' | 'microsoft365';

/** The reports capability: a renderer (off the main thread), a publisher for this mode, the public report's checks. */
export type ReportServices = PublishDeps;

/** Everything the screens need from the outside world, chosen by src/host at start-up. */
export interface AppServices {
  readonly service: ReviewOperations;
  readonly mode: AppMode;
  /** Who is signed in (Microsoft 365) or the name typed in this browser (standalone). */
  readonly userName: string;
  /** Standalone: who this browser's user is acting as in each review (a courtesy, not security). */
  readonly actingAs?: ActingAsChoices;
  /** Microsoft 365: a review's private-channel membership, managed by its coordinators and lead reviewer. */
  readonly membership?: (session: ReviewSession) => ReviewMembership;
  /** Loads the fictional training case into the store; returns its review id. */
  readonly loadTrainingCase?: () => Promise<string>;
  /** Review bundles: export a review to a file, import one (src/app/bundles.ts). */
  readonly bundles?: BundleOperations;
  /** Teams configurable tab: set only on the tab's configuration page (frame context settings/remove). */
  readonly tabConfig?: TabConfigPort;
  /** Teams meeting side panel / stage: shares a view to the meeting stage. Absent elsewhere. */
  readonly shareToStage?: (target: { readonly reviewId: string; readonly conversationId: string }) => Promise<Result<void, Failure>>;
  /** Microsoft 365: a Teams meeting's transcript, for the conversation guide's "Import from Teams meeting". */
  readonly meetingTranscripts?: MeetingTranscripts;
  /** Where meetings are scheduled: Outlook through Graph, or iCalendar files in standalone mode (loaded on first use). */
  readonly meetingCalendar?: () => Promise<MeetingCalendar>;
  /** Microsoft 365: the offline outbox in front of the SharePoint store (src/adapters/local/outbox-review-store.ts). */
  readonly outbox?: Outbox;
  /** Microsoft 365: sets up or upgrades the SharePoint lists (the /setup screen). Absent in standalone mode. */
  readonly provisioner?: WorkspaceProvisioner;
  /** Word documents of each stage's report, and where they are published (channel or this browser's archive); loaded on first use. */
  readonly reports?: () => Promise<ReportServices>;
  /** Pooled, de-identified findings across reviews (issue 14): the collation screen; loaded on first use. */
  readonly pooledLearning?: () => Promise<PooledLearningService>;
}

/** What a Teams tab will open once saved. */
export interface TabTarget {
  readonly reviewId: string;
  /** In a meeting: the conversation the meeting is for (the side panel shows its guide, the stage its view). */
  readonly conversationId?: string;
  /** The tab's suggested name. */
  readonly displayName: string;
}

/** The configuration page's link to Teams: the host owns Save; the screen only says what is chosen. */
export interface TabConfigPort {
  readonly purpose: 'configure' | 'remove';
  /** Being added to a meeting: offer the conversation choice. */
  readonly inMeeting: boolean;
  /** The conversation this meeting is for, found through Graph; null when none matches. */
  readonly suggest?: () => Promise<Result<{ readonly reviewId: string; readonly conversationId: string } | null, Failure>>;
  /** `null` until a valid choice is made, which keeps Teams' Save button disabled. */
  choose(target: TabTarget | null): void;
}

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>;
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices outside AppServicesProvider');
  return services;
}
