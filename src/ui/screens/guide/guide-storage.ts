import { isConversationStepId, parseTimerLog, type FacilitatorRole, type TimerLog } from '../../../domain/guide';
import type { ConversationStepId } from '../../../domain/method/conversation-steps';

/**
 * What the guide keeps in this browser rather than in the review (see docs/conversation-guide.md):
 * - the timer (localStorage, per conversation): survives a reload, shared by tabs of this browser;
 * - the step shown and a hand-chosen role (sessionStorage, per tab): two facilitators in two tabs stay independent;
 * - a draft of notes typed but not yet stored (localStorage), so a reload in the half-second before the save
 *   loses nothing; removed as soon as the notes are stored.
 */

const timerKey = (conversationId: string) => `lt.guide.timer.v1.${conversationId}`;
const stepKey = (conversationId: string) => `lt.guide.step.v1.${conversationId}`;
const roleKey = (conversationId: string) => `lt.guide.role.v1.${conversationId}`;
const draftKey = (conversationId: string, step: string) => `lt.guide.draft.v1.${conversationId}.${step}`;

function readJson(storage: Storage, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: unknown): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the guide still works, it just will not remember this across a reload.
  }
}

export const timerStorage = {
  key: timerKey,
  read: (conversationId: string): TimerLog => parseTimerLog(readJson(localStorage, timerKey(conversationId))),
  write: (conversationId: string, log: TimerLog) => write(localStorage, timerKey(conversationId), log),
};

export const viewedStepStorage = {
  read: (conversationId: string): ConversationStepId => {
    const value = readJson(sessionStorage, stepKey(conversationId));
    return isConversationStepId(value) ? value : '1';
  },
  write: (conversationId: string, step: ConversationStepId) => write(sessionStorage, stepKey(conversationId), step),
};

export const roleStorage = {
  read: (conversationId: string): FacilitatorRole | null => {
    const value = readJson(sessionStorage, roleKey(conversationId));
    return value === 'questioner' || value === 'noteTaker' ? value : null;
  },
  write: (conversationId: string, role: FacilitatorRole | null) => write(sessionStorage, roleKey(conversationId), role),
};

export interface NoteDraft {
  readonly format: 1;
  /** The stored version the draft was typed on (0 when there was no record yet), and its text. */
  readonly baseVersion: number;
  readonly baseText: string;
  readonly baseChecked: readonly string[];
  readonly text: string;
  readonly checked: readonly string[];
  /** The facilitators' own comments typed on the step, and what they were when the draft began (absent in older drafts). */
  readonly baseComments?: string;
  readonly comments?: string;
}

export const draftStorage = {
  read: (conversationId: string, step: string): NoteDraft | null => {
    const value = readJson(localStorage, draftKey(conversationId, step)) as Partial<NoteDraft> | null;
    if (!value || value.format !== 1 || typeof value.text !== 'string' || typeof value.baseText !== 'string' || typeof value.baseVersion !== 'number') return null;
    const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
    const text = (item: unknown): string | undefined => (typeof item === 'string' ? item : undefined);
    return {
      format: 1,
      baseVersion: value.baseVersion,
      baseText: value.baseText,
      baseChecked: strings(value.baseChecked),
      text: value.text,
      checked: strings(value.checked),
      ...(text(value.comments) !== undefined ? { comments: text(value.comments) ?? '', baseComments: text(value.baseComments) ?? '' } : {}),
    };
  },
  write: (conversationId: string, step: string, draft: NoteDraft | null) => write(localStorage, draftKey(conversationId, step), draft),
};
