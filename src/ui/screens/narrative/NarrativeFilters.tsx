import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DateInput } from '../../kit/DateInput';
import { Dismiss16Regular, Search16Regular } from '@fluentui/react-icons';
import { NO_FILTER, isFiltering, type NarrativeFilter } from '../../../domain/analysis';
import { NARRATIVE_KIND_LABELS } from '../../../domain/labels';
import { NARRATIVE_KINDS } from '../../../domain/model';
import { useReview } from '../../review-context';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    padding: tokens.spacingHorizontalS,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  kinds: { border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center' },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, paddingBottom: tokens.spacingVerticalXXS },
  narrow: { width: '10rem' },
  wide: { minWidth: '12rem' },
});

/** Narrow the narrative by agency, participant, kind, period and words. */
export function NarrativeFilters({ filter, onChange, shown, total }: { filter: NarrativeFilter; onChange: (filter: NarrativeFilter) => void; shown: number; total: number }) {
  const styles = useStyles();
  const { snapshot } = useReview();
  return (
    <div role="search" aria-label="Filter the narrative">
      <div className={styles.bar}>
        <Field label="Agency" className={styles.wide}>
          <Select value={filter.agencyId ?? ''} onChange={(_, data) => onChange({ ...filter, agencyId: data.value || null })}>
            <option value="">All agencies</option>
            {snapshot.review.agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Participant" className={styles.wide}>
          <Select value={filter.participantId ?? ''} onChange={(_, data) => onChange({ ...filter, participantId: data.value || null })}>
            <option value="">All participants</option>
            {snapshot.participants.map((participant) => (
              <option key={participant.id} value={participant.id}>
                {participant.reportLabel}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className={styles.kinds}>
          <legend className={styles.legend}>Kinds</legend>
          {NARRATIVE_KINDS.map((kind) => (
            <Checkbox
              key={kind}
              label={NARRATIVE_KIND_LABELS[kind]}
              checked={filter.kinds.includes(kind)}
              onChange={(_, data) =>
                onChange({ ...filter, kinds: data.checked === true ? [...filter.kinds, kind] : filter.kinds.filter((other) => other !== kind) })
              }
            />
          ))}
        </fieldset>
        <Field label="From" className={styles.narrow}>
          <DateInput value={filter.from ?? ''} onChange={(value) => onChange({ ...filter, from: value || null })} />
        </Field>
        <Field label="To" className={styles.narrow}>
          <DateInput value={filter.to ?? ''} onChange={(value) => onChange({ ...filter, to: value || null })} />
        </Field>
        <Field label="Words" className={styles.wide}>
          <Input contentBefore={<Search16Regular />} value={filter.text} onChange={(_, data) => onChange({ ...filter, text: data.value })} />
        </Field>
        <Button icon={<Dismiss16Regular />} disabled={!isFiltering(filter)} onClick={() => onChange(NO_FILTER)}>
          Clear filters
        </Button>
      </div>
      <Text role="status" aria-live="polite" size={200} data-testid="narrative-count">
        {isFiltering(filter) ? `Showing ${shown} of ${total} entries` : `${total} ${total === 1 ? 'entry' : 'entries'}`}
      </Text>
    </div>
  );
}
