// FICTIONAL test data: the training case and its people are invented.
// Every record kind's rules hold whoever writes: a form (the service), the conversation guide, or an import (the CLI
// imports through the same BundleService). One case per kind breaks one rule and must be refused, with nothing stored.
import { describe, expect, it } from 'vitest';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { BundleService } from '../../src/app/bundles';
import { ConversationGuide } from '../../src/app/guide/conversation-guide';
import { ReviewService } from '../../src/app/review-service';
import { memoryJournal } from '../../src/app/session/memory-journal';
import { parseBundle } from '../../src/domain/bundle';
import { COLLECTION_OF_KIND, recordsOfKind, type AnyChildRecord, type ChildRecordKind, type ReviewSnapshot } from '../../src/domain/model';
import { trainingCaseBundle } from '../../src/domain/training-case';

let database = 0;

function trainingSnapshot(): ReviewSnapshot {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('training case does not parse');
  return parsed.value.snapshot;
}

async function openTrainingCase() {
  const store = new DexieReviewStore(`rules-${++database}`);
  const deps = { store, clock: steppingClock('2026-12-04T10:00:00.000Z', 1000), ids: sequentialIds(`r${database}`), actor: () => 'Tester (fictional)' };
  const service = new ReviewService({ ...deps, journal: memoryJournal(), editDelayMs: 0 });
  const bundles = new BundleService({ ...deps, producer: 'tests' });
  const snapshot = trainingSnapshot();
  expect((await store.importSnapshot(snapshot, { replace: false })).ok).toBe(true);
  return { store, service, bundles, snapshot };
}

/** Each kind, and a change to its first record in the training case that one of its rules refuses. */
const BROKEN: Record<ChildRecordKind, (record: AnyChildRecord, snapshot: ReviewSnapshot) => AnyChildRecord> = {
  teamMember: (record) => ({ ...record, name: '   ' }) as AnyChildRecord,
  participant: (record, snapshot) => {
    const other = snapshot.participants.find((candidate) => candidate.id !== record.id && candidate.agencyId !== null)!;
    return { ...record, realName: other.realName, agencyId: other.agencyId, kind: other.kind } as AnyChildRecord;
  },
  document: (record) => ({ ...record, coveredPeriod: { from: '2019-01-01', to: '2019-02-01' } }) as AnyChildRecord,
  conversation: (record) => ({ ...record, participantId: 'par-not-in-this-review' }) as AnyChildRecord,
  stepNote: (record) => ({ ...record, step: 'not-a-step' }) as unknown as AnyChildRecord,
  narrativeEntry: (record) => ({ ...record, period: { from: '2001-01-01', to: null } }) as AnyChildRecord,
  episode: (record) => ({ ...record, description: ' ' }) as AnyChildRecord,
  pattern: (record) => ({ ...record, subPatternId: null, newSubPatternTitle: '' }) as AnyChildRecord,
  recommendation: (record) => ({ ...record, addressee: '' }) as AnyChildRecord,
  reportStage: (record) => ({ ...record, commentWindow: { opensOn: '2026-02-10', closesOn: '2026-02-01' } }) as AnyChildRecord,
  comment: (record) => ({ ...record, text: '' }) as AnyChildRecord,
  audit: (record) => ({ ...record, who: '' }) as AnyChildRecord,
  meeting: (record) => ({ ...record, end: (record as { start: string }).start }) as AnyChildRecord,
  identifier: (record) => ({ ...record, refersTo: { to: 'added' }, text: 'Kestonbury', label: 'kestonbury' }) as AnyChildRecord,
  languageDismissal: (record) => ({ ...record, reason: '  ' }) as AnyChildRecord,
};

const KINDS = Object.keys(BROKEN) as ChildRecordKind[];

describe('every rule, whoever writes', () => {
  it.each(KINDS)('refuses a %s that breaks a rule when a form saves it, and stores nothing', async (kind) => {
    const { store, service, snapshot } = await openTrainingCase();
    const original = recordsOfKind(snapshot, kind)[0];
    expect(original, `the training case has a ${kind}`).toBeDefined();
    const saved = await service.saveRecord(kind, BROKEN[kind](original!, snapshot) as never);
    expect(saved.ok ? 'stored' : saved.error.kind).toBe('invalid');
    const loaded = await store.loadReview(snapshot.review.id);
    expect(loaded.ok && recordsOfKind(loaded.value, kind).find((record) => record.id === original!.id)).toEqual(original);
  });

  it.each(KINDS)('refuses a bundle whose %s breaks a rule when it is imported (the app and the CLI alike)', async (kind) => {
    const { store, bundles, snapshot } = await openTrainingCase();
    const collection = COLLECTION_OF_KIND[kind];
    const records = recordsOfKind(snapshot, kind);
    const broken = { ...snapshot, [collection]: [BROKEN[kind](records[0]!, snapshot), ...records.slice(1)] } as ReviewSnapshot;
    const bundle = { ...trainingCaseBundle(), snapshot: reviewIdOf(broken, 'rev-imported') };
    const imported = await bundles.importBundleValue(bundle, { replace: false });
    expect(imported.ok ? 'stored' : imported.error.kind).toBe('invalid');
    const listed = await store.listReviews();
    expect(listed.ok && listed.value.map((summary) => summary.id)).toEqual([snapshot.review.id]);
  });

  it('refuses from the conversation guide what the episodes screen refuses: a turning point with no words, an unknown factor', async () => {
    const { store, service, snapshot } = await openTrainingCase();
    const session = await service.openSession(snapshot.review.id);
    if (!session.ok) throw new Error('open');
    const guide = new ConversationGuide(session.value);
    const conversation = snapshot.conversations[0]!;
    const captured = await guide.captureEpisode(conversation, { title: '', description: '  ', month: '2025-03', factorIds: [] });
    expect(captured.ok ? 'stored' : captured.error.kind).toBe('invalid');
    const episode = snapshot.episodes[0]!;
    const tagged = await guide.setEpisodeFactor(episode, 'not-a-factor-in-the-framework', true);
    expect(tagged.ok ? 'stored' : tagged.error.kind).toBe('invalid');
    const loaded = await store.loadReview(snapshot.review.id);
    expect(loaded.ok && loaded.value.episodes).toEqual(snapshot.episodes);
  });
});

/** The whole snapshot moved to another review id, so an import is a new review. */
function reviewIdOf(snapshot: ReviewSnapshot, reviewId: string): ReviewSnapshot {
  const moved: Record<string, unknown> = { review: { ...snapshot.review, id: reviewId } };
  for (const kind of KINDS) {
    moved[COLLECTION_OF_KIND[kind]] = recordsOfKind(snapshot, kind).map((record) => ({ ...record, reviewId }));
  }
  return moved as ReviewSnapshot;
}
