/**
 * Wording the respectful-language check points out, with why in the method's terms and what to write instead.
 * The reasons paraphrase SCIE's Learning Together guide (Fish, Munro and Bairstow, SCIE 2008/2010): reviewers make
 * "only a careful use of the words 'error' and 'mistake'", speak of good and problematic practice, avoid hindsight
 * and reconstruct each person's local rationality, how the situation looked to them at the time.
 */

export type LanguageConcern = 'blame' | 'hindsight';

export interface LanguageTerm {
  readonly id: string;
  /** Matched case-insensitively on whole words. */
  readonly pattern: RegExp;
  readonly concern: LanguageConcern;
  readonly why: string;
  readonly suggestion: string;
}

const BLAME =
  'Assigns blame. The systems approach favours learning over blaming: speak of good and problematic practice, and explain why the action made sense at the time (SCIE, Learning Together).';
const HINDSIGHT =
  'Judges with hindsight. What is obvious now may have been only "retrospectively obvious"; describe what was known at the time and why the action made sense then: the person’s local rationality (SCIE, Learning Together).';

export const LANGUAGE_TERMS: readonly LanguageTerm[] = [
  {
    id: 'error',
    pattern: /\berrors?\b/gi,
    concern: 'blame',
    why: `${BLAME} The guide asks for only a careful use of the word "error".`,
    suggestion: 'problematic practice',
  },
  {
    id: 'mistake',
    pattern: /\bmistak(?:e|es|en|enly)\b/gi,
    concern: 'blame',
    why: `${BLAME} The guide asks for only a careful use of the word "mistake".`,
    suggestion: 'problematic practice',
  },
  {
    id: 'failed-to',
    pattern: /\b(?:failed|fails|failing|failure)\s+to\b/gi,
    concern: 'blame',
    why: BLAME,
    suggestion: 'did not (and why it made sense at the time)',
  },
  {
    id: 'should-have',
    pattern: /\b(?:should|ought\s+to|could)(?:\s+not)?\s+have\b|\b(?:should|could)n[’']t\s+have\b|\bshould[’']ve\b/gi,
    concern: 'hindsight',
    why: HINDSIGHT,
    suggestion: 'what was known at the time, and what might have helped',
  },
  { id: 'negligent', pattern: /\bnegligen(?:t|tly|ce)\b/gi, concern: 'blame', why: BLAME, suggestion: 'describe what was done and the factors that shaped it' },
  { id: 'obvious', pattern: /\bobvious(?:ly)?\b/gi, concern: 'hindsight', why: HINDSIGHT, suggestion: 'what was known at the time' },
  { id: 'clearly', pattern: /\bclearly\b/gi, concern: 'hindsight', why: HINDSIGHT, suggestion: 'what the records show; leave the certainty out' },
  {
    id: 'missed',
    // "missed appointments" or "missed visits" describe a family's attendance, not practice.
    pattern:
      /\bmissed\b(?!\s+(?:(?:health|hospital|school|gp|clinic|home|two|three|\d+)\s+)?(?:appointments?|visits?|reviews?|sessions?|days?|school|classes|meals?|doses?|medication|contacts?|calls?|checks?))/gi,
    concern: 'hindsight',
    why: HINDSIGHT,
    suggestion: 'was not recognised at the time (and why)',
  },
  { id: 'inadequate', pattern: /\binadequate(?:ly)?\b/gi, concern: 'blame', why: BLAME, suggestion: 'problematic (say in what way)' },
  {
    id: 'blame',
    pattern: /\b(?:to\s+blame|blamed?|blameworthy|at\s+fault|culpable|careless(?:ly|ness)?|incompetent(?:ly)?|incompetence)\b/gi,
    concern: 'blame',
    why: BLAME,
    suggestion: 'problematic practice',
  },
  {
    id: 'poor-practice',
    pattern: /\b(?:poor|bad)\s+(?:practice|decisions?|judgements?)\b/gi,
    concern: 'blame',
    why: BLAME,
    suggestion: 'problematic practice',
  },
  {
    id: 'wrong',
    pattern: /\bwrong(?:ly)?\b/gi,
    concern: 'blame',
    why: BLAME,
    suggestion: 'problematic, or what turned out differently from what was expected',
  },
  {
    id: 'hindsight',
    pattern: /\b(?:with|in)\s+hindsight\b|\bhindsight\b/gi,
    concern: 'hindsight',
    why: HINDSIGHT,
    suggestion: 'what was known at the time (keep significance with hindsight to the episode table’s first column)',
  },
];
