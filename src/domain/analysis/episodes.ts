import type { FieldIssue } from '../failures';
import { asId, type FactorTagId } from '../ids';
import { findFactor } from '../method/factor-framework';
import type { AdequacyJudgement, Episode } from '../model';
import type { Period } from '../primitives';
import { describeReviewPeriod, isCalendarDate } from './dates';

/** Key practice episodes (Appendix 4): rules beyond the schema, filtering, and tag ids. */

export interface EpisodeOutcome {
  readonly blocking: FieldIssue[];
  readonly warnings: FieldIssue[];
}

/**
 * An episode needs a title and a description (Appendix 4's first column): one without a description is refused.
 * A period reaching outside the period under review is allowed (history matters) but pointed out.
 */
export function episodeIssues(
  episode: Pick<Episode, 'title' | 'description' | 'period' | 'factors'>,
  reviewPeriod: Period,
): EpisodeOutcome {
  const blocking: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  if (episode.title.trim() === '') blocking.push({ path: 'title', message: 'the title is required' });
  if (episode.description.trim() === '') {
    blocking.push({
      path: 'description',
      message: 'the description is required: describe the episode and its significance with hindsight before it can be saved',
    });
  }
  if (!isCalendarDate(episode.period.from)) {
    blocking.push({ path: 'period.from', message: 'the start date is required, as a real date' });
  } else {
    if (episode.period.to !== null && !isCalendarDate(episode.period.to)) {
      blocking.push({ path: 'period.to', message: 'the end date must be a real date, or left empty' });
    } else if (episode.period.to !== null && episode.period.to < episode.period.from) {
      blocking.push({ path: 'period.to', message: 'the end date is on or after the start date' });
    }
    const endsAfter = episode.period.to !== null && episode.period.to > reviewPeriod.to;
    if (episode.period.from < reviewPeriod.from || episode.period.from > reviewPeriod.to || endsAfter) {
      warnings.push({ path: 'period.from', message: `this reaches outside the period under review (${describeReviewPeriod(reviewPeriod)})` });
    }
  }
  const seen = new Set<string>();
  episode.factors.forEach((tag, index) => {
    if (!findFactor(tag.factorId)) blocking.push({ path: `factors[${index}].factorId`, message: 'a factor from the SCIE framework' });
    if (seen.has(tag.factorId)) {
      blocking.push({ path: `factors[${index}].factorId`, message: `“${findFactor(tag.factorId)?.factor.label ?? tag.factorId}” is already a factor of this episode` });
    }
    seen.add(tag.factorId);
    if (tag.whyItMadeSense.trim() === '') {
      warnings.push({ path: `factors[${index}].whyItMadeSense`, message: 'say why the action or decision made sense at the time' });
    }
  });
  return { blocking, warnings };
}

/** A tag id unique within its episode, without a random source: the episode id and the next free number. */
export function nextFactorTagId(episode: Pick<Episode, 'id' | 'factors'>): FactorTagId {
  const prefix = `${episode.id}.f`;
  const used = episode.factors
    .map((tag) => (tag.id.startsWith(prefix) ? Number(tag.id.slice(prefix.length)) : 0))
    .filter((value) => Number.isInteger(value));
  return asId<FactorTagId>(`${prefix}${Math.max(0, ...used) + 1}`);
}

export interface EpisodeFilter {
  readonly text: string;
  /** null: any judgement; 'none': not yet judged. */
  readonly judgement: AdequacyJudgement | 'none' | null;
  readonly factorId: string | null;
}

export const NO_EPISODE_FILTER: EpisodeFilter = { text: '', judgement: null, factorId: null };

const fold = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('en-GB');

export function filterEpisodes<E extends Pick<Episode, 'title' | 'description' | 'significance' | 'judgement' | 'factors' | 'judgementBreakdown'>>(
  episodes: readonly E[],
  filter: EpisodeFilter,
): E[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return episodes.filter((episode) => {
    if (filter.judgement !== null && (episode.judgement ?? 'none') !== filter.judgement) return false;
    if (filter.factorId !== null && !episode.factors.some((tag) => tag.factorId === filter.factorId)) return false;
    if (words.length === 0) return true;
    const haystack = fold(
      [episode.title, episode.description, episode.significance, episode.judgementBreakdown, ...episode.factors.map((tag) => `${findFactor(tag.factorId)?.factor.label ?? ''} ${tag.whyItMadeSense}`)].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** Episodes in the order of the case: by start date, then title. */
export function compareEpisodes(a: Pick<Episode, 'period' | 'title' | 'id'>, b: Pick<Episode, 'period' | 'title' | 'id'>): number {
  return a.period.from.localeCompare(b.period.from) || a.title.localeCompare(b.title, 'en-GB') || a.id.localeCompare(b.id);
}
