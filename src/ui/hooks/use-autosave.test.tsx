// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import { AUTOSAVE_DELAY_MS, settleConflict, useAutosaveWith } from './use-autosave';

interface Note {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly notes: string;
  readonly updatedBy: string;
}

/** A store with the real concurrency contract: a stale version is a conflict carrying what is stored. */
function fakeStore(initial: Note) {
  let stored = initial;
  const saves: Note[] = [];
  return {
    get stored() {
      return stored;
    },
    saves,
    persist: async (record: Note): Promise<Result<Note, Failure>> => {
      if (record.version !== stored.version) return err({ kind: 'conflict', recordKind: 'document', id: record.id, current: stored as never });
      if (record.title.trim() === '') return err({ kind: 'invalid', what: 'Document', issues: [{ path: 'title', message: 'Title is required' }] });
      stored = { ...record, version: record.version + 1, title: record.title.trim(), updatedBy: 'me' };
      saves.push(stored);
      return ok(stored);
    },
    /** Someone else saves meanwhile. */
    theirEdit(changes: Partial<Note>) {
      stored = { ...stored, ...changes, version: stored.version + 1, updatedBy: 'Someone else' };
    },
  };
}

const note: Note = { id: 'doc-1', version: 1, title: 'Case file (fictional)', notes: 'Read.', updatedBy: 'me' };

afterEach(() => {
  vi.useRealTimers();
});

describe('useAutosaveWith', () => {
  it('saves by itself after a pause, and shows each state on the way', async () => {
    vi.useFakeTimers();
    const store = fakeStore(note);
    const { result } = renderHook(() => useAutosaveWith(store.stored, store.persist));
    act(() => result.current.update({ notes: 'Read twice.' }));
    expect(result.current.status).toBe('unsaved');
    expect(store.saves).toEqual([]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    });
    expect(result.current.status).toBe('saved');
    expect(store.stored).toMatchObject({ notes: 'Read twice.', version: 2 });
  });

  it('keeps what is typed on screen while the store trims it', async () => {
    const store = fakeStore(note);
    const { result } = renderHook(() => useAutosaveWith(store.stored, store.persist));
    act(() => result.current.update({ title: 'GP records ' }));
    await act(() => result.current.flush());
    expect(store.stored.title).toBe('GP records');
    expect(result.current.draft.title).toBe('GP records ');
    expect(result.current.draft.version).toBe(2);
  });

  it('refuses invalid input with field issues and stores nothing', async () => {
    const store = fakeStore(note);
    const { result } = renderHook(() => useAutosaveWith(store.stored, store.persist));
    act(() => result.current.update({ title: '  ' }));
    await act(() => result.current.flush());
    expect(result.current.status).toBe('invalid');
    expect(result.current.issues).toEqual([{ path: 'title', message: 'Title is required' }]);
    expect(store.stored).toEqual(note);
  });

  it('combines a concurrent change to another field without asking', async () => {
    const store = fakeStore(note);
    const { result } = renderHook(() => useAutosaveWith(store.stored, store.persist));
    act(() => result.current.update({ notes: 'Mine.' }));
    store.theirEdit({ title: 'Their title' });
    await act(() => result.current.flush());
    expect(result.current.conflict).toBeNull();
    expect(result.current.status).toBe('saved');
    expect(store.stored).toMatchObject({ title: 'Their title', notes: 'Mine.', version: 3 });
  });

  it('turns a change to the same field into a conflict, then stores the merged version', async () => {
    const store = fakeStore(note);
    const { result } = renderHook(() => useAutosaveWith(store.stored, store.persist));
    act(() => result.current.update({ notes: 'Mine.', title: 'My title' }));
    store.theirEdit({ notes: 'Theirs.' });
    await act(() => result.current.flush());
    expect(result.current.status).toBe('conflict');
    expect(result.current.conflict?.fields).toEqual([['notes']]);
    expect(result.current.conflict?.theirs.notes).toBe('Theirs.');
    expect(store.stored.notes).toBe('Theirs.');
    await act(async () => {
      result.current.resolve({ merged: { ...result.current.conflict!.mine, notes: 'Theirs.\n\nMine.' } });
      await result.current.flush();
    });
    expect(result.current.status).toBe('saved');
    expect(store.stored).toMatchObject({ notes: 'Theirs.\n\nMine.', title: 'My title' });
  });

  it('keeps this edit’s other changes when the person takes their version of the disputed field', async () => {
    const store = fakeStore(note);
    const { result } = renderHook(() => useAutosaveWith(store.stored, store.persist));
    act(() => result.current.update({ notes: 'Mine.', title: 'My title' }));
    store.theirEdit({ notes: 'Theirs.' });
    await act(() => result.current.flush());
    expect(settleConflict(result.current.conflict!, 'theirs')).toMatchObject({ notes: 'Theirs.', title: 'My title' });
    await act(async () => {
      result.current.resolve('theirs');
      await result.current.flush();
    });
    expect(store.stored).toMatchObject({ notes: 'Theirs.', title: 'My title' });
  });

  it('shows a newer stored version when nothing is unsaved, but never over unsaved typing', async () => {
    const store = fakeStore(note);
    const { result, rerender } = renderHook(({ stored }) => useAutosaveWith(stored, store.persist), { initialProps: { stored: store.stored } });
    store.theirEdit({ notes: 'Theirs.' });
    rerender({ stored: store.stored });
    expect(result.current.draft.notes).toBe('Theirs.');
    act(() => result.current.update({ title: 'Typing' }));
    store.theirEdit({ notes: 'Theirs again.' });
    rerender({ stored: store.stored });
    expect(result.current.draft).toMatchObject({ title: 'Typing', notes: 'Theirs.' });
    await act(() => result.current.flush());
    expect(store.stored).toMatchObject({ title: 'Typing', notes: 'Theirs again.' });
  });
});
