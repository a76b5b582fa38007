import type { Failure } from '../failures';
import {
  addCapturedItem,
  checkWrittenRecordReplacement,
  draftEpisode,
  labelsFor,
  mergeChecked,
  mergeText,
  removeCapturedItem,
  setEpisodeFactor,
  setFactorRaised,
  transitionRecording,
  type CapturedList,
  type EpisodeCaptureInput,
  type RecordingTransition,
} from '../guide';
import { asId, type CapturedItemId, type FactorTagId } from '../ids';
import { recordLabel } from '../labels';
import type { ConversationStepId } from '../method/conversation-steps';
import {
  RECORD_SCHEMA_VERSION,
  type AnyChildRecord,
  type AuditEntry,
  type CapturedItem,
  type ChildRecordKind,
  type Conversation,
  type Episode,
  type Meeting,
  type ReportStage,
  type Review,
  type ReviewPhase,
  type ReviewSnapshot,
  type StepNote,
  type WrittenRecord,
} from '../model';
import { err, exhaustiveSwitchError, ok, type Result } from '../result';
import { conversationAfter, reportStageAfter, type MeetingDraft } from '../scheduling/meeting-changes';
import { decidePhaseMove } from '../workflow';
import { STAMP_FIELDS, mergeThreeWay, stableJson, type FieldPath } from './merge';
import { findRecord, type RecordChange, type SessionRecord, type SessionRecordKind } from './snapshot';

/**
 * Every edit of a review is a command: plain data (so it can be kept in a journal and sent again after a reload)
 * with one pure function that turns it into record changes against the review as it stands. The same command is
 * applied again to a newer version of a record when someone else saved first, which is how two facilitators'
 * edits combine without a merge by hand. Ids and times are in the command or its context, never invented here.
 */

type Fields = Readonly<Record<string, unknown>>;

export type Command =
  /** A new record, complete with its id and first stamps. */
  | {
      readonly type: 'addRecord';
      readonly kind: ChildRecordKind;
      readonly record: AnyChildRecord;
    }
  /**
   * Some fields of a record changed. `base` holds those fields as the editor last saw them, so a field someone else
   * changed meanwhile is merged (texts three ways), never overwritten.
   */
  | {
      readonly type: 'editRecord';
      readonly kind: SessionRecordKind;
      readonly id: string;
      readonly base: Fields;
      readonly changes: Fields;
    }
  | {
      readonly type: 'removeRecord';
      readonly kind: ChildRecordKind;
      readonly id: string;
    }
  | {
      readonly type: 'movePhase';
      readonly to: ReviewPhase;
      readonly override: { readonly reason: string } | null;
      readonly auditId: string;
    }
  | {
      readonly type: 'appendAudit';
      readonly entryId: string;
      readonly action: AuditEntry['action'];
      readonly summary: string;
    }
  | {
      readonly type: 'setEpisodeFactor';
      readonly episodeId: string;
      readonly factorId: string;
      readonly tagged: boolean;
      readonly tagId: string;
    }
  | {
      readonly type: 'setFactorRaised';
      readonly conversationId: string;
      readonly factorId: string;
      readonly raised: boolean;
    }
  | {
      readonly type: 'addCapturedItem';
      readonly conversationId: string;
      readonly list: CapturedList;
      readonly item: CapturedItem;
    }
  | {
      readonly type: 'removeCapturedItem';
      readonly conversationId: string;
      readonly list: CapturedList;
      readonly itemId: string;
    }
  /** A step's notes; created on the first edit under the step's fixed id, merged three ways with the other facilitator's. */
  | {
      readonly type: 'editStepNote';
      readonly noteId: string;
      readonly conversationId: string;
      readonly step: ConversationStepId;
      readonly baseText: string;
      readonly text: string;
      readonly baseChecked: readonly string[];
      readonly checked: readonly string[];
      /** The facilitators' own comments on the step (never shown to the participant); absent when not edited. */
      readonly baseComments?: string;
      readonly comments?: string;
    }
  | {
      readonly type: 'keepWrittenRecord';
      readonly conversationId: string;
      readonly record: WrittenRecord;
      readonly confirmedReplace: boolean;
    }
  | {
      readonly type: 'moveRecording';
      readonly conversationId: string;
      readonly transition: RecordingTransition;
      readonly participantLabel: string;
      readonly auditId: string;
    }
  /** A turning point in a conversation, kept as a key practice episode (its factors raised in the conversation too). */
  | {
      readonly type: 'captureEpisode';
      readonly conversationId: string;
      readonly episodeId: string;
      readonly input: EpisodeCaptureInput;
      readonly tagIds: readonly string[];
    }
  /** A report document was published: the draft records where and the SHA-256 of the bytes; the audit trail says so. */
  | {
      readonly type: 'recordPublication';
      readonly reportStageId: string;
      readonly location: string;
      readonly destination: string;
      readonly fileName: string;
      readonly sha256: string;
      readonly auditId: string;
    }
  /**
   * A meeting scheduled, moved or cancelled in a calendar (src/app/scheduling), with its conversation or report
   * stage brought in line: one command, so the meeting and what it is for never disagree.
   */
  | {
      readonly type: 'scheduleMeeting';
      readonly meeting: MeetingDraft;
    };

