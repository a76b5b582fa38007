import { paths } from '../../ui/routes';

/** The Teams surfaces the app treats differently (teams-js frame contexts). */
export type TeamsSurface = 'content' | 'sidePanel' | 'meetingStage' | 'settings' | 'remove' | 'other';

export function surfaceOf(frameContext: string | undefined): TeamsSurface {
  switch (frameContext) {
    case 'content':
    case 'sidePanel':
    case 'meetingStage':
    case 'settings':
    case 'remove':
      return frameContext;
    default:
      return 'other';
  }
}

export interface ConversationTarget {
  readonly reviewId: string;
  readonly conversationId: string;
}

/**
 * Which conversation a route is about, if any. A tab's contentUrl points at the conversation record
 * (`#/reviews/R/conversations/C`); the frame context then decides whether to show the record, the facilitators'
 * guide (side panel) or the participant-facing view (stage).
 */
export function conversationInPath(path: string): ConversationTarget | null {
  const match = /^\/reviews\/([^/]+)\/conversations\/([^/]+)(?:\/(?:guide|stage))?\/?$/.exec(path);
  if (!match?.[1] || !match[2]) return null;
  try {
    return { reviewId: decodeURIComponent(match[1]), conversationId: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}

export const CONFIG_PATH = paths.config();

export type SurfaceRoute =
  | { readonly kind: 'go'; readonly path: string }
  /** A meeting surface whose tab does not name the conversation: find it from the meeting. */
  | { readonly kind: 'findConversation'; readonly view: 'guide' | 'stage' };

/** Where a Teams surface should open, given the path its contentUrl carried. */
export function routeForSurface(surface: TeamsSurface, currentPath: string): SurfaceRoute {
  switch (surface) {
    case 'settings':
    case 'remove':
      return { kind: 'go', path: CONFIG_PATH };
    case 'sidePanel':
    case 'meetingStage': {
      const view = surface === 'sidePanel' ? 'guide' : 'stage';
      const target = conversationInPath(currentPath);
      if (!target) return { kind: 'findConversation', view };
      return { kind: 'go', path: viewPath(view, target) };
    }
    case 'content':
    case 'other':
      return { kind: 'go', path: currentPath === '' ? paths.reviews() : currentPath };
  }
}

export function viewPath(view: 'guide' | 'stage', target: ConversationTarget): string {
  return view === 'guide' ? paths.guide(target.reviewId, target.conversationId) : paths.stage(target.reviewId, target.conversationId);
}

/** The path part of a location hash (`#/reviews/x` → `/reviews/x`). */
export function pathOfHash(hash: string): string {
  const path = hash.replace(/^#/, '');
  return path === '' ? '/' : path;
}
