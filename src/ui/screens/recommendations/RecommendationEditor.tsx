import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { DateInput } from '../../kit/DateInput';
import { useCallback } from 'react';
import { RECOMMENDATION_STATUS_LABELS, recommendationIssues } from '../../../domain/analysis';
import { RECOMMENDATION_STATUSES, type Recommendation } from '../../../domain/model';
import { RecordDrawer } from '../../components/analysis/RecordDrawer';
import { RemoveRecord } from '../../kit/RemoveRecord';
import { fieldState } from '../../kit/field-state';
import { excerpt, formatDate } from '../../london-format';
import { useCheckedAutosave } from '../../components/analysis/use-checked-autosave';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { RecommendationFields } from './RecommendationFields';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  grow: { flex: 1, minWidth: '12rem' },
});

type Tracking = Recommendation['tracking'];

export function RecommendationEditor({ recommendation, onClose }: { recommendation: Recommendation; onClose: () => void }) {
  const styles = useStyles();
  const check = useCallback((candidate: Recommendation) => recommendationIssues(candidate), []);
  const saved = useCheckedAutosave('recommendation', recommendation, check);
  const { draft: form, update: change, issues, warnings } = saved;
  const track = (changes: Partial<Tracking>) => change((current) => ({ ...current, tracking: { ...current.tracking, ...changes } }));
  const close = async () => {
    await saved.flush();
    onClose();
  };
  return (
    <RecordDrawer
      title={`Recommendation: ${excerpt(form.text, 50) || 'untitled'}`}
      size="large"
      onClose={() => void close()}
      status={<SaveStatus status={saved.status} message={saved.message} />}
      testId="recommendation-editor"
    >
      <RecommendationFields value={form} onChange={(changes) => change(changes)} issues={issues} warnings={warnings} />
      <section className={styles.section} aria-labelledby="tracking-heading">
        <h3 className={styles.heading} id="tracking-heading">
          Tracking
        </h3>
        <div className={styles.row}>
          <Field label="Status" className={styles.grow}>
            <Select value={form.tracking.status} onChange={(_, data) => track({ status: data.value as Tracking['status'] })}>
              {RECOMMENDATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {RECOMMENDATION_STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Owner" className={styles.grow} hint="Who is taking it forward.">
            <Input value={form.tracking.owner} onChange={(_, data) => track({ owner: data.value })} />
          </Field>
        </div>
        <div className={styles.row}>
          <Field
            label="Due"
            className={styles.grow}
            hint={form.tracking.dueOn ? `${formatDate(form.tracking.dueOn)} (UK time)` : 'Dates are UK (Europe/London) dates.'}
            {...fieldState(issues, warnings, 'tracking.dueOn')}
          >
            <DateInput value={form.tracking.dueOn ?? ''} onChange={(value) => track({ dueOn: value === '' ? null : value })} />
          </Field>
          <Field
            label="Completed"
            className={styles.grow}
            hint={form.tracking.completedOn ? formatDate(form.tracking.completedOn) : undefined}
            {...fieldState(issues, warnings, 'tracking.completedOn')}
          >
            <DateInput value={form.tracking.completedOn ?? ''} onChange={(value) => track({ completedOn: value === '' ? null : value })} />
          </Field>
        </div>
        <Field label="Evidence" hint="What shows progress or completion." {...fieldState(issues, warnings, 'tracking.evidence')}>
          <Textarea resize="vertical" rows={3} value={form.tracking.evidence} onChange={(_, data) => track({ evidence: data.value })} />
        </Field>
      </section>
      <RemoveRecord kind="recommendation" record={recommendation} onRemoved={onClose} />
      <ConflictDialog conflict={saved.conflict} onResolve={saved.resolve} />
    </RecordDrawer>
  );
}
