import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { RECURS_FROM, factorRecurrence } from '../../../domain/analysis';
import { asId } from '../../../domain/ids';
import type { Pattern } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { AddRecordDialog, useAddRecordForm } from '../../components/analysis/AddRecordDialog';
import { ChecklistPicker } from '../../components/analysis/ChecklistPicker';
import { useReview } from '../../review-context';
import { useEpisodeOptions } from './episode-options';
import { checkPattern } from './pattern-rules';
import { PatternCoreFields, applyChoice, type PatternCore, type SubPatternChoice } from './pattern-fields';

const useStyles = makeStyles({
  panel: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  shared: { color: tokens.colorNeutralForeground1 },
});

const EMPTY: PatternCore = { category: 1, subPatternId: null, newSubPatternTitle: '', statement: '', influence: 'makesProblematicPracticeMoreLikely' };

/** Choose the episodes a pattern draws on, then say what the pattern is. */
export function CreatePattern({ onCreated }: { onCreated: (pattern: Pattern) => void }) {
  const styles = useStyles();
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const [episodeIds, setEpisodeIds] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<SubPatternChoice>('');

  const options = useEpisodeOptions(snapshot.episodes);
  const selected = useMemo(() => snapshot.episodes.filter((episode) => episodeIds.includes(episode.id)), [snapshot.episodes, episodeIds]);
  const shared = useMemo(() => factorRecurrence(selected).filter((row) => row.count >= RECURS_FROM), [selected]);
  const existing = useMemo(() => new Set(snapshot.episodes.map((episode) => episode.id as string)), [snapshot.episodes]);
  const candidateOf = (draft: PatternCore) => ({
    ...draft,
    episodeIds: episodeIds.map((id) => asId<Pattern['episodeIds'][number]>(id)),
    prioritisation: { widespread: null, contemporaryRelevance: null, rank: null, rationale: '', selected: false },
  });

  const form = useAddRecordForm({
    initial: EMPTY,
    what: 'Pattern',
    check: (draft) => checkPattern(candidateOf(draft), existing, snapshot.review, snapshot.participants),
    kind: 'pattern',
    save: (draft, id) => service.addRecord('pattern', snapshot.review.id, candidateOf(draft), id),
    onAdded: (pattern) => {
      setOpen(false);
      form.reset({ clearDraft: true });
      setChoice('');
      setEpisodeIds([]);
      onCreated(pattern);
    },
  });
  const close = () => {
    setOpen(false);
    form.reset({ clearDraft: false });
  };

  return (
    <section className={styles.panel} aria-labelledby="create-pattern-heading" data-testid="create-pattern">
      <h2 className={styles.heading} id="create-pattern-heading">
        Create a pattern from key practice episodes
      </h2>
      <Text block>Choose the episodes that show the same underlying pattern, good or problematic, then describe it.</Text>
      <ChecklistPicker legend="Episodes to draw on" options={options} selected={episodeIds} onChange={setEpisodeIds} limit={25} />
      {shared.length > 0 ? (
        <Text block className={styles.shared} data-testid="shared-factors">
          Factors these episodes share: {shared.map((row) => `${row.path?.factor.label ?? row.factorId} (${row.count} of ${selected.length})`).join('; ')}
        </Text>
      ) : null}
      <div>
        <Button appearance="primary" icon={<Add20Regular />} disabledFocusable={episodeIds.length === 0} onClick={() => setOpen(true)}>
          {episodeIds.length === 0 ? 'Create pattern (choose episodes first)' : `Create pattern from ${episodeIds.length} ${episodeIds.length === 1 ? 'episode' : 'episodes'}`}
        </Button>
      </div>
      {open ? (
        <AddRecordDialog
          title="Create a pattern"
          submitLabel="Create pattern"
          messageTestId="create-pattern-message"
          message={form.message}
          busy={form.busy}
          onSubmit={() => void form.submit()}
          onClose={close}
        >
          <Text>
            Drawing on {selected.length} {selected.length === 1 ? 'episode' : 'episodes'}: {selected.map((episode) => episode.title).join('; ')}
          </Text>
          <PatternCoreFields
            value={form.draft}
            choice={choice}
            onChange={form.edit}
            onChoice={(next) => {
              setChoice(next);
              form.edit(applyChoice(next));
            }}
            issues={form.issues}
            warnings={form.outcome.warnings}
          />
        </AddRecordDialog>
      ) : null}
    </section>
  );
}