export type CommandType = Command['type'];

/** Who is acting and when: given to every command, never read by it from the world. */
export interface CommandContext {
  readonly now: string;
  readonly actor: string;
}

export interface Performed {
  readonly changes: readonly RecordChange[];
  /** Fields changed differently here and by someone else that could not be combined: a conflict for the person. */
  readonly unresolved: readonly FieldPath[];
}

const done = (changes: RecordChange[], unresolved: FieldPath[] = []): Result<Performed, Failure> => ok({ changes, unresolved });
const same = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);

function touched<R extends SessionRecord>(record: R, context: CommandContext): R {
  return { ...record, updatedAt: context.now, updatedBy: context.actor };
}

function firstStamps(context: CommandContext) {
  return {
    schemaVersion: RECORD_SCHEMA_VERSION,
    version: 1,
    createdAt: context.now,
    updatedAt: context.now,
    createdBy: context.actor,
    updatedBy: context.actor,
  } as const;
}

function missing(kind: SessionRecordKind, id: string): Result<Performed, Failure> {
  return err({ kind: 'notFound', what: recordLabel(kind), id });
}

/** A change to one record made with a function of the record: applied again to a newer version as it stands. */
function changeRecord<R extends SessionRecord>(
  snapshot: ReviewSnapshot,
  kind: SessionRecordKind,
  id: string,
  context: CommandContext,
  change: (current: R) => Result<R, Failure> | R,
): Result<Performed, Failure> {
  const current = findRecord(snapshot, kind, id) as R | null;
  if (!current) return missing(kind, id);
  const outcome = change(current);
  const next = 'ok' in outcome && typeof outcome.ok === 'boolean' ? outcome : ok(outcome as R);
  if (!next.ok) return next;
  if (next.value === current) return done([]);
  return done([{ kind, id, record: touched(next.value, context) }]);
}

/**
 * Field edits against the record as it stands: a field nobody else changed takes the edit; a text both changed is
 * merged three ways (both kept between markers where they overlap); any other field both changed differently is
 * unresolved, and the record keeps this edit until the person settles it.
 */
export function mergeFields(
  current: Fields,
  base: Fields,
  changes: Fields,
  labels: { mine: string; theirs: string },
): { record: Fields; unresolved: FieldPath[] } {
  const record: Record<string, unknown> = { ...current };
  const unresolved: FieldPath[] = [];
  for (const [field, mine] of Object.entries(changes)) {
    if (STAMP_FIELDS.has(field) || field === 'id' || field === 'reviewId') continue;
    const theirs = current[field];
    const before = field in base ? base[field] : theirs;
    if (same(theirs, before) || same(theirs, mine)) {
      record[field] = mine;
    } else if (typeof mine === 'string' && typeof theirs === 'string' && typeof before === 'string' && theirs.includes(mine) && mine.includes(before)) {
      // Their text already holds this edit (it was sent before, or typed on from it): nothing is lost by taking it.
      record[field] = theirs;
    } else if (typeof mine === 'string' && typeof theirs === 'string' && typeof before === 'string' && mine.includes(theirs) && theirs.includes(before)) {
      // This edit typed on from their text.
      record[field] = mine;
    } else if (typeof mine === 'string' && typeof theirs === 'string' && typeof before === 'string') {
      // Texts changed in different places combine; the same passage changed on both sides is the person's to settle.
      const merged = mergeText(before, mine, theirs, labelsFor(labels.mine, labels.theirs));
      record[field] = merged.conflicts === 0 ? merged.text : mine;
      if (merged.conflicts > 0) unresolved.push([field]);
    } else if (typeof mine === 'object' && mine !== null && typeof theirs === 'object' && theirs !== null && typeof before === 'object' && before !== null) {
      const outcome = mergeThreeWay({ [field]: before }, { [field]: mine }, { [field]: theirs });
      record[field] = outcome.merged[field];
      unresolved.push(...outcome.conflicts);
    } else {
      record[field] = mine;
      unresolved.push([field]);
    }
  }
  return { record, unresolved };
}

