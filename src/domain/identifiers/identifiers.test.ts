// Fictional names and places only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../bundle';
import { trainingCaseBundle } from '../training-case';
import { buildIdentifierRegister, type IdentifierEntry } from './register';
import { redactText } from './redact';
import { relativeDate, relativiseDatesInText, reportDate } from './relative-dates';
import { scanText } from './scan';
import { ORDINARY_WORDS } from './words';

const entry = (id: string, category: IdentifierEntry['category'], text: string, label: string, otherForms: string[] = []): IdentifierEntry => ({
  id,
  category,
  text,
  otherForms,
  label,
  origin: 'added',
  placeKind: null,
  recordId: null,
  source: { of: 'added' },
});

const register: IdentifierEntry[] = [
  entry('sw', 'professional', 'Hannah Crosby', 'Social worker', ['hcrosby@example.org']),
  entry('hv', 'professional', 'Olu Adeyemi-Hart', 'Health visitor'),
  entry('mum', 'familyMember', 'Hope Brook', 'Amy'),
  entry('street', 'place', 'Kestrel Road', 'the family’s street'),
];
const found = (text: string) => scanText([{ location: 'test', text }], register).map((hit) => [hit.entryId, hit.found]);

describe('the leak scan', () => {
  it.each([
    ['HANNAH CROSBY visited', 'sw', 'HANNAH CROSBY'],
    ['Crosby’s notes', 'sw', 'Crosby'],
    ['as Ms Crosby said', 'sw', 'Ms Crosby'],
    ['Crosby, Hannah', 'sw', 'Crosby, Hannah'],
    ['seen by HC.', 'sw', 'HC'],
    ['seen by H.C. today', 'sw', 'H.C'],
    ['mail hcrosby@example.org', 'sw', 'hcrosby'],
    ['Adeyemi Hart and', 'hv', 'Adeyemi Hart'],
    ['Dr Hart-Adeyemi said', 'hv', 'Dr Hart-Adeyemi'],
    ['lives on Kestrel Rd.', 'street', 'Kestrel Rd'],
    ['lives on kestrel road', 'street', 'kestrel road'],
    ['the Brooks were out', 'mum', 'Brooks'],
    ['Hope said', 'mum', 'Hope'],
  ])('finds %s', (text, id, form) => {
    expect(found(text)).toContainEqual([id, form]);
  });

  it('leaves ordinary words in lower case alone, and initials in lower case', () => {
    expect(found('we hope the brook by the road was hc-free')).toEqual([]);
  });

  it('says where and around what', () => {
    const [hit] = scanText([{ location: 'Body, paragraph 3', text: 'A long sentence in which Hannah Crosby appears.' }], register);
    expect(hit).toMatchObject({ entryId: 'sw', location: 'Body, paragraph 3', context: 'A long sentence in which [Hannah Crosby] appears.' });
  });
});

describe('redaction', () => {
  it('prints labels, with roles read as roles', () => {
    expect(redactText('Hannah Crosby phoned Hope Brook at Kestrel Road. Crosby’s notes.', register)).toBe(
      'The social worker phoned Amy at the family’s street. The social worker’s notes.',
    );
  });
});

describe('the training case register', () => {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('training case does not parse');
  const snapshot = parsed.value.snapshot;
  const built = buildIdentifierRegister(snapshot);

  it('is filled from participants, agencies and the places the team added, with their edits', () => {
    expect(built.find((candidate) => candidate.id === 'participant:par-mother')).toMatchObject({
      label: 'Amy',
      category: 'familyMember',
      recordId: 'idn-mother',
    });
    expect(built.find((candidate) => candidate.id === 'participant:par-mother')?.otherForms).toContain('Kayleigh Tallon');
    expect(built.find((candidate) => candidate.id === 'agency:ag-police')).toMatchObject({ label: 'the police', category: 'agency' });
    expect(built.find((candidate) => candidate.id === 'area:ag-gp')).toMatchObject({ text: 'Wrenfold', category: 'place' });
    expect(built.filter((candidate) => candidate.text === 'Kestonbury')).toHaveLength(1);
  });

  it('finds the names the drafts deliberately carry, and none after redaction', () => {
    const texts = snapshot.narrative.map((item) => ({ location: item.id, text: item.text }));
    expect(scanText(texts, built).length).toBeGreaterThan(5);
    expect(
      scanText(
        texts.map((item) => ({ ...item, text: redactText(item.text, built) })),
        built,
      ),
    ).toEqual([]);
  });
});

