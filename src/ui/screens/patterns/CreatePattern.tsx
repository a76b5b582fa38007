import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { NOT_YET_JUDGED, RECURS_FROM, compareEpisodes, factorRecurrence } from '../../../domain/analysis';
import type { FieldIssue } from '../../../domain/failures';
import { asId } from '../../../domain/ids';
import { ADEQUACY_LABELS } from '../../../domain/labels';
import type { Pattern } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { ChecklistPicker } from '../../components/analysis/ChecklistPicker';
import { useReview } from '../../review-context';
import { useFormStyles } from '../../components/analysis/form-styles';
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
  const formStyles = useFormStyles();
  const { snapshot, reload } = useReview();
  const [episodeIds, setEpisodeIds] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<PatternCore>(EMPTY);
  const [choice, setChoice] = useState<SubPatternChoice>('');
  const [attempted, setAttempted] = useState(false);
  const [serviceIssues, setServiceIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const options = useMemo(
    () =>
      [...snapshot.episodes].sort(compareEpisodes).map((episode) => ({
        id: episode.id,
        label: `${episode.title} (${episode.judgement ? ADEQUACY_LABELS[episode.judgement] : NOT_YET_JUDGED})`,
        searchText: episode.description,
      })),
    [snapshot.episodes],
  );
  const selected = useMemo(() => snapshot.episodes.filter((episode) => episodeIds.includes(episode.id)), [snapshot.episodes, episodeIds]);
  const shared = useMemo(() => factorRecurrence(selected).filter((row) => row.count >= RECURS_FROM), [selected]);
  const existing = useMemo(() => new Set(snapshot.episodes.map((episode) => episode.id as string)), [snapshot.episodes]);
  const candidate = { ...draft, episodeIds: episodeIds.map((id) => asId<Pattern['episodeIds'][number]>(id)), prioritisation: { widespread: null, contemporaryRelevance: null, rank: null, rationale: '', selected: false } };
  const outcome = checkPattern(candidate, existing, snapshot.review, snapshot.participants);
  const issues = attempted ? [...outcome.blocking, ...serviceIssues] : serviceIssues;

  const edit = (changes: Partial<PatternCore>) => {
    setServiceIssues([]);
    setMessage(null);
    setDraft((current) => ({ ...current, ...changes }));
  };
  const close = () => {
    setOpen(false);
    setAttempted(false);
    setMessage(null);
  };
  const create = async () => {
    setAttempted(true);
    if (outcome.blocking.length > 0) {
      setMessage(describeFailure({ kind: 'invalid', what: 'Pattern', issues: outcome.blocking }));
      return;
    }
    const added = await service.addRecord('pattern', snapshot.review.id, candidate);
    if (!added.ok) {
      if (added.error.kind === 'invalid') setServiceIssues(added.error.issues);
      setMessage(describeFailure(added.error));
      return;
    }
    await reload();
    close();
    setDraft(EMPTY);
    setChoice('');
    setEpisodeIds([]);
    onCreated(added.value);
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
        <Dialog open modalType="modal" onOpenChange={(_, data) => (data.open ? undefined : close())}>
          <DialogSurface aria-label="Create a pattern" style={{ maxWidth: '44rem' }}>
            <form
              // Our own messages, in the review's words, rather than the browser's.
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void create();
              }}
            >
              <DialogBody>
                <DialogTitle>Create a pattern</DialogTitle>
                <DialogContent className={formStyles.form}>
                  <Text>
                    Drawing on {selected.length} {selected.length === 1 ? 'episode' : 'episodes'}: {selected.map((episode) => episode.title).join('; ')}
                  </Text>
                  <PatternCoreFields
                    value={draft}
                    choice={choice}
                    onChange={edit}
                    onChoice={(next) => {
                      setChoice(next);
                      edit(applyChoice(next));
                    }}
                    issues={issues}
                    warnings={outcome.warnings}
                  />
                  {message ? (
                    <MessageBar intent="error" role="alert" data-testid="create-pattern-message">
                      <MessageBarBody>{message}</MessageBarBody>
                    </MessageBar>
                  ) : null}
                </DialogContent>
                <DialogActions>
                  <Button appearance="primary" type="submit">
                    Create pattern
                  </Button>
                  <Button onClick={close}>Cancel</Button>
                </DialogActions>
              </DialogBody>
            </form>
          </DialogSurface>
        </Dialog>
      ) : null}
    </section>
  );
}