/** The command's changes to the review as it stands now. */
export function performCommand(snapshot: ReviewSnapshot, command: Command, context: CommandContext): Result<Performed, Failure> {
  switch (command.type) {
    case 'addRecord': {
      const existing = findRecord(snapshot, command.kind, command.record.id);
      if (existing)
        return err({
          kind: 'alreadyExists',
          what: recordLabel(command.kind),
          id: command.record.id,
        });
      return done([
        {
          kind: command.kind,
          id: command.record.id,
          record: { ...command.record, reviewId: snapshot.review.id },
        },
      ]);
    }
    case 'editRecord': {
      const current = findRecord(snapshot, command.kind, command.id);
      if (!current) return missing(command.kind, command.id);
      const { record, unresolved } = mergeFields(current as Fields, command.base, command.changes, { mine: context.actor, theirs: current.updatedBy });
      if (same(record, current)) return done([]);
      return done(
        [
          {
            kind: command.kind,
            id: command.id,
            record: touched(record as SessionRecord, context),
          },
        ],
        unresolved,
      );
    }
    case 'removeRecord': {
      if (!findRecord(snapshot, command.kind, command.id)) return done([]);
      return done([{ kind: command.kind, id: command.id, record: null }]);
    }
    case 'movePhase': {
      const decision = decidePhaseMove(snapshot, command.to, command.override);
      if (!decision.ok) return decision;
      const review = snapshot.review;
      const change = {
        from: review.phase,
        to: command.to,
        at: context.now,
        by: context.actor,
        overriddenGuards: [...decision.value.overriddenGuards],
        reason: decision.value.reason,
      };
      const overrideNote = change.overriddenGuards.length > 0 ? ` with ${change.overriddenGuards.length} guard(s) overridden: ${change.reason}` : '';
      const moved: Review = touched(
        {
          ...review,
          phase: command.to,
          phaseHistory: [...review.phaseHistory, change],
        },
        context,
      );
      return done([
        { kind: 'review', id: review.id, record: moved },
        auditChange(snapshot, command.auditId, 'phaseChange', `Moved from ${change.from} to ${command.to}${overrideNote}`, context),
      ]);
    }
    case 'appendAudit':
      return done([auditChange(snapshot, command.entryId, command.action, command.summary, context)]);
    case 'setEpisodeFactor':
      return changeRecord<Episode>(snapshot, 'episode', command.episodeId, context, (episode) =>
        setEpisodeFactor(command.factorId, command.tagged, () => asId<FactorTagId>(command.tagId))(episode),
      );
    case 'setFactorRaised':
      return changeRecord<Conversation>(snapshot, 'conversation', command.conversationId, context, setFactorRaised(command.factorId, command.raised));
    case 'addCapturedItem':
      return changeRecord<Conversation>(snapshot, 'conversation', command.conversationId, context, addCapturedItem(command.list, command.item));
    case 'removeCapturedItem':
      return changeRecord<Conversation>(
        snapshot,
        'conversation',
        command.conversationId,
        context,
        removeCapturedItem(command.list, asId<CapturedItemId>(command.itemId)),
      );
    case 'editStepNote':
      return editStepNote(snapshot, command, context);
    case 'keepWrittenRecord':
      return changeRecord<Conversation>(snapshot, 'conversation', command.conversationId, context, (conversation) => {
        if (same(conversation.writtenRecord, command.record)) return conversation;
        const allowed = checkWrittenRecordReplacement(conversation.writtenRecord, command.confirmedReplace);
        return allowed.ok ? { ...conversation, writtenRecord: command.record } : allowed;
      });
    case 'moveRecording': {
      const conversation = findRecord(snapshot, 'conversation', command.conversationId) as Conversation | null;
      if (!conversation) return missing('conversation', command.conversationId);
      const recording = transitionRecording(conversation.recording, command.transition);
      if (!recording.ok) return recording;
      const changes: RecordChange[] = [
        {
          kind: 'conversation',
          id: conversation.id,
          record: touched({ ...conversation, recording: recording.value }, context),
        },
      ];
      if (command.transition.to === 'destroyed') {
        const summary = `Recording of the conversation with ${command.participantLabel} destroyed by ${command.transition.by.trim()} (${command.transition.how.trim()})`;
        changes.push(auditChange(snapshot, command.auditId, 'recordingDestruction', summary, context));
      }
      return done(changes);
    }
    case 'captureEpisode':
      return captureEpisode(snapshot, command, context);
    case 'recordPublication':
      return recordPublication(snapshot, command, context);
    case 'scheduleMeeting':
      return scheduleMeeting(snapshot, command.meeting, context);
    default:
      return exhaustiveSwitchError(command, 'command');
  }
}

