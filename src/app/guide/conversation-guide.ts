import type { Failure } from '../../domain/failures';
import { asId, type CapturedItemId, type ConversationId, type ReviewId } from '../../domain/ids';
import type { ConversationStepId } from '../../domain/method/conversation-steps';
import type { Conversation, Episode, StepNote, WrittenRecord } from '../../domain/model';
import { err, ok, type Result } from '../../domain/result';
import { nextFactorTagId } from '../../domain/analysis/episodes';
import { hasConflictMarkers, stepNoteIdFor, validateCapturedText, type CapturedList, type EpisodeCaptureInput, type RecordingTransition } from '../../domain/guide';
import { findRecord, type Command, type SessionRecordKind } from '../../domain/session';
import { ID_PREFIX } from '../review-service';
import type { ReviewSession } from '../session/review-session';

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
 * The conversation guide's use cases, as commands on the open review's session (src/domain/session/commands.ts):
 * the same edits the workspace makes, with the same rules, ids from the session's IdSource and times from its
 * Clock. When the other facilitator saved first, the session applies the command again to their version; step
 * notes merge three ways. Nothing typed by either facilitator is lost.
 */
export class ConversationGuide {
  constructor(private readonly session: ReviewSession) {}

  /** Saves a step's notes, merging with whatever the other facilitator stored meanwhile. */
  async saveStepNote(edit: StepNoteEdit): Promise<Result<StepNoteSaved, Failure>> {
    const noteId = stepNoteIdFor(edit.conversationId, edit.step);
    const saved = await this.session.apply({
      type: 'editStepNote',
      noteId,
      conversationId: edit.conversationId,
      step: edit.step,
      baseText: edit.base?.text ?? '',
      text: edit.text,
      baseChecked: edit.base?.checked ?? [],
      checked: edit.checked,
      ...(edit.comments === undefined ? {} : { baseComments: edit.base?.comments ?? '', comments: edit.comments }),
    });
    if (!saved.ok) return saved;
    const record = findRecord(this.session.getSnapshot(), 'stepNote', noteId) as StepNote | null;
    if (!record) return err({ kind: 'notFound', what: 'Step notes', id: noteId });
    const markers = (text: string) => (hasConflictMarkers(text) ? 1 : 0);
    const conflicts = Math.max(0, markers(record.text) - markers(edit.text)) + Math.max(0, markers(record.comments) - markers(edit.comments ?? record.comments));
    const merged = record.text !== edit.text || (edit.comments !== undefined && record.comments !== edit.comments);
    return ok({ record, conflicts, merged });
  }

  captureItem(conversation: Conversation, list: CapturedList, text: string): Promise<Result<Conversation, Failure>> {
    const checked = validateCapturedText(text, list === 'wentWell' ? 'Thing that went well' : 'Suggested change');
    if (!checked.ok) return Promise.resolve(checked);
    const item = { id: asId<CapturedItemId>(this.session.newId('item')), text: checked.value, capturedAt: this.session.now() };
    return this.run({ type: 'addCapturedItem', conversationId: conversation.id, list, item }, 'conversation', conversation.id);
  }

  removeItem(conversation: Conversation, list: CapturedList, itemId: CapturedItemId): Promise<Result<Conversation, Failure>> {
    return this.run({ type: 'removeCapturedItem', conversationId: conversation.id, list, itemId }, 'conversation', conversation.id);
  }

  setFactor(conversation: Conversation, factorId: string, raised: boolean): Promise<Result<Conversation, Failure>> {
    return this.run({ type: 'setFactorRaised', conversationId: conversation.id, factorId, raised }, 'conversation', conversation.id);
  }

  /** A turning point, captured as a key practice episode linked to this conversation and participant. */
  captureEpisode(conversation: Conversation, input: EpisodeCaptureInput): Promise<Result<Episode, Failure>> {
    const episodeId = this.session.newId(ID_PREFIX.episode);
    const tagIds = input.factorIds.map((_, index) => `${episodeId}.f${index + 1}`);
    return this.run({ type: 'captureEpisode', conversationId: conversation.id, episodeId, input, tagIds }, 'episode', episodeId);
  }

  /** Tags or untags a contributory factor: the same command the episodes screen uses. */
  setEpisodeFactor(episode: Episode, factorId: string, tagged: boolean): Promise<Result<Episode, Failure>> {
    const current = (findRecord(this.session.getSnapshot(), 'episode', episode.id) as Episode | null) ?? episode;
    return this.run({ type: 'setEpisodeFactor', episodeId: episode.id, factorId, tagged, tagId: nextFactorTagId(current) }, 'episode', episode.id);
  }

  /** Keeps an imported transcript as the written record; an existing one is replaced only when confirmed. */
  keepWrittenRecord(conversation: Conversation, record: WrittenRecord, confirmedReplace: boolean): Promise<Result<Conversation, Failure>> {
    return this.run({ type: 'keepWrittenRecord', conversationId: conversation.id, record, confirmedReplace }, 'conversation', conversation.id);
  }

  /** Moves the recording on; its destruction goes in the audit trail. */
  moveRecording(conversation: Conversation, transition: RecordingTransition, participantLabel: string): Promise<Result<Conversation, Failure>> {
    return this.run(
      { type: 'moveRecording', conversationId: conversation.id, transition, participantLabel, auditId: this.session.newId(ID_PREFIX.audit) },
      'conversation',
      conversation.id,
    );
  }

  private async run<R>(command: Command, kind: SessionRecordKind, id: string): Promise<Result<R, Failure>> {
    const applied = await this.session.apply(command);
    if (!applied.ok) return applied;
    const record = findRecord(this.session.getSnapshot(), kind, id);
    return record ? ok(record as R) : err({ kind: 'notFound', what: kind, id });
  }
}
