import { Field, Input, Radio, RadioGroup, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import { NOT_YET_JUDGED, compareEntries, describePerspective, episodeIssues, recurrenceCounts } from '../../../domain/analysis';
import { useConversationGuide } from '../guide/use-conversation-guide';
import { asId } from '../../../domain/ids';
import { ADEQUACY_LABELS } from '../../../domain/labels';
import { ADEQUACY_JUDGEMENTS, type AdequacyJudgement, type Episode } from '../../../domain/model';
import { ChecklistPicker } from '../../components/analysis/ChecklistPicker';
import { PeriodFields } from '../../kit/PeriodFields';
import { RecordDrawer } from '../../components/analysis/RecordDrawer';
import { RemoveRecord } from '../../kit/RemoveRecord';
import { fieldState } from '../../kit/field-state';
import { excerpt, formatPeriod } from '../../london-format';
import { useCheckedAutosave } from '../../components/analysis/use-checked-autosave';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { useReview } from '../../review-context';
import { narrativeContextOf } from '../narrative/narrative-context';
import { FactorPicker } from './FactorPicker';
import { FactorTagList } from './FactorTagList';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Edit one key practice episode, laid out as Appendix 4's three columns, one after the other. */
export function EpisodeEditor({ episode, onClose }: { episode: Episode; onClose: () => void }) {
  const styles = useStyles();
  const { snapshot } = useReview();
  // Tagging a factor is the same command here as in the conversation guide (src/domain/session/commands.ts).
  const guide = useConversationGuide();
  const reviewPeriod = snapshot.review.periodUnderReview;
  const check = useCallback((candidate: Episode) => episodeIssues(candidate, reviewPeriod), [reviewPeriod]);
  const saved = useCheckedAutosave('episode', episode, check);
  const { draft: form, update: change, issues, warnings } = saved;
  // Counts across the other episodes plus this one as it now stands.
  const counts = useMemo(() => recurrenceCounts([...snapshot.episodes.filter((other) => other.id !== form.id), form]), [snapshot.episodes, form]);
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
  const participantOptions = useMemo(
    () => snapshot.participants.map((participant) => ({ id: participant.id, label: participant.reportLabel })),
    [snapshot.participants],
  );
  const chosen = useMemo(() => new Set(form.factors.map((tag) => tag.factorId)), [form.factors]);
  const close = async () => {
    await saved.flush();
    onClose();
  };

  return (
    <RecordDrawer
      title={form.title.trim() || 'Key practice episode'}
      size="large"
      onClose={() => void close()}
      status={<SaveStatus status={saved.status} message={saved.message} />}
      testId="episode-editor"
    >
      <section className={styles.section} aria-labelledby="episode-description-heading">
        <h3 className={styles.heading} id="episode-description-heading">
          Description of key practice episode and significance with hindsight
        </h3>
        <Field label="Title" required {...fieldState(issues, warnings, 'title')}>
          <Input value={form.title} onChange={(_, data) => change({ title: data.value })} />
        </Field>
        <PeriodFields openEnded legend="When it happened" value={form.period} onChange={(period) => change({ period })} issues={issues} warnings={warnings} />
        <Field label="Description" required hint="Keep as close as possible to participants’ accounts." {...fieldState(issues, warnings, 'description')}>
          <Textarea resize="vertical" rows={5} value={form.description} onChange={(_, data) => change({ description: data.value })} />
        </Field>
        <Field label="Significance with hindsight" hint="How it influenced, or might have influenced, the way the case developed and was handled.">
          <Textarea resize="vertical" rows={3} value={form.significance} onChange={(_, data) => change({ significance: data.value })} />
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="episode-judgement-heading">
        <h3 className={styles.heading} id="episode-judgement-heading">
          Breakdown and reviewers’ judgement of adequacy of practice
        </h3>
        <Field label="Reviewers’ judgement of the practice">
          <RadioGroup
            value={form.judgement ?? 'none'}
            onChange={(_, data) => change({ judgement: data.value === 'none' ? null : (data.value as AdequacyJudgement) })}
          >
            <Radio value="none" label={NOT_YET_JUDGED} />
            {ADEQUACY_JUDGEMENTS.map((judgement) => (
              <Radio key={judgement} value={judgement} label={ADEQUACY_LABELS[judgement]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="Breakdown of the judgement" hint="What made the practice good or problematic, step by step.">
          <Textarea resize="vertical" rows={3} value={form.judgementBreakdown} onChange={(_, data) => change({ judgementBreakdown: data.value })} />
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="episode-factors-heading">
        <h3 className={styles.heading} id="episode-factors-heading">
          Contributory factors (why did actions/decisions make sense at the time?)
        </h3>
        <FactorTagList
          tags={form.factors}
          counts={counts}
          issues={issues}
          warnings={warnings}
          onWhyChange={(tagId, why) =>
            change((current) => ({ ...current, factors: current.factors.map((tag) => (tag.id === tagId ? { ...tag, whyItMadeSense: why } : tag)) }))
          }
          onRemove={(tagId) => {
            const tag = form.factors.find((candidate) => candidate.id === tagId);
            if (tag) void guide.setEpisodeFactor(form, tag.factorId, false);
          }}
        />
        <FactorPicker chosen={chosen} counts={counts} onPick={(factorId) => void guide.setEpisodeFactor(form, factorId, true)} />
      </section>

      <section className={styles.section} aria-labelledby="episode-links-heading">
        <h3 className={styles.heading} id="episode-links-heading">
          Links
        </h3>
        <ChecklistPicker
          legend="Narrative entries"
          options={entryOptions}
          selected={form.narrativeEntryIds}
          onChange={(ids) => change({ narrativeEntryIds: ids.map((id) => asId(id)) })}
        />
        <ChecklistPicker
          legend="Participants"
          options={participantOptions}
          selected={form.participantIds}
          onChange={(ids) => change({ participantIds: ids.map((id) => asId(id)) })}
        />
        <Field label="Raised in the conversation with">
          <Select
            value={form.raisedInConversationId ?? ''}
            onChange={(_, data) => change({ raisedInConversationId: data.value === '' ? null : asId(data.value) })}
          >
            <option value="">Not raised in a conversation</option>
            {snapshot.conversations.map((conversation) => (
              <option key={conversation.id} value={conversation.id}>
                {snapshot.participants.find((participant) => participant.id === conversation.participantId)?.reportLabel ??
                  'A participant no longer in this review'}
              </option>
            ))}
          </Select>
        </Field>
        {snapshot.conversations.length === 0 ? <Text className={styles.hint}>No conversations recorded yet.</Text> : null}
      </section>

      <RemoveRecord kind="episode" record={episode} onRemoved={onClose} />
      <ConflictDialog conflict={saved.conflict} onResolve={saved.resolve} />
    </RecordDrawer>
  );
}