function auditChange(snapshot: ReviewSnapshot, id: string, action: AuditEntry['action'], summary: string, context: CommandContext): RecordChange {
  const entry = {
    id,
    reviewId: snapshot.review.id,
    ...firstStamps(context),
    action,
    who: context.actor,
    at: context.now,
    summary,
  };
  return { kind: 'audit', id, record: entry as AnyChildRecord };
}

function editStepNote(snapshot: ReviewSnapshot, command: Extract<Command, { type: 'editStepNote' }>, context: CommandContext): Result<Performed, Failure> {
  const current = findRecord(snapshot, 'stepNote', command.noteId) as StepNote | null;
  if (!current) {
    const note = {
      id: command.noteId,
      reviewId: snapshot.review.id,
      ...firstStamps(context),
      conversationId: command.conversationId,
      step: command.step,
      text: command.text,
      comments: command.comments ?? '',
      checked: [...command.checked],
    };
    return done([{ kind: 'stepNote', id: command.noteId, record: note as AnyChildRecord }]);
  }
  const labels = labelsFor(context.actor, current.updatedBy);
  const text = mergeText(command.baseText, command.text, current.text, labels).text;
  const comments =
    command.comments === undefined ? current.comments : mergeText(command.baseComments ?? current.comments, command.comments, current.comments, labels).text;
  const checked = mergeChecked(command.baseChecked, command.checked, current.checked);
  if (text === current.text && comments === current.comments && same(checked, current.checked)) return done([]);
  return done([{ kind: 'stepNote', id: current.id, record: touched({ ...current, text, comments, checked }, context) }]);
}

function captureEpisode(snapshot: ReviewSnapshot, command: Extract<Command, { type: 'captureEpisode' }>, context: CommandContext): Result<Performed, Failure> {
  if (findRecord(snapshot, 'episode', command.episodeId))
    return err({
      kind: 'alreadyExists',
      what: recordLabel('episode'),
      id: command.episodeId,
    });
  const conversation = findRecord(snapshot, 'conversation', command.conversationId) as Conversation | null;
  if (!conversation) return missing('conversation', command.conversationId);
  const draft = draftEpisode(conversation, command.input);
  if (!draft.ok) return draft;
  const { factorIds, ...fields } = draft.value;
  const episode = {
    ...fields,
    id: command.episodeId,
    reviewId: snapshot.review.id,
    ...firstStamps(context),
    participantIds: [...fields.participantIds],
    factors: factorIds.map((factorId, index) => ({
      id: command.tagIds[index] ?? `${command.episodeId}.f${index + 1}`,
      factorId,
      whyItMadeSense: '',
    })),
  };
  const changes: RecordChange[] = [
    {
      kind: 'episode',
      id: command.episodeId,
      record: episode as unknown as AnyChildRecord,
    },
  ];
  // The factors the participant named for the episode were raised in the conversation too.
  const raised = factorIds.reduce((next, factorId) => setFactorRaised(factorId, true)(next), conversation);
  if (raised !== conversation)
    changes.push({
      kind: 'conversation',
      id: conversation.id,
      record: touched(raised, context),
    });
  return done(changes);
}

function recordPublication(
  snapshot: ReviewSnapshot,
  command: Extract<Command, { type: 'recordPublication' }>,
  context: CommandContext,
): Result<Performed, Failure> {
  const stage = findRecord(snapshot, 'reportStage', command.reportStageId) as ReportStage | null;
  if (!stage) return missing('reportStage', command.reportStageId);
  const publication = { at: context.now, by: context.actor, location: command.location, fileName: command.fileName, sha256: command.sha256 };
  const published: ReportStage = touched(
    {
      ...stage,
      // The first publication is when participants received it; later ones are corrections of the same draft.
      publishedAt: stage.publishedAt ?? context.now,
      publishedLocation: command.location,
      publications: [...stage.publications, publication],
    },
    context,
  );
  const summary = `${command.fileName} (${stage.stage} report, draft ${stage.draftNumber}) published to ${command.destination}; SHA-256 ${command.sha256}`;
  return done([
    { kind: 'reportStage', id: stage.id, record: published as AnyChildRecord },
    auditChange(snapshot, command.auditId, 'publication', summary, context),
  ]);
}

