import { Link, Text, tokens } from '@fluentui/react-components';
import { useSyncExternalStore, type ReactNode } from 'react';
import type { ReviewSession } from '../../../app/session/review-session';
import { hrefOf, paths } from '../../routes';

/** Said plainly, not as an error: SharePoint no longer lets this person open the review, and this browser forgot it. */
export function AccessLostNotice() {
  return (
    <section aria-labelledby="access-lost-title" data-testid="access-lost" style={{ display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '40rem' }}>
      <h1 id="access-lost-title" style={{ margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold }}>
        You no longer have access to this review
      </h1>
      <Text>
        The review’s team has changed and you are no longer a member. Its copy in this browser, including anything not yet saved, has been cleared. Ask the LSCB
        coordinator if you need access again.
      </Text>
      <Link href={hrefOf(paths.reviews())}>Back to all reviews</Link>
    </section>
  );
}

/** The review's screens while the person may open it; the notice once the store refuses them. */
export function UnlessAccessLost({ session, children }: { session: ReviewSession; children: ReactNode }) {
  const lost = useSyncExternalStore(session.subscribeSync, () => session.getSyncState().accessLost);
  return lost ? <AccessLostNotice /> : <>{children}</>;
}
