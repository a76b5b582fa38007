import { analysisReferencesTo } from '../analysis/references';
import { episodeIssues } from '../analysis/episodes';
import { patternIssues } from '../analysis/patterns';
import { recommendationIssues } from '../analysis/recommendations';
import { issuesFromZod, type Failure, type FieldIssue } from '../failures';
import { recordLabel } from '../labels';
import {
  CHILD_RECORD_SCHEMAS,
  COLLECTION_OF_KIND,
  ReviewSchema,
  recordsOfKind,
  type AnyChildRecord,
  type ChildRecordKind,
  type Episode,
  type Meeting,
  type Pattern,
  type Recommendation,
  type ReportStage,
  type Review,
  type ReviewSnapshot,
  type TeamMember,
} from '../model';
import { err, ok, type Result } from '../result';
import { meetingIssues } from '../scheduling/meeting-rules';
import { recordIssuesInReview, referencesTo, reviewIssues, type RuleOutcome } from '../rules';
import type { RecordChange, SessionRecord } from './snapshot';

/**
 * Every rule a record must meet, in one place, whoever writes it: a form, the conversation guide, the CLI or an
 * import. The schema first (its parsed output is what gets stored), then the rules that look at the rest of the
 * review, as it stands in the open session (so a record still on its way to the store counts: two quick clicks
 * cannot add the same participant twice).
 */

export interface CheckedChanges {
  /** The changes as they will be stored: schema defaults filled in, text trimmed. */
  readonly changes: readonly RecordChange[];
  /** Shown beside the fields; the change is still stored. */
  readonly warnings: readonly FieldIssue[];
}

const none: RuleOutcome = { blocking: [], warnings: [] };

/** Rules beyond the schema for one record, against the review as it stands before the change. */
export function ruleOutcome(kind: ChildRecordKind | 'review', record: SessionRecord, snapshot: ReviewSnapshot, now: string): RuleOutcome {
  switch (kind) {
    case 'review':
      return {
        blocking: reviewIssues(record as Review, snapshot),
        warnings: [],
      };
    case 'episode':
      return episodeIssues(record as Episode, snapshot.review.periodUnderReview);
    case 'pattern':
      return patternIssues(record as Pattern, new Set(snapshot.episodes.map((episode) => episode.id as string)));
    case 'recommendation':
      return recommendationIssues(record as Recommendation);
    case 'reportStage':
      return reportStageIssues(record as ReportStage);
    case 'teamMember':
      return teamMemberIssues(record as TeamMember, snapshot.teamMembers);
    case 'meeting':
      return meetingIssues(record as Meeting, snapshot, now);
    case 'participant':
    case 'document':
    case 'conversation':
    case 'narrativeEntry':
      return recordIssuesInReview(kind, record as AnyChildRecord, snapshot, now);
    default:
      return none;
  }
}

/** A comment window closes on or after the day it opens. */
export function reportStageIssues(stage: Pick<ReportStage, 'commentWindow'>): RuleOutcome {
  const window = stage.commentWindow;
  if (window !== null && window.closesOn < window.opensOn) {
    return {
      blocking: [
        {
          path: 'commentWindow.closesOn',
          message: 'the comment window closes on or after the day it opens',
        },
      ],
      warnings: [],
    };
  }
  return none;
}

/** One lead reviewer per review: a second is pointed out (a handover may need two for a while), not refused. */
export function teamMemberIssues(member: Pick<TeamMember, 'id' | 'role' | 'name'>, team: readonly Pick<TeamMember, 'id' | 'role' | 'name'>[]): RuleOutcome {
  if (member.role !== 'leadReviewer') return none;
  const other = team.find((candidate) => candidate.id !== member.id && candidate.role === 'leadReviewer');
  if (!other) return none;
  return {
    blocking: [],
    warnings: [
      {
        path: 'role',
        message: `${other.name} is already the lead reviewer: a review usually has one`,
      },
    ],
  };
}

/** The schema's verdict on a record, and its parsed form (what gets stored). */
export function parseRecord(kind: ChildRecordKind | 'review', record: unknown): Result<SessionRecord, Failure> {
  const schema = kind === 'review' ? ReviewSchema : CHILD_RECORD_SCHEMAS[kind];
  const parsed = schema.safeParse(record);
  if (parsed.success) return ok(parsed.data as SessionRecord);
  return err({
    kind: 'invalid',
    what: recordLabel(kind),
    issues: issuesFromZod(parsed.error),
  });
}

/** Removing a record others still point at is refused, naming them. */
export function removalIssues(kind: ChildRecordKind, id: string, snapshot: ReviewSnapshot): Failure | null {
  const references = [...referencesTo(snapshot, kind, id), ...analysisReferencesTo(snapshot, kind, id)];
  if (references.length === 0) return null;
  return {
    kind: 'blocked',
    what: `Removing this ${recordLabel(kind).toLocaleLowerCase('en-GB')}`,
    reasons: references.map((reference) => `${reference.description} refers to it`),
  };
}

/** Checks a command's changes against every rule; the first record that breaks one stops them all. */
export function checkChanges(snapshot: ReviewSnapshot, changes: readonly RecordChange[], now: string): Result<CheckedChanges, Failure> {
  const checked: RecordChange[] = [];
  const warnings: FieldIssue[] = [];
  for (const change of changes) {
    if (change.record === null) {
      if (change.kind === 'review')
        return err({
          kind: 'blocked',
          what: 'Removing the review',
          reasons: ['a review is deleted from the reviews list'],
        });
      const blocked = removalIssues(change.kind, change.id, snapshot);
      if (blocked) return err(blocked);
      checked.push(change);
      continue;
    }
    const parsed = parseRecord(change.kind, change.record);
    if (!parsed.ok) return parsed;
    const outcome = ruleOutcome(change.kind, parsed.value, snapshot, now);
    if (outcome.blocking.length > 0)
      return err({
        kind: 'invalid',
        what: recordLabel(change.kind),
        issues: [...outcome.blocking],
      });
    warnings.push(...outcome.warnings);
    checked.push({ ...change, record: parsed.value });
  }
  return ok({ changes: checked, warnings });
}

/**
 * Every record of a whole review against the same rules, as an import or the CLI brings it in: what a form
 * would refuse, an import refuses too, naming each record.
 */
export function snapshotIssues(snapshot: ReviewSnapshot, now: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const review = ruleOutcome('review', snapshot.review, snapshot, now);
  issues.push(
    ...review.blocking.map((issue) => ({
      path: `review.${issue.path}`,
      message: issue.message,
    })),
  );
  for (const kind of Object.keys(CHILD_RECORD_SCHEMAS) as ChildRecordKind[]) {
    const collection = snapshotCollection(snapshot, kind);
    collection.forEach((record, index) => {
      const outcome = ruleOutcome(kind, record, snapshot, now);
      for (const issue of outcome.blocking) {
        issues.push({
          path: `${collectionName(kind)}[${index}]${issue.path ? `.${issue.path}` : ''}`,
          message: issue.message,
        });
      }
    });
  }
  return issues;
}

const snapshotCollection = (snapshot: ReviewSnapshot, kind: ChildRecordKind): AnyChildRecord[] => recordsOfKind(snapshot, kind) as AnyChildRecord[];
const collectionName = (kind: ChildRecordKind): string => COLLECTION_OF_KIND[kind];
