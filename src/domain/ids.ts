import { z } from 'zod';

/** Branded ids keep a participant id from being passed where an episode id is expected. */
const idString = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

export const ReviewIdSchema = idString.brand<'ReviewId'>();
export const TeamMemberIdSchema = idString.brand<'TeamMemberId'>();
export const ParticipantIdSchema = idString.brand<'ParticipantId'>();
export const AgencyIdSchema = idString.brand<'AgencyId'>();
export const DocumentIdSchema = idString.brand<'DocumentId'>();
export const ConversationIdSchema = idString.brand<'ConversationId'>();
export const StepNoteIdSchema = idString.brand<'StepNoteId'>();
export const NarrativeEntryIdSchema = idString.brand<'NarrativeEntryId'>();
export const EpisodeIdSchema = idString.brand<'EpisodeId'>();
export const FactorTagIdSchema = idString.brand<'FactorTagId'>();
export const PatternIdSchema = idString.brand<'PatternId'>();
export const RecommendationIdSchema = idString.brand<'RecommendationId'>();
export const ReportStageIdSchema = idString.brand<'ReportStageId'>();
export const CommentIdSchema = idString.brand<'CommentId'>();
export const AuditEntryIdSchema = idString.brand<'AuditEntryId'>();
export const CapturedItemIdSchema = idString.brand<'CapturedItemId'>();
export const MeetingIdSchema = idString.brand<'MeetingId'>();
export const IdentifierIdSchema = idString.brand<'IdentifierId'>();
export const LanguageDismissalIdSchema = idString.brand<'LanguageDismissalId'>();

export type ReviewId = z.infer<typeof ReviewIdSchema>;
export type TeamMemberId = z.infer<typeof TeamMemberIdSchema>;
export type ParticipantId = z.infer<typeof ParticipantIdSchema>;
export type AgencyId = z.infer<typeof AgencyIdSchema>;
export type DocumentId = z.infer<typeof DocumentIdSchema>;
export type ConversationId = z.infer<typeof ConversationIdSchema>;
export type StepNoteId = z.infer<typeof StepNoteIdSchema>;
export type NarrativeEntryId = z.infer<typeof NarrativeEntryIdSchema>;
export type EpisodeId = z.infer<typeof EpisodeIdSchema>;
export type FactorTagId = z.infer<typeof FactorTagIdSchema>;
export type PatternId = z.infer<typeof PatternIdSchema>;
export type RecommendationId = z.infer<typeof RecommendationIdSchema>;
export type ReportStageId = z.infer<typeof ReportStageIdSchema>;
export type CommentId = z.infer<typeof CommentIdSchema>;
export type AuditEntryId = z.infer<typeof AuditEntryIdSchema>;
export type CapturedItemId = z.infer<typeof CapturedItemIdSchema>;
export type MeetingId = z.infer<typeof MeetingIdSchema>;
export type IdentifierId = z.infer<typeof IdentifierIdSchema>;
export type LanguageDismissalId = z.infer<typeof LanguageDismissalIdSchema>;

/** Trusted casts for ids minted by an IdSource or read back from a validated store. */
export const asId = <T extends string>(value: string): T => value as T;
