import type { Clock } from '../../ports/clock';
import type { IdSource } from '../../ports/id-source';

export const systemClock: Clock = { now: () => new Date().toISOString() };

export const randomIds: IdSource = {
  next: (prefix) => `${prefix}-${crypto.randomUUID()}`,
};
