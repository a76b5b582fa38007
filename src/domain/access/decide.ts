import type { Failure } from '../failures';
import type { AuditEntry, Comment, Conversation, ReportStage, ReviewSnapshot } from '../model';
import type { CalendarDate } from '../primitives';
import { err, exhaustiveSwitchError, ok, type Result } from '../result';
import { londonDateOf } from '../rules/london-time';
import type { Command } from '../session/commands';
import { findRecord } from '../session/snapshot';
import type { Actor } from './actor';
import { grantOf, type Capability } from './matrix';

/**
 * Whether an actor may do something, and the one mapping from every command to the capability it needs. The review
 * session asks `authorise` before it applies any command, whoever submits it (a screen, the guide, an import).
 */

type StageWindow = Pick<ReportStage, 'publishedAt' | 'commentWindow'>;

/** What the capability is exercised on, where the grant depends on it. */
export type Situation =
  | { readonly on: 'review' }
  /** A conversation's notes: whose conversation it is. */
  | { readonly on: 'conversation'; readonly participantId: string }
  /** A report stage's draft. */
  | { readonly on: 'draft'; readonly stage: StageWindow }
  /** A comment on a draft: whose comment, on which stage, and today's London date. */
  | { readonly on: 'comment'; readonly participantId: string; readonly stage: StageWindow | null; readonly today: CalendarDate };

export interface Requirement {
  readonly capability: Capability;
  readonly situation: Situation;
}

export type NotPermitted = Extract<Failure, { kind: 'notPermitted' }>;

const refuse = (actor: Actor, capability: Capability, reason: string): Result<void, NotPermitted> =>
  err({ kind: 'notPermitted', role: actor.role, capability, reason });

/** True when today is within the window (both days included). */
export const commentWindowOpen = (stage: StageWindow, today: CalendarDate): boolean =>
  stage.publishedAt !== null && stage.commentWindow !== null && stage.commentWindow.opensOn <= today && today <= stage.commentWindow.closesOn;

const isOwn = (actor: Actor, participantId: string): boolean => actor.kind === 'participant' && actor.participantId === participantId;

/** The decision for one capability in one situation. */
export function decide(actor: Actor, capability: Capability, situation: Situation = { on: 'review' }): Result<void, NotPermitted> {
  const grant = grantOf(actor.role, capability);
  switch (grant) {
    case 'always':
      return ok(undefined);
    case 'never':
      return refuse(actor, capability, '');
    case 'sharedDrafts':
      if (situation.on === 'draft' && situation.stage.publishedAt === null) return refuse(actor, capability, 'this draft has not been shared with them');
      return situation.on === 'draft' ? ok(undefined) : refuse(actor, capability, 'only drafts shared with them');
    case 'ownConversations':
      return situation.on === 'conversation' && isOwn(actor, situation.participantId)
        ? ok(undefined)
        : refuse(actor, capability, 'only the notes of their own conversations');
    case 'duringCommentWindow':
      if (situation.on !== 'comment' || !isOwn(actor, situation.participantId)) return refuse(actor, capability, 'only their own comments');
      if (situation.stage === null || situation.stage.publishedAt === null) return refuse(actor, capability, 'this draft has not been shared with them');
      return commentWindowOpen(situation.stage, situation.today) ? ok(undefined) : refuse(actor, capability, 'the comment window is not open');
    default:
      return exhaustiveSwitchError(grant, 'grant');
  }
}

/** True when the actor may do this somewhere: what a screen asks before it shows a control at all. */
export const mayEver = (actor: Actor, capability: Capability): boolean => grantOf(actor.role, capability) !== 'never';

const everywhere = (capability: Capability): Requirement => ({ capability, situation: { on: 'review' } });

const AUDIT_CAPABILITY: Record<AuditEntry['action'], Capability> = {
  permissionChange: 'manageMembers',
  publication: 'publishStage',
  export: 'exportBundle',
  import: 'editRecords',
  recordingDestruction: 'destroyRecording',
  phaseChange: 'editRecords',
  reviewDeleted: 'manageMembers',
};

