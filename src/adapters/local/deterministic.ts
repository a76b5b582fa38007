import type { Clock } from '../../ports/clock';
import type { IdSource } from '../../ports/id-source';

/** Ids for generated fixtures and tests: the same seed gives the same ids. */
export function sequentialIds(namespace = 'x'): IdSource {
  let counter = 0;
  return { next: (prefix) => `${prefix}-${namespace}${(++counter).toString(36).padStart(5, '0')}` };
}

/** A clock that starts at a given instant and moves on by `stepMs` each time it is read. */
export function steppingClock(startIso: string, stepMs = 1000): Clock {
  let current = Date.parse(startIso);
  return {
    now: () => {
      const value = new Date(current).toISOString();
      current += stepMs;
      return value;
    },
  };
}
