import { useCallback, useEffect, useState } from 'react';
import { recordTimerEvent, summariseTimer, type TimerEvent, type TimerLog, type TimerSummary } from '../../../domain/guide';
import { timerStorage } from './guide-storage';

export interface GuideTimer {
  readonly summary: TimerSummary;
  readonly start: () => void;
  readonly pause: () => void;
  /** Time from now on counts against this step. */
  readonly moveTo: (step: Extract<TimerEvent, { kind: 'step' }>['step']) => void;
}

/** The conversation's timer: events kept in localStorage, shown ticking once a second while it runs. */
export function useGuideTimer(conversationId: string): GuideTimer {
  const [log, setLog] = useState<TimerLog>(() => timerStorage.read(conversationId));
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    setLog(timerStorage.read(conversationId));
    // Another tab of this browser moved the timer on.
    const onStorage = (event: StorageEvent) => {
      if (event.key === timerStorage.key(conversationId)) setLog(timerStorage.read(conversationId));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [conversationId]);

  const running = summariseTimer(log, now).running;
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [running]);

  const record = useCallback(
    (event: TimerEvent) => {
      // Read, add, write: another tab may have written since this one last read.
      const next = recordTimerEvent(timerStorage.read(conversationId), event);
      timerStorage.write(conversationId, next);
      setLog(next);
      setNow(event.at);
    },
    [conversationId],
  );

  return {
    summary: summariseTimer(log, now),
    start: useCallback(() => record({ kind: 'start', at: Date.now() }), [record]),
    pause: useCallback(() => record({ kind: 'pause', at: Date.now() }), [record]),
    moveTo: useCallback((step) => record({ kind: 'step', at: Date.now(), step }), [record]),
  };
}
