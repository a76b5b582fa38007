import { useCallback } from 'react';
import { useSearchParams } from 'wouter';

/**
 * A screen's chosen view, kept in the URL's query (`?narrativeView=table`) so a reload or a shared link opens the
 * same view. Each screen uses its own parameter name: the query outlives moves between sections.
 */
export function useViewParam<V extends string>(name: string, views: readonly V[], fallback: V): [V, (view: V) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const view = (views as readonly string[]).includes(raw ?? '') ? (raw as V) : fallback;
  const setView = useCallback(
    (next: V) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.set(name, next);
          return updated;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [view, setView];
}
