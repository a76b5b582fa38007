import { Badge, Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { RECURS_FROM, factorPlace } from '../../../domain/analysis';
import type { FieldIssue } from '../../../domain/failures';
import { findFactor } from '../../../domain/method/factor-framework';
import type { FactorTag } from '../../../domain/model';
import { fieldState } from '../../kit/field-state';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  tag: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
  },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  place: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** The factors chosen for an episode, each with its own "why did it make sense at the time?". */
export function FactorTagList({
  tags,
  counts,
  onWhyChange,
  onRemove,
  issues,
  warnings,
}: {
  tags: readonly FactorTag[];
  counts: ReadonlyMap<string, number>;
  onWhyChange: (tagId: string, why: string) => void;
  onRemove: (tagId: string) => void;
  issues: readonly FieldIssue[];
  warnings: readonly FieldIssue[];
}) {
  const styles = useStyles();
  if (tags.length === 0) return <Text block>No contributory factors yet. Find them in the framework below.</Text>;
  return (
    <ul className={styles.list} aria-label="Chosen contributory factors" data-testid="factor-tags">
      {tags.map((tag, index) => {
        const path = findFactor(tag.factorId);
        const label = path?.factor.label ?? tag.factorId;
        const count = counts.get(tag.factorId) ?? 0;
        return (
          <li key={tag.id} className={styles.tag} data-factor-id={tag.factorId}>
            <div className={styles.head}>
              <div>
                <Text weight="semibold" block data-testid="factor-tag-label">
                  {label}
                </Text>
                <span className={styles.place}>{path ? factorPlace(path) : 'Not in the current framework'}</span>{' '}
                {count >= RECURS_FROM ? (
                  <Badge appearance="tint" color="brand">
                    Recurs in {count} episodes
                  </Badge>
                ) : null}
              </div>
              <Button size="small" icon={<Dismiss16Regular />} onClick={() => onRemove(tag.id)} aria-label={`Remove factor ${label}`}>
                Remove
              </Button>
            </div>
            <Field label={`Why did it make sense at the time? (${label})`} {...fieldState(issues, warnings, `factors[${index}].whyItMadeSense`)}>
              <Textarea resize="vertical" rows={2} value={tag.whyItMadeSense} onChange={(_, data) => onWhyChange(tag.id, data.value)} />
            </Field>
          </li>
        );
      })}
    </ul>
  );
}
