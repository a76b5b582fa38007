/**
 * Deep links to every screen and record. Hash routes, so a static host and a Teams tab contentUrl both work:
 * `https://host/#/reviews/rev-1/episodes/kpe-2`.
 */
export type WorkspaceSection =
  | 'overview'
  | 'team'
  | 'participants'
  | 'documents'
  | 'conversations'
  | 'narrative'
  | 'episodes'
  | 'patterns'
  | 'recommendations'
  | 'reports'
  | 'access'
  | 'identifiers';

export const paths = {
  reviews: () => '/',
  newReview: () => '/reviews/new',
  /** The Teams configurable tab's set-up page (frame context "settings"). */
  config: () => '/config',
  /** An LSCB coordinator's SharePoint set-up (Microsoft 365 mode). */
  setup: () => '/setup',
  /** Learning across reviews: pooled, de-identified findings (issue 14). */
  collation: () => '/collation',
  review: (reviewId: string) => `/reviews/${encodeURIComponent(reviewId)}`,
  section: (reviewId: string, section: WorkspaceSection) =>
    section === 'overview' ? paths.review(reviewId) : `/reviews/${encodeURIComponent(reviewId)}/${section}`,
  record: (reviewId: string, section: WorkspaceSection, recordId: string) => `${paths.section(reviewId, section)}/${encodeURIComponent(recordId)}`,
  /** The facilitators' conversation guide (meeting side panel, 320 px). */
  guide: (reviewId: string, conversationId: string) => `/reviews/${encodeURIComponent(reviewId)}/conversations/${encodeURIComponent(conversationId)}/guide`,
  /** The participant-facing "have we got your view?" view for the meeting stage. */
  stage: (reviewId: string, conversationId: string) => `/reviews/${encodeURIComponent(reviewId)}/conversations/${encodeURIComponent(conversationId)}/stage`,
};

export const hrefOf = (path: string): string => `#${path}`;
