import { app, meeting, nestedAppAuth, pages } from '@microsoft/teams-js';
import type { Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import type { TabConfigPort, TabTarget } from '../../ui/app-services';
import { paths } from '../../ui/routes';
import { isThemeName, type ThemeName } from '../../ui/theme';
import { surfaceOf, type TeamsSurface } from './frame-routing';

/**
 * The app's view of a Teams / Microsoft 365 host: loaded with a dynamic import only when the page is framed, so
 * standalone never downloads teams-js (which also fetches a list of valid origins from a CDN when it loads).
 */
export interface TeamsSession {
  readonly surface: TeamsSurface;
  readonly theme: ThemeName;
  /** e.g. Teams, Outlook, Office (context.app.host.name). */
  readonly hostName: string;
  readonly naaRecommended: boolean;
  readonly loginHint: string | undefined;
  /** The meeting chat's thread id, in a meeting. */
  readonly chatThreadId: string | null;
  readonly inMeeting: boolean;
  /** teams-js keeps one theme handler; a later call replaces the earlier one. */
  onThemeChange(listener: (theme: ThemeName) => void): void;
  notifyLoaded(): void;
  notifySuccess(): void;
  notifyFailure(message: string): void;
  /** Wires the configuration page's Save to pages.config; only in the settings (or remove) frame. */
  tabConfig(appUrl: string, suggest?: TabConfigPort['suggest']): TabConfigPort;
  shareToStage(appContentUrl: string): Promise<Result<void, Failure>>;
}

export const themeFromHost = (theme: string | undefined): ThemeName => (isThemeName(theme) ? theme : 'default');

/** app.initialize() then app.getContext(); the caller races this against a timeout. */
export async function connectToTeams(): Promise<TeamsSession> {
  await app.initialize();
  const context = await app.getContext();
  const surface = surfaceOf(context.page.frameContext);
  const chatThreadId = context.chat?.id ?? null;
  const inMeeting = context.meeting?.id !== undefined || surface === 'sidePanel' || surface === 'meetingStage';

  return {
    surface,
    theme: themeFromHost(context.app.theme),
    hostName: String(context.app.host.name),
    naaRecommended: safely(() => nestedAppAuth.isNAAChannelRecommended(), false),
    loginHint: context.user?.loginHint ?? context.user?.userPrincipalName,
    chatThreadId,
    inMeeting,
    onThemeChange(listener) {
      app.registerOnThemeChangeHandler((theme) => listener(themeFromHost(theme)));
    },
    notifyLoaded() {
      app.notifyAppLoaded();
    },
    notifySuccess() {
      void app.notifySuccess().catch(() => undefined);
    },
    notifyFailure(message) {
      app.notifyFailure({ reason: app.FailedReason.Other, message });
    },
    tabConfig(appUrl, suggest) {
      return configurableTab(surface, inMeeting, appUrl, suggest);
    },
    shareToStage(appContentUrl) {
      return shareToStage(appContentUrl);
    },
  };
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** The tab's content URL: the conversation record in a meeting (the frame then picks guide or stage), else the review. */
export function contentPathOf(target: TabTarget): string {
  return target.conversationId
    ? paths.record(target.reviewId, 'conversations', target.conversationId)
    : paths.review(target.reviewId);
}

function configurableTab(surface: TeamsSurface, inMeeting: boolean, appUrl: string, suggest: TabConfigPort['suggest']): TabConfigPort {
  if (surface === 'remove') {
    // Removing the tab removes only the tab: the review stays in SharePoint.
    pages.config.registerOnRemoveHandler((removeEvent) => removeEvent.notifySuccess());
    pages.config.setValidityState(true);
    return { purpose: 'remove', inMeeting, choose: () => undefined };
  }
  let chosen: TabTarget | null = null;
  pages.config.registerOnSaveHandler((saveEvent) => {
    if (!chosen) {
      saveEvent.notifyFailure('Choose a review first.');
      return;
    }
    const url = `${appUrl}#${contentPathOf(chosen)}`;
    pages.config
      .setConfig({
        contentUrl: url,
        websiteUrl: url,
        entityId: chosen.conversationId ? `conversation:${chosen.reviewId}:${chosen.conversationId}` : `review:${chosen.reviewId}`,
        suggestedDisplayName: chosen.displayName,
      })
      .then(
        () => saveEvent.notifySuccess(),
        (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
      );
  });
  pages.config.setValidityState(false);
  return {
    purpose: 'configure',
    inMeeting,
    ...(suggest ? { suggest } : {}),
    choose(target) {
      chosen = target;
      pages.config.setValidityState(target !== null);
    },
  };
}

/** teams-js SdkError codes that mean "not allowed" (ErrorCode.PERMISSION_DENIED). */
const PERMISSION_DENIED = 1000;

function shareToStage(appContentUrl: string): Promise<Result<void, Failure>> {
  return new Promise((resolve) => {
    try {
      meeting.shareAppContentToStage((error) => {
        if (!error) return resolve(ok(undefined));
        const detail = error.message ?? `Teams error ${error.errorCode}`;
        resolve(
          error.errorCode === PERMISSION_DENIED
            ? err({ kind: 'permissionDenied', what: 'sharing to the meeting stage', detail })
            : err({ kind: 'unavailable', what: 'Sharing to the meeting stage', detail, retryable: false }),
        );
      }, appContentUrl);
    } catch (error) {
      resolve(err({ kind: 'unavailable', what: 'Sharing to the meeting stage', detail: error instanceof Error ? error.message : String(error), retryable: false }));
    }
  });
}
