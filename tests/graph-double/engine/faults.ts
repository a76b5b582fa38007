// Fault injection: scripted faults (exactly which request fails) and random faults at a rate,
// drawn from a seeded stream so a run can be replayed.
import { GraphError } from './errors';
import type { Random } from './prng';

export type FaultSpec =
  /** 429 TooManyRequests with Retry-After (seconds, may be fractional). */
  | { readonly kind: 'throttle'; readonly retryAfterSeconds?: number }
  /** 503 serviceNotAvailable with Retry-After. */
  | { readonly kind: 'unavailable'; readonly retryAfterSeconds?: number }
  /** 412 resourceModified, as if someone else had just changed the resource. */
  | { readonly kind: 'preconditionFailed' }
  /** The connection drops before the request is processed: nothing changes. */
  | { readonly kind: 'drop' }
  /** The request is processed, then the connection drops: the change happened but the client never hears. */
  | { readonly kind: 'dropAfterCommit' }
  /**
   * The request is processed, then the answer is a 5xx (default 504 gatewayTimeout): the change happened, but the
   * client is told it failed. Real front doors do this when the back end is slow to answer a write.
   */
  | { readonly kind: 'errorAfterCommit'; readonly status?: 500 | 502 | 503 | 504; readonly retryAfterSeconds?: number }
  /** 409 resourceModified: SharePoint's save conflict on a fields PATCH, even when the eTag still matches. */
  | { readonly kind: 'saveConflict' };

export interface FaultMatch {
  readonly method?: string;
  /** A string matches when the service path contains it; a RegExp is tested against the service path. */
  readonly path?: string | RegExp;
  /** Restrict to requests inside (true) or outside (false) a $batch. */
  readonly inBatch?: boolean;
}

export interface ScriptedFault {
  readonly fault: FaultSpec;
  readonly match?: FaultMatch;
  /** How many matching requests fail (default 1). */
  readonly times?: number;
  /** Let this many matching requests through first (default 0). */
  readonly skip?: number;
}

export interface FaultRates {
  /** Probability (0–1) that a request is throttled. */
  readonly throttle?: number;
  readonly unavailable?: number;
  /** Probability that the connection drops (never applied to $batch parts). */
  readonly drop?: number;
  /** Probability that a write (POST, PATCH, PUT, DELETE) is applied and then answered with a 5xx. */
  readonly errorAfterCommit?: number;
  /** Fixed seconds, or a range to draw from; default 1. */
  readonly retryAfterSeconds?: number | { readonly min: number; readonly max: number };
}

export interface FaultCandidate {
  readonly method: string;
  readonly path: string;
  readonly inBatch: boolean;
}

interface ScriptState {
  readonly fault: FaultSpec;
  readonly match: FaultMatch;
  remaining: number;
  toSkip: number;
}

export class FaultInjector {
  private scripted: ScriptState[] = [];
  private rates: FaultRates = {};

  constructor(private readonly random: Random) {}

  /** Queue faults; they fire in order of registration for the requests they match. */
  script(...faults: ScriptedFault[]): void {
    for (const entry of faults) {
      this.scripted.push({ fault: entry.fault, match: entry.match ?? {}, remaining: entry.times ?? 1, toSkip: entry.skip ?? 0 });
    }
  }

  setRates(rates: FaultRates): void {
    this.rates = rates;
  }

  clear(): void {
    this.scripted = [];
    this.rates = {};
  }

  /** Scripted faults that have not fired yet. */
  get pendingScripted(): number {
    return this.scripted.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  pick(candidate: FaultCandidate): FaultSpec | undefined {
    for (const entry of this.scripted) {
      if (entry.remaining <= 0 || !matches(entry.match, candidate)) continue;
      if (!candidate.inBatch || !isConnectionFault(entry.fault)) {
        if (entry.toSkip > 0) {
          entry.toSkip -= 1;
          continue;
        }
        entry.remaining -= 1;
        this.scripted = this.scripted.filter((item) => item.remaining > 0);
        return entry.fault;
      }
    }
    return this.pickByRate(candidate);
  }

  private pickByRate(candidate: FaultCandidate): FaultSpec | undefined {
    const throttle = this.rates.throttle ?? 0;
    const unavailable = this.rates.unavailable ?? 0;
    const drop = candidate.inBatch ? 0 : (this.rates.drop ?? 0);
    // The envelope of a $batch is never "applied", only its parts are.
    const isWrite = candidate.method !== 'GET' && candidate.path !== '/$batch';
    const afterCommit = isWrite ? (this.rates.errorAfterCommit ?? 0) : 0;
    if (throttle + unavailable + (this.rates.drop ?? 0) + (this.rates.errorAfterCommit ?? 0) <= 0) return undefined;
    const roll = this.random();
    if (roll < throttle) return { kind: 'throttle', retryAfterSeconds: this.drawRetryAfter() };
    if (roll < throttle + unavailable) return { kind: 'unavailable', retryAfterSeconds: this.drawRetryAfter() };
    if (roll < throttle + unavailable + drop) return { kind: 'drop' };
    if (roll < throttle + unavailable + drop + afterCommit) return { kind: 'errorAfterCommit', status: 504 };
    return undefined;
  }

  private drawRetryAfter(): number {
    const setting = this.rates.retryAfterSeconds ?? 1;
    if (typeof setting === 'number') return setting;
    const value = setting.min + this.random() * (setting.max - setting.min);
    return Math.round(value * 1000) / 1000;
  }
}

function isConnectionFault(fault: FaultSpec): boolean {
  return fault.kind === 'drop' || fault.kind === 'dropAfterCommit';
}

function matches(match: FaultMatch, candidate: FaultCandidate): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== candidate.method) return false;
  if (match.inBatch !== undefined && match.inBatch !== candidate.inBatch) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? candidate.path.includes(match.path) : match.path.exec(candidate.path) !== null;
}

/** Formats seconds the way Graph does in Retry-After: an integer or a short decimal such as 2.128. */
export function formatRetryAfter(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}

/** The error a status fault produces (connection faults are handled by the engine). */
export function faultError(fault: FaultSpec): GraphError | undefined {
  switch (fault.kind) {
    case 'throttle':
      return new GraphError(429, 'TooManyRequests', 'Please retry again later.', {
        innerCode: '429',
        innerExtras: { message: 'Please retry after', status: '429' },
        headers: { 'retry-after': formatRetryAfter(fault.retryAfterSeconds ?? 1) },
      });
    case 'unavailable':
      return new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry after the time in the Retry-After header.', {
        headers: { 'retry-after': formatRetryAfter(fault.retryAfterSeconds ?? 1) },
      });
    case 'preconditionFailed':
      return new GraphError(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch.', {
        innerCode: 'entityTagDoesNotMatch',
      });
    case 'saveConflict':
      return new GraphError(409, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch.', {
        innerCode: 'resourceModified',
      });
    case 'drop':
    case 'dropAfterCommit':
    case 'errorAfterCommit':
      return undefined;
  }
}

/** The answer an errorAfterCommit fault gives once the request has been applied. */
export function afterCommitError(fault: Extract<FaultSpec, { kind: 'errorAfterCommit' }>): GraphError {
  const status = fault.status ?? 504;
  const code = status === 504 ? 'gatewayTimeout' : status === 503 ? 'serviceNotAvailable' : status === 502 ? 'badGateway' : 'generalException';
  return new GraphError(status, code, 'The service did not answer in time. The request may or may not have been applied.', {
    ...(status === 503 ? { headers: { 'retry-after': formatRetryAfter(fault.retryAfterSeconds ?? 1) } } : {}),
  });
}