/** The fields of a comment its author may change; anything else (disposition, response) is the team's. */
const COMMENT_AUTHOR_FIELDS = new Set(['text', 'section']);

function commentRequirement(snapshot: ReviewSnapshot, comment: Pick<Comment, 'participantId' | 'reportStageId'>, now: string): Requirement {
  const stage = findRecord(snapshot, 'reportStage', comment.reportStageId) as ReportStage | null;
  return { capability: 'commentOnSharedDraft', situation: { on: 'comment', participantId: comment.participantId, stage, today: londonDateOf(now) ?? '' } };
}

/** The capability a command needs, on what. Every command type is decided here (a new one will not compile until it is). */
export function capabilityFor(command: Command, snapshot: ReviewSnapshot, now: string): Requirement {
  switch (command.type) {
    case 'addRecord':
      if (command.kind === 'teamMember') return everywhere('manageMembers');
      if (command.kind === 'comment') return commentRequirement(snapshot, command.record as Comment, now);
      if (command.kind === 'audit') return everywhere(AUDIT_CAPABILITY[(command.record as AuditEntry).action]);
      return everywhere('editRecords');
    case 'editRecord': {
      if (command.kind === 'teamMember') return everywhere('manageMembers');
      if (command.kind === 'comment') {
        const current = findRecord(snapshot, 'comment', command.id) as Comment | null;
        const authorOnly = Object.keys(command.changes).every(
          (field) => COMMENT_AUTHOR_FIELDS.has(field) || command.changes[field] === (current as Record<string, unknown> | null)?.[field],
        );
        return current && authorOnly ? commentRequirement(snapshot, current, now) : everywhere('editRecords');
      }
      if (command.kind === 'reportStage') {
        const current = findRecord(snapshot, 'reportStage', command.id) as ReportStage | null;
        const publishing = ['publishedAt', 'publishedLocation'].some(
          (field) => field in command.changes && command.changes[field] !== current?.[field as keyof ReportStage],
        );
        return everywhere(publishing ? 'publishStage' : 'editRecords');
      }
      return everywhere('editRecords');
    }
    case 'removeRecord':
      return everywhere(command.kind === 'teamMember' ? 'manageMembers' : 'editRecords');
    case 'movePhase':
      return everywhere(command.to === 'publication' ? 'publishStage' : 'editRecords');
    case 'appendAudit':
      return everywhere(AUDIT_CAPABILITY[command.action]);
    case 'recordPublication':
      return everywhere('publishStage');
    case 'moveRecording':
      return everywhere(command.transition.to === 'destroyed' ? 'destroyRecording' : 'editRecords');
    case 'setEpisodeFactor':
    case 'setFactorRaised':
    case 'addCapturedItem':
    case 'removeCapturedItem':
    case 'editStepNote':
    case 'keepWrittenRecord':
    case 'captureEpisode':
    case 'scheduleMeeting':
      return everywhere('editRecords');
    default:
      return exhaustiveSwitchError(command, 'command');
  }
}

/** The session's one check: may this actor submit this command to this review now? */
export function authorise(actor: Actor, command: Command, snapshot: ReviewSnapshot, now: string): Result<void, NotPermitted> {
  const { capability, situation } = capabilityFor(command, snapshot, now);
  return decide(actor, capability, situation);
}

/** Whether the actor may read this conversation's notes (a participant: only their own conversations'). */
export const mayReadNotes = (actor: Actor, conversation: Pick<Conversation, 'participantId'>): boolean =>
  decide(actor, 'readConversationNotes', { on: 'conversation', participantId: conversation.participantId }).ok;

/** The report stages whose drafts the actor may read (a participant: only those shared with them). */
export const readableDrafts = <S extends StageWindow>(actor: Actor, stages: readonly S[]): S[] =>
  stages.filter((stage) => decide(actor, 'readDrafts', { on: 'draft', stage }).ok);
