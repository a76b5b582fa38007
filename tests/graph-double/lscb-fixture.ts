// A small Local Safeguarding Children Board tenant for demos and browser tests: a team with its
// site, three people, and a reviewer token. All names are fictional.
import { ALL_SCOPES } from './engine/auth';
import type { GraphDouble, SeededTeam } from './engine/double';

export const LSCB_USERS = {
  reviewer: 'alex.reviewer@contoso.onmicrosoft.com',
  panelChair: 'sam.chair@contoso.onmicrosoft.com',
  practitioner: 'jo.practitioner@contoso.onmicrosoft.com',
} as const;

export const LSCB_SITE_PATH = '/sites/LSCBCaseReviews';
export const LSCB_HOSTNAME = 'contoso.sharepoint.com';

export interface LscbTenant extends SeededTeam {
  /** A reviewer token with every scope the double knows. */
  readonly reviewerToken: string;
}

export function seedLscbTenant(double: GraphDouble): LscbTenant {
  double.seedUser({ userPrincipalName: LSCB_USERS.reviewer, displayName: 'Alex Reviewer' });
  double.seedUser({ userPrincipalName: LSCB_USERS.panelChair, displayName: 'Sam Chair' });
  double.seedUser({ userPrincipalName: LSCB_USERS.practitioner, displayName: 'Jo Practitioner' });
  const team = double.seedTeam({
    displayName: 'LSCB Case Reviews',
    owners: [LSCB_USERS.reviewer],
    members: [LSCB_USERS.panelChair, LSCB_USERS.practitioner],
    hostname: LSCB_HOSTNAME,
    sitePath: LSCB_SITE_PATH,
  });
  return { ...team, reviewerToken: double.issueToken({ upn: LSCB_USERS.reviewer, scopes: ALL_SCOPES }) };
}
