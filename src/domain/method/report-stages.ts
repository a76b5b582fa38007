/** Section 3 of SCIE's guide: the three staged dialogue with participants, then the public report. */
export const REPORT_STAGES = [
  {
    id: 'preliminary',
    title: 'Preliminary report',
    individualComment: true,
    meeting: 'Preliminary group meeting',
    audience: 'reviewTeamAndParticipants',
  },
  {
    id: 'interim',
    title: 'Interim report',
    individualComment: true,
    meeting: 'Interim group meeting',
    audience: 'reviewTeamAndParticipants',
  },
  {
    id: 'finalDraft',
    title: 'Final draft report',
    individualComment: true,
    meeting: 'Closing meeting',
    audience: 'reviewTeamAndParticipants',
  },
  {
    id: 'finalPublic',
    title: 'Final public report',
    individualComment: false,
    meeting: null,
    audience: 'public',
  },
] as const;

export type ReportStageKind = (typeof REPORT_STAGES)[number]['id'];
export const REPORT_STAGE_KINDS = REPORT_STAGES.map((stage) => stage.id) as [ReportStageKind, ...ReportStageKind[]];
