import { Field, Input, Radio, RadioGroup, Switch, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { PRIORITY_LABELS, citableFactors, compareEntries, describePerspective, patternTitle } from '../../../domain/analysis';
import { asId } from '../../../domain/ids';
import { PRIORITY_LEVELS, type Pattern } from '../../../domain/model';
import { ChecklistPicker } from '../../components/analysis/ChecklistPicker';
import { RecordDrawer } from '../../components/analysis/RecordDrawer';
import { RemoveRecord } from '../../kit/RemoveRecord';
import { fieldState } from '../../kit/field-state';
import { useCheckedAutosave } from '../../components/analysis/use-checked-autosave';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { excerpt, formatPeriod } from '../../london-format';
import { useReview } from '../../review-context';
import { narrativeContextOf } from '../narrative/narrative-context';
import { useEpisodeOptions } from './episode-options';
import { checkPattern } from './pattern-rules';
import { PatternCoreFields, applyChoice, choiceOf, type SubPatternChoice } from './pattern-fields';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL },
});

type Priority = (typeof PRIORITY_LEVELS)[number];

/** Edit a pattern: what it is, the episodes it draws on, and how it is prioritised. */
export function PatternEditor({ pattern, onClose }: { pattern: Pattern; onClose: () => void }) {
  const styles = useStyles();
  const { snapshot } = useReview();
  const existing = useMemo(() => new Set(snapshot.episodes.map((episode) => episode.id as string)), [snapshot.episodes]);
  const check = useCallback(
    (candidate: Pattern) => checkPattern(candidate, existing, snapshot.review, snapshot.participants),
    [existing, snapshot.review, snapshot.participants],
  );
  const saved = useCheckedAutosave('pattern', pattern, check);
  const { draft: form, update: change, issues, warnings } = saved;
  const [choice, setChoice] = useState<SubPatternChoice>(() => choiceOf(pattern));
  const episodeOptions = useEpisodeOptions(snapshot.episodes);
  // The guide draws patterns from the episodes' contributory factors and the narrative's evidence: both can be cited.
  const factorOptions = useMemo(
    () =>
      citableFactors(form, snapshot.episodes).map((cited) => ({
        id: cited.factorTagId,
        label: `${cited.factorLabel} (in “${cited.episodeTitle}”)`,
        searchText: cited.whyItMadeSense,
      })),
    [form, snapshot.episodes],
  );
  const context = useMemo(() => narrativeContextOf(snapshot), [snapshot]);
  const entryOptions = useMemo(
    () =>
      [...snapshot.narrative].sort(compareEntries).map((entry) => ({
        id: entry.id,
        label: `${describePerspective(entry.perspective, context).title}, ${formatPeriod(entry.period)}: ${excerpt(entry.text, 70)}`,
        searchText: entry.text,
      })),
    [snapshot.narrative, context],
  );
  const prioritise = (changes: Partial<Pattern['prioritisation']>) =>
    change((current) => ({ ...current, prioritisation: { ...current.prioritisation, ...changes } }));
  const close = async () => {
    await saved.flush();
    onClose();
  };
  const priorityRadios = (value: Priority | null, onPick: (value: Priority | null) => void) => (
    <RadioGroup layout="horizontal" value={value ?? 'none'} onChange={(_, data) => onPick(data.value === 'none' ? null : (data.value as Priority))}>
      <Radio value="none" label="Not yet assessed" />
      {PRIORITY_LEVELS.map((level) => (
        <Radio key={level} value={level} label={PRIORITY_LABELS[level]} />
      ))}
    </RadioGroup>
  );

  return (
    <RecordDrawer
      title={patternTitle(form)}
      size="large"
      onClose={() => void close()}
      status={<SaveStatus status={saved.status} message={saved.message} />}
      testId="pattern-editor"
    >
      <PatternCoreFields
        value={form}
        choice={choice}
        onChange={(changes) => change(changes)}
        onChoice={(next) => {
          setChoice(next);
          change(applyChoice(next));
        }}
        issues={issues}
        warnings={warnings}
      />
      <ChecklistPicker
        legend="Key practice episodes it draws on"
        options={episodeOptions}
        selected={form.episodeIds}
        onChange={(ids) => change({ episodeIds: ids.map((id) => asId(id)) })}
        validationMessage={fieldState(issues, warnings, 'episodeIds').validationMessage as string | undefined}
      />
      <ChecklistPicker
        legend="Contributory factors it rests on"
        hint={
          factorOptions.length === 0
            ? 'Link episodes with contributory factors first: their factors can then be cited here.'
            : 'The factors, tagged on the episodes above, that show this pattern.'
        }
        options={factorOptions}
        selected={form.factorTagIds.filter((id) => factorOptions.some((option) => option.id === id))}
        onChange={(ids) => change({ factorTagIds: ids.map((id) => asId(id)) })}
      />
      <ChecklistPicker
        legend="Narrative entries whose evidence it rests on"
        options={entryOptions}
        selected={form.narrativeEntryIds}
        onChange={(ids) => change({ narrativeEntryIds: ids.map((id) => asId(id)) })}
      />
      <section className={styles.section} aria-labelledby="pattern-priority-heading">
        <h3 className={styles.heading} id="pattern-priority-heading">
          Prioritisation
        </h3>
        <Field label="How widespread beyond this case" {...fieldState(issues, warnings, 'prioritisation')}>
          {priorityRadios(form.prioritisation.widespread, (widespread) => prioritise({ widespread }))}
        </Field>
        <Field label="Contemporary relevance: how much it matters for children’s safety now">
          {priorityRadios(form.prioritisation.contemporaryRelevance, (contemporaryRelevance) => prioritise({ contemporaryRelevance }))}
        </Field>
        <div className={styles.row}>
          <Field label="Rank" hint="1 is the highest priority." {...fieldState(issues, warnings, 'prioritisation.rank')}>
            <Input
              type="number"
              min={1}
              value={form.prioritisation.rank === null ? '' : String(form.prioritisation.rank)}
              onChange={(_, data) => prioritise({ rank: data.value === '' ? null : Number(data.value) })}
            />
          </Field>
          <Switch label="Prioritised for the report" checked={form.prioritisation.selected} onChange={(_, data) => prioritise({ selected: data.checked })} />
        </div>
        <Field label="Rationale" hint="Why this pattern was (or was not) prioritised, so a different selection can be made later.">
          <Textarea resize="vertical" rows={3} value={form.prioritisation.rationale} onChange={(_, data) => prioritise({ rationale: data.value })} />
        </Field>
      </section>
      <RemoveRecord kind="pattern" record={pattern} onRemoved={onClose} />
      <ConflictDialog conflict={saved.conflict} onResolve={saved.resolve} />
    </RecordDrawer>
  );
}
