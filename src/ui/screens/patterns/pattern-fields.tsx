import { Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { PATTERN_INFLUENCE_LABELS, subPatternOptions } from '../../../domain/analysis';
import type { FieldIssue } from '../../../domain/failures';
import { TYPOLOGY, type TypologyCategoryNumber } from '../../../domain/method/typology';
import { PATTERN_INFLUENCES, type Pattern } from '../../../domain/model';
import { fieldState } from '../../kit/field-state';

export type PatternCore = Pick<Pattern, 'category' | 'subPatternId' | 'newSubPatternTitle' | 'statement' | 'influence'>;

/** The sub-pattern picker's value: an Appendix 6 id, "new" for one the team names, or "" for not chosen. */
export type SubPatternChoice = string;
export const NEW_SUB_PATTERN = 'new';

export const STATEMENT_HINT =
  'Write it so it holds beyond this case: no names, places or details of this family or these workers. For example: “Assessments are treated as finished products rather than ongoing work, so later information is rarely used to revise them.”';

/** Category, sub-pattern, statement and influence: shared by "create pattern" and the editor. */
export function PatternCoreFields({
  value,
  choice,
  onChange,
  onChoice,
  issues,
  warnings,
}: {
  value: PatternCore;
  choice: SubPatternChoice;
  onChange: (changes: Partial<PatternCore>) => void;
  onChoice: (choice: SubPatternChoice) => void;
  issues: readonly FieldIssue[];
  warnings: readonly FieldIssue[];
}) {
  const category = TYPOLOGY.find((candidate) => candidate.number === value.category);
  const options = subPatternOptions(value.category);
  return (
    <>
      <Field label="Typology category" required hint={category?.explanation}>
        <Select
          value={String(value.category)}
          onChange={(_, data) => {
            const next = Number(data.value) as TypologyCategoryNumber;
            // A sub-pattern belongs to one category: changing the category clears it.
            onChange({ category: next, subPatternId: null });
            if (choice !== NEW_SUB_PATTERN) onChoice('');
          }}
        >
          {TYPOLOGY.map((candidate) => (
            <option key={candidate.number} value={candidate.number}>
              {candidate.number}. {candidate.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Sub-pattern (Appendix 6)" required {...fieldState(issues, warnings, choice === NEW_SUB_PATTERN ? 'subPatternId' : 'newSubPatternTitle')}>
        <Select value={choice} onChange={(_, data) => onChoice(data.value)}>
          <option value="">Choose a sub-pattern…</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.depth > 0 ? `\u00a0\u00a0\u00a0— ${option.title}` : option.title}
            </option>
          ))}
          <option value={NEW_SUB_PATTERN}>A new sub-pattern (name it below)</option>
        </Select>
      </Field>
      {choice === NEW_SUB_PATTERN ? (
        <Field label="New sub-pattern title" required {...fieldState(issues, warnings, 'newSubPatternTitle')}>
          <Input value={value.newSubPatternTitle} onChange={(_, data) => onChange({ newSubPatternTitle: data.value })} />
        </Field>
      ) : null}
      <Field label="Statement, in non-case-specific language" required hint={STATEMENT_HINT} {...fieldState(issues, warnings, 'statement')}>
        <Textarea resize="vertical" rows={4} value={value.statement} onChange={(_, data) => onChange({ statement: data.value })} />
      </Field>
      <Field label="Influence on practice" required>
        <RadioGroup value={value.influence} onChange={(_, data) => onChange({ influence: data.value as Pattern['influence'] })}>
          {PATTERN_INFLUENCES.map((influence) => (
            <Radio key={influence} value={influence} label={PATTERN_INFLUENCE_LABELS[influence]} />
          ))}
        </RadioGroup>
      </Field>
    </>
  );
}

/** Choosing from the sub-pattern picker sets the id, or clears it for a new one. */
export function applyChoice(choice: SubPatternChoice): Partial<PatternCore> {
  if (choice === NEW_SUB_PATTERN) return { subPatternId: null };
  if (choice === '') return { subPatternId: null, newSubPatternTitle: '' };
  return { subPatternId: choice, newSubPatternTitle: '' };
}

/** A stored pattern has either an Appendix 6 sub-pattern or a new one. */
export const choiceOf = (pattern: Pick<Pattern, 'subPatternId'>): SubPatternChoice => pattern.subPatternId ?? NEW_SUB_PATTERN;
