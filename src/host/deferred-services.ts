import type { Failure } from '../domain/failures';
import { err, ok, type Result } from '../domain/result';

// Standalone mode's data layer (ReviewService, the Dexie store, bundles: dexie, zod and the whole model) is a chunk
// of its own, so the first screen can render while it downloads (DESIGN §6, first-load-js). These stand-ins are
// handed to the screens at once (one generic Proxy, below): every call waits for the chunk, then goes to the real service. Only imports of
// types reach the real modules from here, so this file keeps them out of the entry chunk.

/** A value loaded once, on first use; a failed load is a Failure (not a throw) and is tried again next time. */
export interface Deferred<T> {
  get(): Promise<Result<T, Failure>>;
}

export function deferred<T>(load: () => Promise<T>, what: string): Deferred<T> {
  let pending: Promise<Result<T, Failure>> | null = null;
  return {
    get() {
      if (pending) return pending;
      const attempt = Promise.resolve()
        .then(load)
        .then(
          (value): Result<T, Failure> => ok(value),
          (error: unknown): Result<T, Failure> => {
            // Forget the failed attempt so the next call loads again (a network blip need not last the session).
            if (pending === attempt) pending = null;
            return err({
              kind: 'unavailable',
              what,
              detail: detailOf(error),
              retryable: false,
            });
          },
        );
      pending = attempt;
      return attempt;
    },
  };
}

function detailOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() === '' ? 'it could not be loaded' : `it could not be loaded: ${message}`;
}

/** Runs `call` on the loaded value, or hands back why it could not be loaded. */
async function using<T, R>(loaded: Deferred<T>, call: (value: T) => Promise<Result<R, Failure>>): Promise<Result<R, Failure>> {
  const value = await loaded.get();
  return value.ok ? call(value.value) : value;
}

/** The methods of an object that answer a Result, asynchronously: what a stand-in can forward without knowing them. */
export type ResultMethods<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<Result<infer R, Failure>> ? (...args: A) => Promise<Result<R, Failure>> : never;
};

/** Names a Proxy must not claim to have: `then` (or the stand-in would look like a promise), and symbols. */
const NOT_FORWARDED = new Set<PropertyKey>(['then', 'toJSON', 'constructor']);

/**
 * A stand-in for operations that live in a chunk still loading: every method call waits for the chunk, then goes
 * to the real object. Nothing is copied by hand, so a new use case needs adding in one place only, and every
 * argument reaches the real method as given.
 */
export function deferredOperations<T extends ResultMethods<T>>(loaded: Deferred<T>): T {
  return new Proxy({} as T, {
    get(_target, name) {
      if (typeof name === 'symbol' || NOT_FORWARDED.has(name)) return undefined;
      return (...args: unknown[]) =>
        using(loaded, (value) => {
          const method = (value as Record<string, unknown>)[name];
          if (typeof method !== 'function') {
            return Promise.resolve(
              err<Failure>({
                kind: 'unavailable',
                what: String(name),
                detail: 'this version of the app does not offer it',
                retryable: false,
              }),
            );
          }
          return (method as (...a: unknown[]) => Promise<Result<unknown, Failure>>).apply(value, args);
        });
    },
  });
}

const mapOk = <T, U>(result: Result<T, Failure>, change: (value: T) => U): Result<U, Failure> => (result.ok ? ok(change(result.value)) : result);

/** The part of a Deferred value the caller wants, without loading anything twice. */
export function deferredPart<T, U>(whole: Deferred<T>, part: (value: T) => U): Deferred<U> {
  return { get: async () => mapOk(await whole.get(), part) };
}
