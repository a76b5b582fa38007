import type { Failure } from '../../domain/failures';
import { asId, type CapturedItemId, type ConversationId, type FactorTagId, type ReviewId } from '../../domain/ids';
import type { ConversationStepId } from '../../domain/method/conversation-steps';
import type { Conversation, Episode, StepNote, WrittenRecord } from '../../domain/model';
import { err, ok, type Result } from '../../domain/result';
import {
  addCapturedItem,
  checkWrittenRecordReplacement,
  draftEpisode,
  mergeChecked,
  labelsFor,
  mergeText,
  removeCapturedItem,
  setEpisodeFactor,
  setFactorRaised,
  stepNoteIdFor,
  transitionRecording,
  validateCapturedText,
  type CapturedList,
  type EpisodeCaptureInput,
  type RecordingTransition,
} from '../../domain/guide';
import type { ReviewOperations } from '../review-service';

/** How many times a change is re-applied to a newer version before the conflict is handed back. */
const MAX_ATTEMPTS = 5;

export interface ConversationGuideDeps {
  readonly service: ReviewOperations;
  readonly now: () => string;
  /** A fresh id for captured items and factor tags (the ReviewService mints record ids itself). */
  readonly newId: (prefix: string) => string;
  /** Who is writing, to name the two versions when both facilitators changed the same passage. */
  readonly actor?: () => string;
}

export interface StepNoteEdit {
  readonly reviewId: ReviewId;
  readonly conversationId: ConversationId;
  readonly step: ConversationStepId;
  /** The stored note this edit started from; null when there was none yet. */
  readonly base: StepNote | null;
  readonly text: string;
  readonly checked: readonly string[];
  /** The facilitators' own comments on the step, never shown to the participant; left as stored when absent. */
  readonly comments?: string;
}

export interface StepNoteSaved {
  readonly record: StepNote;
  /** Regions both facilitators changed differently: both kept between markers. 0 when it merged cleanly. */
  readonly conflicts: number;
  /** True when the other facilitator's words were merged in, so the text on screen must be replaced. */
  readonly merged: boolean;
}

/**
 * The conversation guide's use cases. Every change to a shared record is a function of the record, re-applied to
 * the newer version when the other facilitator saved first; step notes are merged three ways. Nothing typed by
 * either facilitator is lost.
 */
export class ConversationGuide {
  constructor(private readonly deps: ConversationGuideDeps) {}

