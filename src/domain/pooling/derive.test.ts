// Pooled findings hold nothing identifying and no free text: proved on the FICTIONAL training case and on generated
// (FICTIONAL) reviews, with names written into the only free text that is read (recommendations' wording and owner).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../bundle';
import { generateLargeFixture } from '../fixtures/large-fixture';
import { mulberry32 } from '../fixtures/prng';
import type { ReviewSnapshot } from '../model';
import { buildIdentifierRegister } from '../identifiers/register';
import { trainingCaseBundle } from '../training-case';
import { derivePooledFindings, hasReachedPoolingPhase, identifyingWords } from './derive';
import { PooledReviewFindingsSchema, type PooledReviewFindings } from './pooled-findings';
import { pooledReviewKey } from './review-key';

function trainingCase(): ReviewSnapshot {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value.snapshot;
}

/** Every field of the model that holds words people typed (names, emails, agency names, notes, statements…). */
const FREE_TEXT_KEYS = new Set([
  'codename',
  'questions',
  'triggerNote',
  'name',
  'email',
  'profession',
  'roleTitle',
  'realName',
  'reportLabel',
  'significanceNote',
  'otherIdentifiers',
  'title',
  'recordType',
  'accessRestrictions',
  'heldBy',
  'notes',
  'location',
  'meetingLink',
  'note',
  'text',
  'fileName',
  'speaker',
  'followUpNote',
  'comments',
  'description',
  'significance',
  'judgementBreakdown',
  'whyItMadeSense',
  'newSubPatternTitle',
  'statement',
  'rationale',
  'addressee',
  'owner',
  'evidence',
  'publishedLocation',
  'section',
  'response',
  'who',
  'summary',
  'createdBy',
  'updatedBy',
  'by',
  'how',
  'reason',
  'importedBy',
  'calendarEventId',
]);

function freeTextOf(value: unknown, key = '', out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (FREE_TEXT_KEYS.has(key) && value.trim().length >= 4) out.push(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) freeTextOf(item, key, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [childKey, child] of Object.entries(value)) freeTextOf(child, childKey, out);
  }
  return out;
}

function leavesOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) leavesOf(item, out);
  else if (value !== null && typeof value === 'object') for (const child of Object.values(value)) leavesOf(child, out);
  return out;
}

/** Words of people's names (real names, pseudonyms, nicknames, team members): none may appear as a word. */
function nameWords(snapshot: ReviewSnapshot): string[] {
  const names = [
    ...snapshot.teamMembers.map((member) => member.name),
    ...snapshot.participants.flatMap((participant) => [participant.realName, ...participant.otherIdentifiers]),
  ];
  return [...new Set(names.flatMap((name) => name.toLowerCase().split(/[^a-z]+/)).filter((word) => word.length >= 3))];
}

/**
 * What of the review shows in its pooled record. The strict schema already makes every string a framework code (an
 * enum, a factor or sub-pattern id, a vocabulary term); so here a multi-word text must appear nowhere, and a single
 * word or a word of a name must not be among the terms taken from wording (a nickname "Low" may still equal the
 * priority code "low": that is the code, not the person).
 */
function leaks(snapshot: ReviewSnapshot, pooled: PooledReviewFindings): string[] {
  // The source is the LSCB's own code, chosen for pooling; everything else must be coded.
  const leaves = leavesOf({ ...pooled, source: '' }).map((leaf) => leaf.toLowerCase());
  const joined = leaves.join('\u0000');
  const derived = new Set<string>(pooled.recommendations.flatMap((recommendation) => recommendation.terms));
  const found: string[] = [];
  for (const text of freeTextOf(snapshot)) {
    const lowered = text.toLowerCase();
    if (/\s/.test(lowered) ? joined.includes(lowered) : derived.has(lowered)) found.push(text);
  }
  for (const word of nameWords(snapshot)) if (derived.has(word)) found.push(word);
  // The review's identifier register (names, nicknames, initials, places, schools, agencies), in every form it lists.
  for (const entry of buildIdentifierRegister(snapshot)) {
    for (const form of [entry.text, ...entry.otherForms]) {
      const lowered = form.trim().toLowerCase();
      if (lowered.length < 3) continue;
      if (/\s/.test(lowered) ? joined.includes(lowered) : derived.has(lowered)) found.push(form);
    }
  }
  if (leaves.some((leaf) => leaf.includes(snapshot.review.id.toLowerCase()))) found.push(snapshot.review.id);
  return found;
}

