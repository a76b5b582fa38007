import { useCallback, useEffect, useRef, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { mergeChecked, mergeText } from '../../../domain/guide';
import type { ConversationId, ReviewId } from '../../../domain/ids';
import type { ConversationStepId } from '../../../domain/method/conversation-steps';
import type { StepNote } from '../../../domain/model';
import { draftStorage } from './guide-storage';
import { useConversationGuide } from './use-conversation-guide';

export const NOTE_SAVE_DELAY_MS = 600;

export type NoteStatus = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface StepNoteEditor {
  readonly text: string;
  /** The facilitators' own comments on this step: never shown to the participant. */
  readonly comments: string;
  readonly checked: readonly string[];
  readonly status: NoteStatus;
  /** Why the last save failed, in words. */
  readonly message: string | null;
  /** The other facilitator's words were merged in since this screen last showed them. */
  readonly mergedFromOther: boolean;
  readonly setText: (text: string) => void;
  readonly setComments: (comments: string) => void;
  readonly setChecked: (checked: readonly string[]) => void;
  readonly flush: () => Promise<void>;
}

interface Content {
  readonly text: string;
  readonly comments: string;
  readonly checked: readonly string[];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * One step's notes, saved as they are typed. When the other facilitator stores a change to the same step, it is
 * merged into what is on screen (three ways, from the version both started from); whatever cannot be merged is kept
 * twice between markers. Nothing typed on either side is dropped, and a draft is kept in this browser until stored.
 */
export function useStepNote(input: { reviewId: ReviewId; conversationId: ConversationId; step: ConversationStepId; stored: StepNote | null }): StepNoteEditor {
  const { reviewId, conversationId, step, stored } = input;
  const guide = useConversationGuide();

  // Restore a draft left by a reload before it was stored, merged with anything stored since.
  const initial = useRef<{ content: Content; dirty: boolean } | null>(null);
  if (initial.current === null) {
    const draft = draftStorage.read(conversationId, step);
    const storedContent: Content = { text: stored?.text ?? '', comments: stored?.comments ?? '', checked: stored?.checked ?? [] };
    if (!draft) initial.current = { content: storedContent, dirty: false };
    else if ((stored?.version ?? 0) === draft.baseVersion) {
      initial.current = { content: { text: draft.text, comments: draft.comments ?? storedContent.comments, checked: draft.checked }, dirty: true };
    } else {
      initial.current = {
        content: {
          text: mergeText(draft.baseText, draft.text, storedContent.text).text,
          comments: draft.comments === undefined ? storedContent.comments : mergeText(draft.baseComments ?? '', draft.comments, storedContent.comments).text,
          checked: mergeChecked(draft.baseChecked, draft.checked, storedContent.checked),
        },
        dirty: true,
      };
    }
  }

  const [content, setContent] = useState<Content>(initial.current.content);
  const [status, setStatus] = useState<NoteStatus>(initial.current.dirty ? 'unsaved' : 'saved');
  const [message, setMessage] = useState<string | null>(null);
  const [mergedFromOther, setMergedFromOther] = useState(false);

  const base = useRef<StepNote | null>(stored);
  const latest = useRef<Content>(initial.current.content);
  const dirty = useRef(initial.current.dirty);
  const storedRef = useRef<StepNote | null>(stored);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef<() => Promise<void>>(async () => undefined);

  const show = useCallback((next: Content) => {
    latest.current = next;
    setContent(next);
  }, []);

  const keepDraft = useCallback(() => {
    if (!dirty.current) {
      draftStorage.write(conversationId, step, null);
      return;
    }
    const from = base.current;
    draftStorage.write(conversationId, step, {
      format: 1,
      baseVersion: from?.version ?? 0,
      baseText: from?.text ?? '',
      baseChecked: from?.checked ?? [],
      text: latest.current.text,
      checked: latest.current.checked,
      baseComments: from?.comments ?? '',
      comments: latest.current.comments,
    });
  }, [conversationId, step]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), NOTE_SAVE_DELAY_MS);
  }, []);

  /** Takes in a newer stored version: adopted when nothing is unsaved here, merged when something is. */
  const reconcile = useCallback(() => {
    const incoming = storedRef.current;
    const known = base.current;
    if (!incoming || (known && incoming.version <= known.version && incoming.id === known.id)) return;
    if (!dirty.current) {
      base.current = incoming;
      show({ text: incoming.text, comments: incoming.comments, checked: incoming.checked });
      return;
    }
    const merged = mergeText(known?.text ?? '', latest.current.text, incoming.text);
    const comments = mergeText(known?.comments ?? '', latest.current.comments, incoming.comments).text;
    const checked = mergeChecked(known?.checked ?? [], latest.current.checked, incoming.checked);
    base.current = incoming;
    if (merged.text !== latest.current.text || comments !== latest.current.comments) setMergedFromOther(true);
    show({ text: merged.text, comments, checked });
    keepDraft();
    schedule();
  }, [keepDraft, schedule, show]);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const sent = latest.current;
    setStatus('saving');
    const work = (async () => {
      const saved = await guide.saveStepNote({ reviewId, conversationId, step, base: base.current, text: sent.text, comments: sent.comments, checked: sent.checked });
      if (!saved.ok) {
        setStatus('failed');
        setMessage(describeFailure(saved.error));
        return;
      }
      const record = saved.value.record;
      base.current = record;
      setMessage(null);
      if (saved.value.merged) setMergedFromOther(true);
      const now = latest.current;
      if (now.text === sent.text && now.comments === sent.comments && sameList(now.checked, sent.checked)) {
        dirty.current = false;
        show({ text: record.text, comments: record.comments, checked: record.checked });
      } else {
        // Typed on while it was saving: keep that, with whatever the save merged in.
        show({
          text: mergeText(sent.text, now.text, record.text).text,
          comments: mergeText(sent.comments, now.comments, record.comments).text,
          checked: mergeChecked(sent.checked, now.checked, record.checked),
        });
        dirty.current = latest.current.text !== record.text || latest.current.comments !== record.comments || !sameList(latest.current.checked, record.checked);
      }
      keepDraft();
      setStatus(dirty.current ? 'unsaved' : 'saved');
    })();
    inFlight.current = work;
    await work;
    inFlight.current = null;
    reconcile();
    if (dirty.current) schedule();
  }, [guide, reviewId, conversationId, step, show, keepDraft, reconcile, schedule]);
  saveRef.current = save;

  useEffect(() => {
    storedRef.current = stored;
    if (!inFlight.current) reconcile();
  }, [stored, reconcile]);

  const edit = useCallback(
    (change: Partial<Content>) => {
      dirty.current = true;
      show({ ...latest.current, ...change });
      setStatus('unsaved');
      keepDraft();
      schedule();
    },
    [keepDraft, schedule, show],
  );

  const flush = useCallback(() => save(), [save]);

  // A restored draft is saved straight away; pending edits are saved when the page is hidden or the step closed.
  useEffect(() => {
    if (dirty.current) schedule();
    const onHide = () => void saveRef.current();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      if (timer.current) clearTimeout(timer.current);
      if (dirty.current) void saveRef.current();
    };
  }, [schedule]);

  return {
    text: content.text,
    comments: content.comments,
    checked: content.checked,
    status,
    message,
    mergedFromOther,
    setText: useCallback((text: string) => edit({ text }), [edit]),
    setComments: useCallback((comments: string) => edit({ comments }), [edit]),
    setChecked: useCallback((checked: readonly string[]) => edit({ checked }), [edit]),
    flush,
  };
}
