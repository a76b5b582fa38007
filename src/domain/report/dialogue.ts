/**
 * The three-stage dialogue with participants (Section 3 of SCIE's guide): each report is shared, participants comment
 * individually within a window, and the next stage opens when that window closes. Starting the next stage earlier is
 * the team's choice, with a recorded reason.
 */
import { REPORT_STAGES, type ReportStageKind } from '../method/report-stages';
import type { Comment, Participant, ReportStage, ReviewSnapshot } from '../model';
import type { CalendarDate } from '../primitives';

export interface StageOpening {
  /** True when the stage may be shared now without a reason. */
  readonly open: boolean;
  /** The earlier stage whose comment window is still open, when one is. */
  readonly waitingFor: { readonly title: string; readonly closesOn: CalendarDate } | null;
}

/** The latest recorded draft of a stage, or null. */
export function latestDraft(snapshot: ReviewSnapshot, stage: ReportStageKind): ReportStage | null {
  return snapshot.reportStages.filter((draft) => draft.stage === stage).sort((a, b) => b.draftNumber - a.draftNumber)[0] ?? null;
}

/** Whether a stage's report can be shared on `today`: the previous stage's comment window must have closed. */
export function stageOpening(snapshot: ReviewSnapshot, stage: ReportStageKind, today: CalendarDate): StageOpening {
  const index = REPORT_STAGES.findIndex((candidate) => candidate.id === stage);
  const previous = index > 0 ? REPORT_STAGES[index - 1] : undefined;
  if (!previous) return { open: true, waitingFor: null };
  const window = latestDraft(snapshot, previous.id)?.commentWindow ?? null;
  if (window === null || window.closesOn < today) return { open: true, waitingFor: null };
  return { open: false, waitingFor: { title: previous.title, closesOn: window.closesOn } };
}

export interface CommenterStatus {
  readonly participant: Participant;
  readonly comments: number;
  readonly awaitingResponse: number;
}

/** For one draft: each participant and how many comments they made, those who have commented first. */
export function whoHasCommented(snapshot: ReviewSnapshot, reportStageId: string): CommenterStatus[] {
  const byParticipant = new Map<string, Comment[]>();
  for (const comment of snapshot.comments) {
    if (comment.reportStageId !== reportStageId) continue;
    byParticipant.set(comment.participantId, [...(byParticipant.get(comment.participantId) ?? []), comment]);
  }
  return snapshot.participants
    .map((participant) => {
      const comments = byParticipant.get(participant.id) ?? [];
      return { participant, comments: comments.length, awaitingResponse: comments.filter((comment) => comment.disposition === 'pending').length };
    })
    .sort((a, b) => Number(b.comments > 0) - Number(a.comments > 0) || a.participant.reportLabel.localeCompare(b.participant.reportLabel, 'en-GB'));
}
