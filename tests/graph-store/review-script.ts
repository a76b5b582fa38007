// FICTIONAL: a scripted whole review (create → team → participants → conversations → narrative → episodes
// → patterns → recommendations → edits), written through the ReviewService the way the screens write, by
// a reviewer and, at one point, a second person editing the same participant. Used by the faults bench and
// its test: run once cleanly and once with faults, the stored review must come out the same.
import { ReviewService, type RecordInput } from '../../src/app/review-service';
import { describeFailure } from '../../src/app/failure-messages';
import { ALL_FACTOR_IDS } from '../../src/domain/method/factor-framework';
import { TYPOLOGY } from '../../src/domain/method/typology';
import { asId, type ReviewId } from '../../src/domain/ids';
import type { AnyChildRecord, ChildRecordKind, ChildRecordOf, Participant, ReviewSnapshot } from '../../src/domain/model';
import type { Failure } from '../../src/domain/failures';
import type { Result } from '../../src/domain/result';
import type { ReviewStore } from '../../src/ports/review-store';
import { FICTIONAL_AGENCIES } from '../fixtures/builders';

/** A fictional note just under the text limit, so its record is too long for a list column (ADR 0904). */
const LONG_NOTE = 'The practitioner describes a home visit and the follow-up with the school (fictional). '.repeat(700).slice(0, 59_500);

export interface ScriptSizes {
  readonly participants: number;
  readonly narrativePerParticipant: number;
  readonly episodes: number;
  readonly factorsPerEpisode: number;
  readonly patterns: number;
  readonly recommendations: number;
}

export const SCRIPT_SIZES: ScriptSizes = { participants: 10, narrativePerParticipant: 2, episodes: 12, factorsPerEpisode: 4, patterns: 5, recommendations: 4 };

export interface ScriptStats {
  /** Conflicts met and resolved by re-applying the change to what was stored. */
  conflictsResolved: number;
  /** Whole operations tried again after an `unavailable` the store could not ride out itself. */
  operationRetries: number;
  operations: number;
}

export const SCRIPT_REVIEW_ID = asId<ReviewId>('rev-fieldfare');
const START = Date.parse('2026-04-01T09:00:00.000Z');

/** A clock the script moves on itself, so retries inside a step never shift later timestamps. */
function scriptClock() {
  let step = 0;
  return {
    clock: { now: () => new Date(START + step * 60_000).toISOString() },
    next: () => {
      step += 1;
    },
  };
}

function serviceFor(store: ReviewStore, actor: string, clock: { now: () => string }): ReviewService {
  let counter = 0;
  return new ReviewService({ store, clock, ids: { next: (prefix) => `${prefix}-script${++counter}` }, actor: () => actor });
}

