import { describe, expect, it } from 'vitest';
import {
  EMPTY_TIMER_LOG,
  decideRole,
  formatDuration,
  nextStep,
  parseTimerLog,
  previousStep,
  recordTimerEvent,
  summariseTimer,
  type TimerLog,
} from '../../src/domain/guide/guide-state';
import { guideFixture } from '../fixtures/guide-fixture';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T10:00:00Z');

function play(...events: Parameters<typeof recordTimerEvent>[1][]): TimerLog {
  return events.reduce(recordTimerEvent, EMPTY_TIMER_LOG);
}

describe('guide timer', () => {
  it('counts time against the step it is on, only while running', () => {
    const log = play(
      { kind: 'start', at: T0 },
      { kind: 'step', at: T0 + 4 * MINUTE, step: '2' },
      { kind: 'pause', at: T0 + 10 * MINUTE },
      { kind: 'start', at: T0 + 30 * MINUTE },
      { kind: 'step', at: T0 + 35 * MINUTE, step: '3a' },
    );
    const summary = summariseTimer(log, T0 + 37 * MINUTE);
    const seconds = Object.fromEntries(summary.steps.map((step) => [step.step, step.elapsedSeconds]));
    expect(seconds['1']).toBe(4 * 60);
    expect(seconds['2']).toBe(6 * 60 + 5 * 60);
    expect(seconds['3a']).toBe(2 * 60);
    expect(summary.totalSeconds).toBe(17 * 60);
    expect(summary.running).toBe(true);
    expect(summary.timedStep).toBe('3a');
    expect(summary.remainingSeconds).toBe(90 * 60 - 17 * 60);
  });

  it('flags a step near and over its suggested time, and the whole conversation over 90 minutes', () => {
    const log = play({ kind: 'start', at: T0 });
    // Step 1 suggests 5 minutes.
    expect(summariseTimer(log, T0 + 3 * MINUTE).steps[0]?.status).toBe('within');
    expect(summariseTimer(log, T0 + 4 * MINUTE).steps[0]?.status).toBe('near');
    expect(summariseTimer(log, T0 + 6 * MINUTE).steps[0]?.status).toBe('over');
    expect(summariseTimer(log, T0 + 80 * MINUTE).status).toBe('near');
    const over = summariseTimer(log, T0 + 91 * MINUTE);
    expect(over.status).toBe('over');
    expect(over.remainingSeconds).toBe(-60);
  });

  it('ignores events that change nothing and keeps time order when a clock steps back', () => {
    const log = play({ kind: 'start', at: T0 }, { kind: 'start', at: T0 + MINUTE }, { kind: 'pause', at: T0 + 2 * MINUTE }, { kind: 'pause', at: T0 + 3 * MINUTE });
    expect(log.events.map((event) => event.kind)).toEqual(['start', 'pause']);
    const stepped = recordTimerEvent(log, { kind: 'start', at: T0 });
    expect(stepped.events[2]?.at).toBe(T0 + 2 * MINUTE);
    expect(summariseTimer(stepped, T0 + 3 * MINUTE).totalSeconds).toBe(3 * 60);
  });

  it('reads a stored log defensively', () => {
    const log = play({ kind: 'start', at: T0 }, { kind: 'step', at: T0 + MINUTE, step: '4' });
    expect(parseTimerLog(JSON.parse(JSON.stringify(log)))).toEqual(log);
    expect(parseTimerLog({ format: 2, events: [] })).toEqual(EMPTY_TIMER_LOG);
    expect(parseTimerLog('nonsense')).toEqual(EMPTY_TIMER_LOG);
    expect(parseTimerLog({ format: 1, events: [{ kind: 'step', at: 1, step: '99' }, { kind: 'start', at: 'x' }, { kind: 'pause', at: 5 }] }).events).toEqual([{ kind: 'pause', at: 5 }]);
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3909)).toBe('1:05:09');
    expect(formatDuration(-60)).toBe('−1:00');
  });

  it('walks the ten entries of the nine steps in order', () => {
    expect(nextStep('3a')).toBe('3b');
    expect(nextStep('9')).toBeNull();
    expect(previousStep('1')).toBeNull();
    expect(previousStep('4')).toBe('3b');
  });
});

describe('facilitator role', () => {
  const snapshot = guideFixture();
  const conversation = snapshot.conversations[0]!;

  it('comes from the conversation for a named facilitator, matched by name or email', () => {
    expect(decideRole(conversation, snapshot.teamMembers, 'Alex Questioner (fictional)', null)).toMatchObject({ role: 'questioner', source: 'assigned' });
    expect(decideRole(conversation, snapshot.teamMembers, ' SAM@example.org ', null)).toMatchObject({ role: 'noteTaker', source: 'assigned' });
  });

  it('defaults to the note-taker layout for anyone else, and a manual switch wins', () => {
    expect(decideRole(conversation, snapshot.teamMembers, 'Robin Lead (fictional)', null)).toMatchObject({ role: 'noteTaker', source: 'default' });
    expect(decideRole(conversation, snapshot.teamMembers, 'Someone else', null)).toMatchObject({ role: 'noteTaker', source: 'default', member: null });
    expect(decideRole(conversation, snapshot.teamMembers, 'Sam Notetaker (fictional)', 'questioner')).toMatchObject({ role: 'questioner', source: 'chosen' });
  });
});
