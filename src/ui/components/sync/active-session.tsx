import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ReviewSession } from '../../../app/session/review-session';

interface ActiveSessionValue {
  readonly session: ReviewSession | null;
  readonly setSession: (session: ReviewSession | null) => void;
}

const ActiveSessionContext = createContext<ActiveSessionValue>({
  session: null,
  setSession: () => undefined,
});

/** Which review is open, for what is shown outside it: the header's sync indicator. */
export function ActiveSessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<ReviewSession | null>(null);
  return <ActiveSessionContext.Provider value={{ session, setSession }}>{children}</ActiveSessionContext.Provider>;
}

export function useActiveSession(): ReviewSession | null {
  return useContext(ActiveSessionContext).session;
}

/**
 * Makes an open review the active one while it is on screen, and looks after its edits as the page goes: written
 * when the page is hidden or left, and a close asked about only when edits could be lost (the journal could not
 * keep them, or a conflict is unsettled).
 */
export function useActivateSession(session: ReviewSession): void {
  const { setSession } = useContext(ActiveSessionContext);
  useEffect(() => {
    setSession(session);
    const send = () => void session.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') send();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const state = session.getSyncState();
      if (state.atRisk || state.conflicts.length > 0) event.preventDefault();
    };
    window.addEventListener('pagehide', send);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('pagehide', send);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
      send();
      setSession(null);
    };
  }, [session, setSession]);
}