export async function runReviewScript(
  mine: ReviewStore,
  other: ReviewStore,
  options: { readonly interleaveOtherWriter: boolean; readonly sizes?: ScriptSizes },
): Promise<ScriptStats> {
  const sizes = options.sizes ?? SCRIPT_SIZES;
  const stats: ScriptStats = { conflictsResolved: 0, operationRetries: 0, operations: 0 };
  const time = scriptClock();
  const reviewer = serviceFor(mine, 'Alex Reviewer (fictional)', time.clock);
  const chair = serviceFor(other, 'Sam Chair (fictional)', time.clock);
  const reviewId = SCRIPT_REVIEW_ID;

  /** Runs one step: retried on `unavailable`; a retried create that finds its record already there has succeeded. */
  async function step<T>(label: string, attempt: () => Promise<Result<T, Failure>>): Promise<T | null> {
    time.next();
    stats.operations += 1;
    for (let tries = 0; tries < 8; tries += 1) {
      const result = await attempt();
      if (result.ok) return result.value;
      if (result.error.kind === 'unavailable' && result.error.retryable) {
        stats.operationRetries += 1;
        continue;
      }
      if (result.error.kind === 'alreadyExists' && tries > 0) return null;
      throw new Error(`${label}: ${describeFailure(result.error)}`);
    }
    throw new Error(`${label}: still unavailable after 8 tries`);
  }

  const add = <K extends ChildRecordKind>(kind: K, id: string, input: RecordInput<K>) =>
    step(`add ${kind} ${id}`, () => reviewer.addRecord(kind, reviewId, input, id));

  async function load(service: ReviewService): Promise<ReviewSnapshot> {
    const loaded = await step('load', () => service.loadReview(reviewId));
    if (loaded === null) throw new Error('load returned nothing');
    return loaded;
  }

  /** Saves an edit; on a conflict, applies the same edit to what is stored now and saves that (what a person does in the conflict dialog). */
  async function edit<K extends ChildRecordKind>(
    service: ReviewService,
    kind: K,
    record: ChildRecordOf<K>,
    change: (record: ChildRecordOf<K>) => ChildRecordOf<K>,
  ) {
    let base = record;
    for (let tries = 0; tries < 5; tries += 1) {
      const saved = await step(`save ${kind} ${record.id}`, async (): Promise<Result<ChildRecordOf<K> | null, Failure>> => {
        const result = await service.saveRecord(kind, change(base));
        if (!result.ok && result.error.kind === 'conflict' && result.error.current !== null) {
          stats.conflictsResolved += 1;
          base = result.error.current as ChildRecordOf<K>;
          return { ok: true, value: null } as const;
        }
        return result;
      });
      if (saved !== null) return saved;
    }
    throw new Error(`save ${kind} ${record.id}: kept conflicting`);
  }

  // ---------------------------------------------------------------- the review and its people
  const created = await step('create review', () =>
    reviewer.createReview({
      id: reviewId,
      codename: 'Fieldfare',
      questions: ['How did agencies share what they knew about the family? (fictional)'],
      trigger: 'routinePractice',
      periodUnderReview: { from: '2025-01-01', to: '2025-12-31' },
      agencies: FICTIONAL_AGENCIES,
      fictional: true,
    }),
  );
  if (created === null) throw new Error('the review was not created');
  await add('teamMember', 'tm-lead', { name: 'Alex Reviewer (fictional)', role: 'leadReviewer' });
  await add('teamMember', 'tm-facilitator', { name: 'Robin Facilitator (fictional)', role: 'facilitator' });
  const agency = FICTIONAL_AGENCIES[0]!.id;
  for (let index = 1; index <= sizes.participants; index += 1) {
    await add('participant', `par-${index}`, {
      kind: 'practitioner',
      agencyId: agency,
      roleTitle: 'Social worker',
      realName: `Practitioner ${index} (fictional)`,
      reportLabel: `Social worker ${index}`,
      introductionLetter: { status: 'notSent', on: null },
    });
  }

  // ---------------------------------------------------------------- conversations, notes, narrative
  for (let index = 1; index <= sizes.participants; index += 1) {
    await add('conversation', `con-${index}`, {
      participantId: `par-${index}`,
      leadQuestionerId: 'tm-lead',
      leadNoteTakerId: 'tm-facilitator',
      status: 'held',
    });
    for (const stepId of ['1', '2', '3a'] as const) {
      // One long note (over the 60,000-character column budget) is stored as a file and read through the download redirect.
      const text = index === 1 && stepId === '1' ? LONG_NOTE : `Notes for step ${stepId} with practitioner ${index} (fictional).`;
      await add('stepNote', `note-${index}-${stepId}`, { conversationId: `con-${index}`, step: stepId, text });
    }
    for (let entry = 1; entry <= sizes.narrativePerParticipant; entry += 1) {
      await add('narrativeEntry', `nar-${index}-${entry}`, {
        kind: 'account',
        perspective: { of: 'participant', participantId: `par-${index}` },
        source: { kind: 'conversation', conversationId: `con-${index}` },
        period: { from: `2025-0${1 + (entry % 9)}-01`, to: null },
        text: `Practitioner ${index} recalls visit ${entry} (fictional).`,
      });
    }
  }

  // ---------------------------------------------------------------- analysis
  for (let index = 1; index <= sizes.episodes; index += 1) {
    const participant = 1 + (index % sizes.participants);
    await add('episode', `kpe-${index}`, {
      title: `Episode ${index} (fictional)`,
      period: { from: '2025-03-01', to: '2025-03-31' },
      description: `What happened in episode ${index} (fictional).`,
      factors: ALL_FACTOR_IDS.slice(index, index + sizes.factorsPerEpisode).map((factorId, tag) => ({
        id: `ft-${index}-${tag}`,
        factorId,
        whyItMadeSense: 'Caseload (fictional)',
      })),
      narrativeEntryIds: [`nar-${participant}-1`],
      participantIds: [`par-${participant}`],
    });
  }
  const subPattern = TYPOLOGY[0]!.subPatterns[0]!.children[0]!.id;
  for (let index = 1; index <= sizes.patterns; index += 1) {
    await add('pattern', `pat-${index}`, {
      category: 1,
      subPatternId: subPattern,
      statement: `Pattern statement ${index}, in non-case-specific language.`,
      influence: index % 2 === 0 ? 'supportsGoodPractice' : 'makesProblematicPracticeMoreLikely',
      episodeIds: [`kpe-${index}`],
    });
  }
  for (let index = 1; index <= sizes.recommendations; index += 1) {
    await add('recommendation', `rec-${index}`, {
      kind: 'clearCutLocal',
      level: 'local',
      addressee: 'Children’s Social Care (fictional)',
      text: `Recommendation ${index}.`,
      patternIds: [`pat-${index}`],
    });
  }

  // ---------------------------------------------------------------- edits, as autosave makes them
  let snapshot = await load(reviewer);
  for (const participant of snapshot.participants) {
    await edit(reviewer, 'participant', participant, (record) => ({ ...record, significance: 'significant' as const }));
  }
  for (const episode of snapshot.episodes.slice(0, 4)) {
    await edit(reviewer, 'episode', episode, (record) => ({ ...record, judgement: 'mixed' as const }));
  }

  // Two people edit the same participant. The chair's change and the reviewer's must both survive.
  snapshot = await load(reviewer);
  const shared = snapshot.participants.find((participant) => participant.id === 'par-1') as Participant;
  const chairEdit = async () => {
    const theirs = (await load(chair)).participants.find((participant) => participant.id === 'par-1') as Participant;
    await edit(chair, 'participant', theirs, (record) => ({ ...record, significanceNote: 'Raised by the panel chair (fictional).' }));
  };
  if (options.interleaveOtherWriter) await chairEdit();
  await edit(reviewer, 'participant', shared, (record) => ({ ...record, roleTitle: 'Senior social worker' }));
  if (!options.interleaveOtherWriter) await chairEdit();

  // A removal and a change to the review itself.
  snapshot = await load(reviewer);
  const removable = snapshot.narrative.find((entry) => entry.id === `nar-${sizes.participants}-${sizes.narrativePerParticipant}`) as AnyChildRecord;
  await step('remove narrative entry', () => reviewer.removeRecord('narrativeEntry', removable));
  await step('rename review', () => reviewer.updateReview(snapshot.review, { codename: 'Fieldfare (renamed)' }));
  return stats;
}

/** The stored review in a comparable form: collections sorted by id; who saved last and when left out. */
export function normalise(snapshot: ReviewSnapshot): unknown {
  const strip = (record: object) => {
    const { updatedAt: _updatedAt, updatedBy: _updatedBy, ...rest } = record as Record<string, unknown>;
    return rest;
  };
  return Object.fromEntries(
    Object.entries(snapshot).map(([key, value]) => [
      key,
      Array.isArray(value) ? [...(value as Array<{ id: string }>)].sort((a, b) => a.id.localeCompare(b.id)).map(strip) : strip(value as object),
    ]),
  );
}
