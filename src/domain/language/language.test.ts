import { describe, expect, it } from 'vitest';
import { parseBundle } from '../bundle';
import { trainingCaseBundle } from '../training-case';
import { checkLanguage, languageFindings } from './check';

describe('the respectful-language check', () => {
  it.each([
    ['The social worker failed to visit.', 'failed to', 'did not'],
    ['This was an error of judgement.', 'error', 'problematic practice'],
    ['She should have known.', 'should have', 'what was known at the time'],
    ['It was obviously neglect.', 'obviously', 'what was known at the time'],
    ['The signs were missed by school.', 'missed', 'was not recognised'],
    ['Clearly the plan was inadequate.', 'clearly', 'what the records show'],
    ['In hindsight the GP was negligent.', 'in hindsight', 'what was known at the time'],
  ])('flags %s', (text, phrase, suggestion) => {
    const flags = checkLanguage(text);
    expect(flags.map((flag) => flag.phrase)).toContain(phrase);
    const flag = flags.find((candidate) => candidate.phrase === phrase)!;
    expect(flag.suggestion).toContain(suggestion);
    expect(flag.why).toMatch(/SCIE/);
  });

  it('leaves respectful wording and a family’s missed appointments alone', () => {
    expect(checkLanguage('Problematic practice: the family missed two appointments and the health visitor did not visit.')).toEqual([]);
  });

  it('expects hindsight in an episode’s significance, and keeps the team’s reasons', () => {
    const parsed = parseBundle(trainingCaseBundle());
    if (!parsed.ok) throw new Error('training case does not parse');
    const findings = languageFindings(parsed.value.snapshot);
    const kept = findings.find((finding) => finding.flag.phrase === 'with hindsight');
    expect(kept?.dismissal?.reason).toMatch(/Appendix 4/);
    expect(findings.some((finding) => finding.text.location.field === 'significance' && finding.flag.concern === 'hindsight')).toBe(false);
    expect(findings.filter((finding) => finding.dismissal === null).length).toBeGreaterThan(0);
  });
});