const context = { source: 'test-lscb', pooledOn: '2026-03-29' };

describe('pooled findings of a review', () => {
  it('carry the training case’s coded findings and nothing identifying', () => {
    const snapshot = trainingCase();
    const pooled = derivePooledFindings(snapshot, context);
    expect(PooledReviewFindingsSchema.safeParse(pooled).success).toBe(true);
    expect(freeTextOf(snapshot).length).toBeGreaterThan(100);
    expect(buildIdentifierRegister(snapshot).length).toBeGreaterThan(10);
    expect(leaks(snapshot, pooled)).toEqual([]);
    expect(pooled.patterns).toHaveLength(snapshot.patterns.length);
    expect(pooled.episodes).toHaveLength(snapshot.episodes.length);
    expect(pooled.recommendations).toHaveLength(snapshot.recommendations.length);
    expect(pooled.episodes.flatMap((episode) => episode.factorIds).length).toBe(
      snapshot.episodes.reduce((sum, episode) => sum + new Set(episode.factors.map((tag) => tag.factorId)).size, 0),
    );
    expect(pooled.reviewKey).toBe(pooledReviewKey('test-lscb', snapshot.review.id));
    expect(pooled.agencyTypes).toEqual(expect.arrayContaining(['childrensSocialCare', 'health', 'education', 'police', 'housing']));
    expect(pooled.fictional).toBe(true);
  });

  it('would catch a leak: the check finds a name written into a pooled field', () => {
    const snapshot = trainingCase();
    const pooled = derivePooledFindings(snapshot, context);
    const name = snapshot.participants[0]?.realName ?? '';
    // A record that breaks the rules on purpose: the cast is what lets it be built at all.
    const leaky = {
      ...pooled,
      recommendations: pooled.recommendations.map((recommendation) => ({ ...recommendation, terms: [...recommendation.terms, name] })),
    } as PooledReviewFindings;
    expect(leaks(snapshot, leaky)).toContain(name);
    expect(PooledReviewFindingsSchema.safeParse(leaky).success).toBe(false);
  });

  it('is the same record when pooled again (idempotent), and a different key for another source', () => {
    const snapshot = trainingCase();
    expect(derivePooledFindings(snapshot, context)).toEqual(derivePooledFindings(snapshot, context));
    expect(derivePooledFindings(snapshot, { ...context, source: 'other-lscb' }).reviewKey).not.toBe(derivePooledFindings(snapshot, context).reviewKey);
  });

  it('never carries a name written into a recommendation’s wording or owner (generated reviews, property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.nat(), fc.constantFrom('', ' training', ' supervision and'), (seed, pick, glue) => {
        const generated = generateLargeFixture({ random: mulberry32(seed) });
        const participant = generated.participants[pick % generated.participants.length];
        const agency = generated.review.agencies[pick % generated.review.agencies.length];
        const snapshot: ReviewSnapshot = {
          ...generated,
          recommendations: generated.recommendations.map((recommendation, index) => ({
            ...recommendation,
            text: index % 2 === 0 ? `${participant?.realName}${glue} ${recommendation.text} ${agency?.name}` : recommendation.text,
            tracking: { ...recommendation.tracking, owner: index % 3 === 0 ? (participant?.realName ?? '') : recommendation.tracking.owner },
          })),
        };
        const pooled = derivePooledFindings(snapshot, context);
        expect(PooledReviewFindingsSchema.safeParse(pooled).success).toBe(true);
        expect(leaks(snapshot, pooled)).toEqual([]);
        const identifiers = identifyingWords(snapshot);
        for (const recommendation of pooled.recommendations) for (const term of recommendation.terms) expect(identifiers.has(term as string)).toBe(false);
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it('is pooled from the chosen phase on (final draft agreed by default)', () => {
    expect(hasReachedPoolingPhase('finalDraftReport')).toBe(false);
    expect(hasReachedPoolingPhase('publication')).toBe(true);
    expect(hasReachedPoolingPhase('interimReport', 'interimReport')).toBe(true);
    expect(hasReachedPoolingPhase('preliminaryReport', 'interimReport')).toBe(false);
  });
});
