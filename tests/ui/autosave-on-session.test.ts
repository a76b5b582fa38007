// @vitest-environment jsdom
// FICTIONAL test data.
import 'fake-indexeddb/auto';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ReviewService } from '../../src/app/review-service';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import type { Episode } from '../../src/domain/model';
import { AppServicesProvider } from '../../src/ui/app-services';
import { ReviewProvider } from '../../src/ui/review-context';
import { useCheckedAutosave, type RuleCheck } from '../../src/ui/components/analysis/use-checked-autosave';

const REVIEW_PERIOD = { from: '2025-01-01', to: '2025-12-31' };

let database = 0;
async function setUp() {
  const store = new DexieReviewStore(`checked-autosave-${++database}`);
  const service = new ReviewService({ store, clock: steppingClock('2026-01-01T09:00:00.000Z'), ids: sequentialIds('t'), actor: () => 'Tester (fictional)', editDelayMs: 0 });
  const review = await service.createReview({
    codename: 'Wren (fictional)',
    questions: ['A fictional question?'],
    trigger: 'routinePractice',
    periodUnderReview: REVIEW_PERIOD,
    agencies: [],
    fictional: true,
  });
  if (!review.ok) throw new Error('review not created');
  const episode = await service.addRecord('episode', review.value.id, { title: 'Visit (fictional)', period: { from: '2025-02-01', to: null }, description: 'A fictional visit.' });
  if (!episode.ok) throw new Error('episode not created');
  const session = await service.openSession(review.value.id);
  if (!session.ok) throw new Error('review not opened');
  // No JSX here: the unit project runs tests/**/*.test.ts, and this test needs the real service and Dexie store.
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(AppServicesProvider, {
      services: { service, mode: 'standalone', userName: 'Tester (fictional)' },
      children: createElement(ReviewProvider, { session: session.value, children }),
    });
  const stored = async (): Promise<Episode | undefined> => {
    const loaded = await service.loadReview(review.value.id);
    return loaded.ok ? loaded.value.episodes[0] : undefined;
  };
  return { episode: episode.value, wrapper, stored };
}

// The screen adds advice only; what is refused is the session's to decide (src/domain/session/rules.ts).
const check = (episode: Episode): RuleCheck => ({
  blocking: [],
  warnings: episode.significance === '' ? [{ path: 'significance', message: 'say what it meant with hindsight' }] : [],
});

describe('autosaved editors on the review session', () => {
  it('refuses a change that breaks a review rule, shows why, and stores nothing', async () => {
    const { episode, wrapper, stored } = await setUp();
    const { result } = renderHook(() => useCheckedAutosave('episode', episode, check), { wrapper });
    act(() => result.current.update({ description: '   ' }));
    await act(() => result.current.flush());
    expect(result.current.status).toBe('invalid');
    expect(result.current.issues.map((issue) => issue.path)).toEqual(['description']);
    expect(result.current.message).toContain('Key practice episode was not saved: description:');
    // What is typed stays on screen; the store keeps what it had.
    expect(result.current.draft.description).toBe('   ');
    expect((await stored())?.description).toBe('A fictional visit.');
  });

  it('stores the change once the rule is met, and keeps advice beside the field', async () => {
    const { episode, wrapper, stored } = await setUp();
    const { result } = renderHook(() => useCheckedAutosave('episode', episode, check), { wrapper });
    expect(result.current.warnings.map((warning) => warning.path)).toEqual(['significance']);
    act(() => result.current.update({ description: '' }));
    await act(() => result.current.flush());
    expect(result.current.status).toBe('invalid');
    act(() => result.current.update({ description: 'A fictional visit.', period: { from: '2025-06-01', to: null }, significance: 'It shaped the plan (fictional).' }));
    await act(() => result.current.flush());
    await waitFor(() => expect(result.current.status).toBe('saved'));
    expect(result.current.issues).toEqual([]);
    expect(result.current.warnings).toEqual([]);
    expect(await stored()).toMatchObject({ period: { from: '2025-06-01', to: null }, significance: 'It shaped the plan (fictional).', version: 2 });
  });
});