describe('dates relative to the review period', () => {
  const period = { from: '2024-08-01' };
  it('counts months from the first day', () => {
    expect(relativeDate('2024-08-01', period)).toBe('month 1');
    expect(relativeDate('2024-10-31', period)).toBe('month 3');
    expect(relativeDate('2025-03-30', period)).toBe('month 8');
    expect(relativeDate('2024-07-31', period)).toBe('the month before the review period');
    expect(relativeDate('2024-03-01', period)).toBe('5 months before the review period');
  });
  it('follows the review’s choice, and rewrites dates in text', () => {
    expect(reportDate('2024-10-27', { periodUnderReview: period, reportDates: 'calendar' })).toBe('27 October 2024');
    expect(reportDate('2024-10-27', { periodUnderReview: period, reportDates: 'relativeToPeriod' })).toBe('month 3');
    expect(relativiseDatesInText('Visits on 22 October 2024, 03/12/2024 and 2025-02-11; in March 2025.', period)).toBe(
      'Visits on month 3, month 5 and month 7; in month 8.',
    );
  });
});

// ---------------------------------------------------------------- properties

const nameWord = fc
  .tuple(fc.constantFrom(...'BCDFGJKLMNPRSTVWZ'), fc.stringMatching(/^[aeiou][bcdfglmnprstvz][aeiou][a-z]{1,5}$/))
  .map(([first, rest]) => `${first}${rest}zq`)
  .filter((word) => !ORDINARY_WORDS.has(word.toLowerCase()));
const filler = fc
  .array(fc.constantFrom('the', 'visit', 'was', 'on', 'a', 'Monday,', 'and', 'notes', 'said', '“home”', '(school)', '—', 'reviewed.'), { maxLength: 12 })
  .map((words) => words.join(' '));

type Writer = (given: string, surname: string, second: string) => string;
const WRITERS: readonly Writer[] = [
  (given, surname) => `${given} ${surname}`,
  (given, surname) => `${given} ${surname}`.toUpperCase(),
  (given, surname) => `${given} ${surname}`.toLowerCase(),
  (_, surname) => `${surname}’s`,
  (_, surname) => `${surname}'s`,
  (_, surname) => `Mrs ${surname}`,
  (_, surname) => `Dr ${surname}`,
  (_, surname) => surname,
  (given, surname) => `${surname}, ${given}`,
  (given, surname) => `${given[0]}${surname[0]}`,
  (given, surname) => `${given[0]}.${surname[0]}.`,
  (given, surname) => `${given[0]}. ${surname[0]}.`,
  (given, surname, second) => `${given} ${surname}-${second}`,
  (given, surname, second) => `${second}-${surname}`,
  (given, surname, second) => `${second} ${surname}`,
  (given, surname) => `${given.toLowerCase()}.${surname.toLowerCase()}@example.org`,
];

describe('leak scan properties', () => {
  it('finds an identifier inserted anywhere, in any of the forms people write it', () => {
    fc.assert(
      fc.property(
        nameWord,
        nameWord,
        nameWord,
        fc.integer({ min: 0, max: WRITERS.length - 1 }),
        filler,
        filler,
        (given, surname, second, writer, before, after) => {
          const person = entry('p', 'professional', `${given} ${surname}-${second}`, 'Practitioner', [
            `${given.toLowerCase()}.${surname.toLowerCase()}@example.org`,
          ]);
          const text = `${before} ${WRITERS[writer]!(given, surname, second)} ${after}`;
          expect(scanText([{ location: 'x', text }], [person]).map((hit) => hit.entryId)).toContain('p');
        },
      ),
    );
  });

  it('finds a street in any case and with its abbreviated type', () => {
    fc.assert(
      fc.property(
        nameWord,
        fc.constantFrom(['Road', 'Rd'], ['Street', 'St'], ['Avenue', 'Ave'], ['Lane', 'Ln'], ['Close', 'Cl'], ['Drive', 'Dr']),
        fc.boolean(),
        filler,
        (name, [full, short], abbreviate, before) => {
          const street = entry('s', 'place', `${name} ${full}`, 'a street');
          const written = `${name} ${abbreviate ? `${short}.` : full}`;
          expect(scanText([{ location: 'x', text: `${before} ${written.toUpperCase()} ${before}` }], [street])).toHaveLength(1);
        },
      ),
    );
  });

  it('never reports an ordinary word written in lower case', () => {
    const words = [...ORDINARY_WORDS];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.constantFrom(...words), filler, (given, surname, before) => {
        const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
        const person = entry('p', 'familyMember', `${capital(given)} ${capital(surname)}`, 'Pat');
        expect(scanText([{ location: 'x', text: `${before} ${given} ${before} ${surname}s` }], [person])).toEqual([]);
      }),
    );
  });

  it('leaves no registered form in redacted text', () => {
    fc.assert(
      fc.property(
        nameWord,
        nameWord,
        nameWord,
        fc.array(fc.integer({ min: 0, max: WRITERS.length - 1 }), { minLength: 1, maxLength: 5 }),
        filler,
        (given, surname, second, writers, glue) => {
          const people = [entry('p', 'professional', `${given} ${surname}-${second}`, 'Practitioner'), entry('q', 'child', `${second} ${given}`, 'Child B')];
          const text = writers.map((writer) => `${glue} ${WRITERS[writer]!(given, surname, second)}`).join(' ');
          expect(scanText([{ location: 'x', text: redactText(text, people) }], people)).toEqual([]);
        },
      ),
    );
  });
});