  /** Saves a step's notes, merging with whatever the other facilitator stored meanwhile. */
  async saveStepNote(edit: StepNoteEdit): Promise<Result<StepNoteSaved, Failure>> {
    const { service } = this.deps;
    let base = edit.base;
    let baseText = base?.text ?? '';
    let baseChecked: readonly string[] = base?.checked ?? [];
    let text = edit.text;
    let checked = [...edit.checked];
    let baseComments = base?.comments ?? '';
    let comments = edit.comments ?? baseComments;
    let conflicts = 0;
    let merged = false;

    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const saved = base
        ? await service.saveRecord('stepNote', { ...base, text, comments, checked })
        : await service.addRecord('stepNote', edit.reviewId, { conversationId: edit.conversationId, step: edit.step, text, comments, checked }, stepNoteIdFor(edit.conversationId, edit.step));
      if (saved.ok) return ok({ record: saved.value, conflicts, merged });

      let theirs: StepNote | null = null;
      if (saved.error.kind === 'conflict' && saved.error.current) theirs = saved.error.current as StepNote;
      else if (saved.error.kind === 'alreadyExists' || (saved.error.kind === 'notFound' && base)) theirs = await this.currentStepNote(edit);
      else return saved;
      if (!theirs) {
        // Deleted meanwhile: start a new record with this text rather than lose it.
        base = null;
        continue;
      }
      const outcome = mergeText(baseText, text, theirs.text, labelsFor(this.deps.actor?.() ?? '', theirs.updatedBy));
      conflicts += outcome.conflicts;
      merged = merged || outcome.text !== text;
      text = outcome.text;
      checked = mergeChecked(baseChecked, checked, theirs.checked);
      const commentsOutcome = mergeText(baseComments, comments, theirs.comments, labelsFor(this.deps.actor?.() ?? '', theirs.updatedBy));
      conflicts += commentsOutcome.conflicts;
      merged = merged || commentsOutcome.text !== comments;
      comments = commentsOutcome.text;
      baseComments = theirs.comments;
      base = theirs;
      baseText = theirs.text;
      baseChecked = theirs.checked;
    }
    return err({ kind: 'unavailable', what: 'Step notes', detail: 'the other facilitator kept saving at the same moment', retryable: true });
  }

  private async currentStepNote(edit: Pick<StepNoteEdit, 'reviewId' | 'conversationId' | 'step'>): Promise<StepNote | null> {
    const loaded = await this.deps.service.loadReview(edit.reviewId);
    if (!loaded.ok) return null;
    return loaded.value.stepNotes.find((note) => note.conversationId === edit.conversationId && note.step === edit.step) ?? null;
  }

  /** Applies a change to the conversation, again to the newer version if someone saved first. */
  async changeConversation(conversation: Conversation, change: (current: Conversation) => Conversation): Promise<Result<Conversation, Failure>> {
    let current = conversation;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const next = change(current);
      if (next === current) return ok(current);
      const saved = await this.deps.service.saveRecord('conversation', next);
      if (saved.ok) return saved;
      if (saved.error.kind !== 'conflict' || !saved.error.current) return saved;
      current = saved.error.current as Conversation;
    }
    return err({ kind: 'unavailable', what: 'Conversation', detail: 'it kept changing while saving', retryable: true });
  }

  async captureItem(conversation: Conversation, list: CapturedList, text: string): Promise<Result<Conversation, Failure>> {
    const checked = validateCapturedText(text, list === 'wentWell' ? 'Thing that went well' : 'Suggested change');
    if (!checked.ok) return checked;
    const item = { id: asId<CapturedItemId>(this.deps.newId('item')), text: checked.value, capturedAt: this.deps.now() };
    return this.changeConversation(conversation, addCapturedItem(list, item));
  }

  removeItem(conversation: Conversation, list: CapturedList, itemId: CapturedItemId): Promise<Result<Conversation, Failure>> {
    return this.changeConversation(conversation, removeCapturedItem(list, itemId));
  }

  setFactor(conversation: Conversation, factorId: string, raised: boolean): Promise<Result<Conversation, Failure>> {
    return this.changeConversation(conversation, setFactorRaised(factorId, raised));
  }

  /** A turning point, captured as a key practice episode linked to this conversation and participant. */
  async captureEpisode(conversation: Conversation, input: EpisodeCaptureInput): Promise<Result<Episode, Failure>> {
    const draft = draftEpisode(conversation, input);
    if (!draft.ok) return draft;
    const { factorIds, ...episode } = draft.value;
    const created = await this.deps.service.addRecord('episode', conversation.reviewId, {
      ...episode,
      participantIds: [...episode.participantIds],
      factors: factorIds.map((factorId) => ({ id: asId<FactorTagId>(this.deps.newId('tag')), factorId, whyItMadeSense: '' })),
    });
    if (!created.ok) return created;
    if (factorIds.length > 0) {
      // The factors the participant named for the episode were raised in the conversation too.
      const raised = await this.changeConversation(conversation, (current) => factorIds.reduce((next, factorId) => setFactorRaised(factorId, true)(next), current));
      if (!raised.ok) return raised;
    }
    return created;
  }

  async setEpisodeFactor(episode: Episode, factorId: string, tagged: boolean): Promise<Result<Episode, Failure>> {
    let current = episode;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const next = setEpisodeFactor(factorId, tagged, () => asId<FactorTagId>(this.deps.newId('tag')))(current);
      if (next === current) return ok(current);
      const saved = await this.deps.service.saveRecord('episode', next);
      if (saved.ok) return saved;
      if (saved.error.kind !== 'conflict' || !saved.error.current) return saved;
      current = saved.error.current as Episode;
    }
    return err({ kind: 'unavailable', what: 'Key practice episode', detail: 'it kept changing while saving', retryable: true });
  }

  /** Keeps an imported transcript as the written record; an existing one is replaced only when confirmed. */
  async keepWrittenRecord(conversation: Conversation, record: WrittenRecord, confirmedReplace: boolean): Promise<Result<Conversation, Failure>> {
    let current = conversation;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const allowed = checkWrittenRecordReplacement(current.writtenRecord, confirmedReplace);
      if (!allowed.ok) return allowed;
      const saved = await this.deps.service.saveRecord('conversation', { ...current, writtenRecord: record });
      if (saved.ok) return saved;
      if (saved.error.kind !== 'conflict' || !saved.error.current) return saved;
      const theirs = saved.error.current as Conversation;
      // Someone else added a written record meanwhile: that needs its own confirmation.
      if (theirs.writtenRecord && JSON.stringify(theirs.writtenRecord) !== JSON.stringify(current.writtenRecord)) confirmedReplace = false;
      current = theirs;
    }
    return err({ kind: 'unavailable', what: 'Conversation', detail: 'it kept changing while saving', retryable: true });
  }

  /** Moves the recording on; its destruction goes in the audit trail. */
  async moveRecording(conversation: Conversation, transition: RecordingTransition, participantLabel: string): Promise<Result<Conversation, Failure>> {
    let current = conversation;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const recording = transitionRecording(current.recording, transition);
      if (!recording.ok) return recording;
      const saved = await this.deps.service.saveRecord('conversation', { ...current, recording: recording.value });
      if (saved.ok) {
        if (transition.to === 'destroyed') {
          const audited = await this.deps.service.audit(
            conversation.reviewId,
            'recordingDestruction',
            `Recording of the conversation with ${participantLabel} destroyed by ${transition.by.trim()} (${transition.how.trim()})`,
          );
          if (!audited.ok) return audited;
        }
        return saved;
      }
      if (saved.error.kind !== 'conflict' || !saved.error.current) return saved;
      current = saved.error.current as Conversation;
    }
    return err({ kind: 'unavailable', what: 'Conversation', detail: 'it kept changing while saving', retryable: true });
  }
}
