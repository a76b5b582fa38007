import type { LanguageDismissal, ReviewSnapshot, TextLocation } from '../model';
import { LANGUAGE_TERMS, type LanguageConcern } from './terms';
import { reviewTexts, type ReviewText } from './review-texts';

/** One wording the check points out in a text. A warning only: nothing is ever refused because of it. */
export interface LanguageFlag {
  readonly termId: string;
  /** The wording as written. */
  readonly found: string;
  /** In lower case with single spaces: how a dismissal names it. */
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
  readonly concern: LanguageConcern;
  readonly why: string;
  readonly suggestion: string;
}

export function checkLanguage(text: string, options: { readonly hindsightExpected?: boolean } = {}): LanguageFlag[] {
  const flags: LanguageFlag[] = [];
  for (const term of LANGUAGE_TERMS) {
    if (options.hindsightExpected && term.concern === 'hindsight') continue;
    for (const match of text.matchAll(term.pattern)) {
      flags.push({
        termId: term.id,
        found: match[0],
        phrase: phraseOf(match[0]),
        start: match.index,
        end: match.index + match[0].length,
        concern: term.concern,
        why: term.why,
        suggestion: term.suggestion,
      });
    }
  }
  flags.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping wordings ("with hindsight" and "hindsight") are one flag: the first and longest.
  const kept: LanguageFlag[] = [];
  for (const flag of flags) if (kept.length === 0 || flag.start >= kept[kept.length - 1]!.end) kept.push(flag);
  return kept;
}

export const phraseOf = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");

export interface LanguageFinding {
  readonly text: ReviewText;
  readonly flag: LanguageFlag;
  /** Some words either side. */
  readonly context: string;
  /** The team's reason for keeping it, if they did. */
  readonly dismissal: LanguageDismissal | null;
}

export const sameLocation = (a: TextLocation, b: TextLocation): boolean => a.kind === b.kind && a.recordId === b.recordId && a.field === b.field;

/** Every flagged wording across the review, with the team's reasons where they chose to keep it. */
export function languageFindings(snapshot: ReviewSnapshot): LanguageFinding[] {
  const dismissals = snapshot.languageDismissals ?? [];
  return reviewTexts(snapshot).flatMap((text) =>
    checkLanguage(text.text, { hindsightExpected: text.hindsightExpected }).map((flag) => ({
      text,
      flag,
      context: contextOf(text.text, flag.start, flag.end),
      dismissal: dismissals.find((dismissal) => sameLocation(dismissal.location, text.location) && dismissal.phrase === flag.phrase) ?? null,
    })),
  );
}

/** Flags in a piece of text that is not stored in the review (a report preview), each with its context. */
export function previewFindings(
  segments: readonly { readonly location: string; readonly text: string }[],
): { location: string; flag: LanguageFlag; context: string }[] {
  return segments.flatMap((segment) =>
    checkLanguage(segment.text).map((flag) => ({ location: segment.location, flag, context: contextOf(segment.text, flag.start, flag.end) })),
  );
}

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 50)) + 1);
  const to = text.indexOf(' ', Math.min(text.length, end + 50));
  const stop = to === -1 ? text.length : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, stop).replace(/\s+/g, ' ')}${stop < text.length ? '…' : ''}`;
}