function scheduleMeeting(snapshot: ReviewSnapshot, meeting: MeetingDraft, context: CommandContext): Result<Performed, Failure> {
  const current = findRecord(snapshot, 'meeting', meeting.id) as Meeting | null;
  const record = current === null ? { ...meeting, reviewId: snapshot.review.id, ...firstStamps(context) } : touched({ ...current, ...meeting }, context);
  const changes: RecordChange[] = [{ kind: 'meeting', id: meeting.id, record: record as AnyChildRecord }];
  if (meeting.conversationId !== null) {
    const conversation = findRecord(snapshot, 'conversation', meeting.conversationId) as Conversation | null;
    if (conversation === null) return missing('conversation', meeting.conversationId);
    const after = conversationAfter(conversation, meeting);
    if (after !== conversation) changes.push({ kind: 'conversation', id: conversation.id, record: touched(after, context) });
  }
  if (meeting.reportStageId !== null) {
    const stage = findRecord(snapshot, 'reportStage', meeting.reportStageId) as ReportStage | null;
    if (stage === null) return missing('reportStage', meeting.reportStageId);
    const after = reportStageAfter(stage, meeting);
    if (after !== stage) changes.push({ kind: 'reportStage', id: stage.id, record: touched(after, context) });
  }
  return done(changes);
}

/** The records a command writes, as far as it can tell before it runs: for journals and conflict bookkeeping. */
export function commandTargets(command: Command): ReadonlyArray<{ kind: SessionRecordKind; id: string }> {
  switch (command.type) {
    case 'addRecord':
      return [{ kind: command.kind, id: command.record.id }];
    case 'editRecord':
    case 'removeRecord':
      return [{ kind: command.kind, id: command.id }];
    case 'movePhase':
      return [{ kind: 'audit', id: command.auditId }];
    case 'appendAudit':
      return [{ kind: 'audit', id: command.entryId }];
    case 'setEpisodeFactor':
      return [{ kind: 'episode', id: command.episodeId }];
    case 'setFactorRaised':
    case 'addCapturedItem':
    case 'removeCapturedItem':
    case 'keepWrittenRecord':
      return [{ kind: 'conversation', id: command.conversationId }];
    case 'moveRecording':
      return [
        { kind: 'conversation', id: command.conversationId },
        { kind: 'audit', id: command.auditId },
      ];
    case 'editStepNote':
      return [{ kind: 'stepNote', id: command.noteId }];
    case 'captureEpisode':
      return [
        { kind: 'episode', id: command.episodeId },
        { kind: 'conversation', id: command.conversationId },
      ];
    case 'recordPublication':
      return [
        { kind: 'reportStage', id: command.reportStageId },
        { kind: 'audit', id: command.auditId },
      ];
    case 'scheduleMeeting':
      return [
        { kind: 'meeting', id: command.meeting.id },
        ...(command.meeting.conversationId === null ? [] : [{ kind: 'conversation' as const, id: command.meeting.conversationId }]),
        ...(command.meeting.reportStageId === null ? [] : [{ kind: 'reportStage' as const, id: command.meeting.reportStageId }]),
      ];
    default:
      return exhaustiveSwitchError(command, 'command');
  }
}

/**
 * Two edits in a row of the same fields of one record become one (the first one's base, the last one's values),
 * so a journal of typing stays one entry per field rather than one per key press.
 */
export function coalesce(previous: Command, next: Command): Command | null {
  if (previous.type === 'editRecord' && next.type === 'editRecord' && previous.kind === next.kind && previous.id === next.id) {
    return {
      ...next,
      base: { ...next.base, ...previous.base },
      changes: { ...previous.changes, ...next.changes },
    };
  }
  if (previous.type === 'editStepNote' && next.type === 'editStepNote' && previous.noteId === next.noteId) {
    return {
      ...next,
      baseText: previous.baseText,
      baseChecked: previous.baseChecked,
    };
  }
  return null;
}
