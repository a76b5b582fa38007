import { Field, Input, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { RECOMMENDATION_LEVEL_LABELS, patternTitle } from '../../../domain/analysis';
import type { FieldIssue } from '../../../domain/failures';
import { asId } from '../../../domain/ids';
import { RECOMMENDATION_KINDS } from '../../../domain/method/recommendation-kinds';
import { RECOMMENDATION_LEVELS, type Recommendation } from '../../../domain/model';
import { ChecklistPicker } from '../../components/analysis/ChecklistPicker';
import { fieldState } from '../../kit/field-state';
import { useReview } from '../../review-context';

export type RecommendationCore = Pick<Recommendation, 'kind' | 'level' | 'addressee' | 'text' | 'patternIds'>;

const useStyles = makeStyles({
  description: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Kind (with the method's description), level, addressee, the recommendation, and the patterns it answers. */
export function RecommendationFields({
  value,
  onChange,
  issues,
  warnings,
}: {
  value: RecommendationCore;
  onChange: (changes: Partial<RecommendationCore>) => void;
  issues: readonly FieldIssue[];
  warnings: readonly FieldIssue[];
}) {
  const styles = useStyles();
  const { snapshot } = useReview();
  const patternOptions = useMemo(
    () =>
      [...snapshot.patterns]
        .sort(
          (a, b) => Number(b.prioritisation.selected) - Number(a.prioritisation.selected) || (a.prioritisation.rank ?? 999) - (b.prioritisation.rank ?? 999),
        )
        .map((pattern) => ({
          id: pattern.id,
          label: `${patternTitle(pattern)}${pattern.prioritisation.selected ? '' : ' (not prioritised)'}`,
          searchText: pattern.statement,
        })),
    [snapshot.patterns],
  );
  return (
    <>
      <Field label="Kind of recommendation" required>
        <RadioGroup value={value.kind} onChange={(_, data) => onChange({ kind: data.value as Recommendation['kind'] })}>
          {RECOMMENDATION_KINDS.map((kind) => (
            <Radio
              key={kind.id}
              value={kind.id}
              label={
                <>
                  <Text weight="semibold">
                    {kind.number}. {kind.title}
                  </Text>
                  <span className={styles.description}>{kind.description}</span>
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Level" required>
        <RadioGroup layout="horizontal" value={value.level} onChange={(_, data) => onChange({ level: data.value as Recommendation['level'] })}>
          {RECOMMENDATION_LEVELS.map((level) => (
            <Radio key={level} value={level} label={RECOMMENDATION_LEVEL_LABELS[level]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Addressed to" required hint="The board, agency or body asked to act." {...fieldState(issues, warnings, 'addressee')}>
        <Input value={value.addressee} onChange={(_, data) => onChange({ addressee: data.value })} />
      </Field>
      <Field label="Recommendation" required {...fieldState(issues, warnings, 'text')}>
        <Textarea resize="vertical" rows={4} value={value.text} onChange={(_, data) => onChange({ text: data.value })} />
      </Field>
      <ChecklistPicker
        legend="Patterns it responds to"
        options={patternOptions}
        selected={value.patternIds}
        onChange={(ids) => onChange({ patternIds: ids.map((id) => asId(id)) })}
        validationMessage={fieldState(issues, warnings, 'patternIds').validationMessage as string | undefined}
      />
    </>
  );
}
