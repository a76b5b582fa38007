import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Input,
  Select,
  Text,
  Textarea,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { CAPTURED_LIST_LABELS, describePeriod, type CapturedList } from '../../../domain/guide';
import type { Failure } from '../../../domain/failures';
import { FACTOR_TYPES, STEP_FOUR_PROMPT_TYPES, factorsOfferedFor } from '../../../domain/method/factor-framework';
import type { Conversation, Episode } from '../../../domain/model';
import type { Result } from '../../../domain/result';
import { useConversationGuide } from './use-conversation-guide';
import { issueFor } from '../../kit/field-state';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  chip: { maxWidth: '100%', whiteSpace: 'normal', textAlign: 'left', height: 'auto', minHeight: '24px' },
});

/** Runs a save and says what happened, politely; a failure is shown in words from describeFailure. */
function useSaving() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async <T,>(work: () => Promise<Result<T, Failure>>, doneMessage: string): Promise<boolean> => {
    setBusy(true);
    setDone(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      return false;
    }
    setFailure(null);
    setDone(doneMessage);
    return true;
  };
  return { busy, failure, done, run };
}

function Outcome({ failure, done }: { failure: Failure | null; done: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {failure ? (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {describeFailure(failure)}
        </Text>
      ) : done ? (
        <Text size={200}>{done}</Text>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------- turning point → key practice episode

export function EpisodeCaptureForm({ conversation, onDone }: { conversation: Conversation; onDone?: () => void }) {
  const styles = useStyles();
  const guide = useConversationGuide();
  const { busy, failure, done, run } = useSaving();
  const [description, setDescription] = useState('');
  const [title, setTitle] = useState('');
  const [month, setMonth] = useState('');
  const issues = failure?.kind === 'invalid' ? failure.issues : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await run(
      () => guide.captureEpisode(conversation, { title, description, month, factorIds: [] }),
      'Key practice episode added to the review.',
    );
    if (saved) {
      setDescription('');
      setTitle('');
      setMonth('');
      onDone?.();
    }
  };

  return (
    <form noValidate className={styles.form} onSubmit={(event) => void submit(event)} aria-label="Capture a key practice episode" data-testid="episode-capture">
      <Field label="What happened, in their words" required validationMessage={issueFor(issues, 'description')}>
        <Textarea value={description} onChange={(_, data) => setDescription(data.value)} resize="vertical" rows={3} />
      </Field>
      <Field label="When (the month is enough)" required validationMessage={issueFor(issues, 'month')}>
        <Input type="month" value={month} onChange={(_, data) => setMonth(data.value)} />
      </Field>
      <Field label="Short title (optional)" hint="Left empty, the first words are used.">
        <Input value={title} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Add key practice episode
        </Button>
      </div>
      <Outcome failure={failure?.kind === 'invalid' ? null : failure} done={done} />
    </form>
  );
}

export function EpisodesRaised({ snapshotEpisodes, conversation }: { snapshotEpisodes: readonly Episode[]; conversation: Conversation }) {
  const styles = useStyles();
  const raised = snapshotEpisodes.filter((episode) => episode.raisedInConversationId === conversation.id);
  if (raised.length === 0) return <Text size={200}>No key practice episodes captured in this conversation yet.</Text>;
  return (
    <ul className={styles.list} aria-label="Key practice episodes raised in this conversation" data-testid="episodes-raised">
      {raised.map((episode) => (
        <li key={episode.id} className={styles.item}>
          <div>
            <Text weight="semibold" block>
              {episode.title}
            </Text>
            <Text size={200}>{describePeriod(episode.period)}</Text>
          </div>
        </li>
      ))}
    </ul>
  );
}

// ---------------------------------------------------------------- went well / suggested changes

export function CapturedItems({
  conversation,
  list,
  showList = true,
  onDone,
}: {
  conversation: Conversation;
  list: CapturedList;
  showList?: boolean;
  onDone?: () => void;
}) {
  const styles = useStyles();
  const guide = useConversationGuide();
  const { busy, failure, done, run } = useSaving();
  const [text, setText] = useState('');
  const label = list === 'wentWell' ? 'Something that went well' : 'A suggested change';
  const issues = failure?.kind === 'invalid' ? failure.issues : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await run(() => guide.captureItem(conversation, list, text), `${label} added to the review.`);
    if (saved) {
      setText('');
      onDone?.();
    }
  };

  return (
    <div className={styles.form} data-testid={`captured-${list}`}>
      {showList ? (
        conversation[list].length === 0 ? (
          <Text size={200}>Nothing captured yet.</Text>
        ) : (
          <ul className={styles.list} aria-label={CAPTURED_LIST_LABELS[list]}>
            {conversation[list].map((item) => (
              <li key={item.id} className={styles.item}>
                <Text>{item.text}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={`Remove “${item.text.slice(0, 40)}”`}
                  onClick={() => void run(() => guide.removeItem(conversation, list, item.id), 'Removed.')}
                />
              </li>
            ))}
          </ul>
        )
      ) : null}
      <form noValidate className={styles.form} onSubmit={(event) => void submit(event)} aria-label={`Capture: ${label.toLocaleLowerCase('en-GB')}`}>
        <Field label={label} validationMessage={issueFor(issues, 'text')}>
          <Textarea value={text} onChange={(_, data) => setText(data.value)} rows={2} resize="vertical" />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" disabled={busy} aria-label={`Add to ${label.toLocaleLowerCase('en-GB')}`}>
            Add
          </Button>
        </div>
        <Outcome failure={failure?.kind === 'invalid' ? null : failure} done={done} />
      </form>
    </div>
  );
}

// ---------------------------------------------------------------- contributory factors as chips

export function FactorChips({ conversation, episodes }: { conversation: Conversation; episodes: readonly Episode[] }) {
  const styles = useStyles();
  const guide = useConversationGuide();
  const { busy, failure, run } = useSaving();
  const selectId = useId();
  const raisedHere = episodes.filter((episode) => episode.raisedInConversationId === conversation.id);
  const [episodeId, setEpisodeId] = useState('');
  const episode = raisedHere.find((candidate) => candidate.id === episodeId) ?? null;

  const isOn = (factorId: string) =>
    episode ? episode.factors.some((tag) => tag.factorId === factorId) : conversation.factorsRaised.some((raised) => raised.factorId === factorId);

  const toggle = (factorId: string, label: string) => {
    const on = !isOn(factorId);
    void run<unknown>(
      async () => {
        if (episode) {
          const tagged = await guide.setEpisodeFactor(episode, factorId, on);
          if (!tagged.ok || !on) return tagged;
        }
        return guide.setFactor(conversation, factorId, on);
      },
      `${on ? 'Tagged' : 'Untagged'}: ${label}.`,
    );
  };

  const countIn = (typeIds: readonly string[]) =>
    typeIds.flatMap((typeId) => factorsOfferedFor(FACTOR_TYPES.find((type) => type.id === typeId)!)).filter((factor) => isOn(factor.id)).length;

  return (
    <div className={styles.form} data-testid="factor-chips">
      <Field label="Tag factors on" hint="The conversation always; an episode raised in it as well, if you choose one.">
        <Select id={selectId} value={episodeId} onChange={(_, data) => setEpisodeId(data.value)}>
          <option value="">This conversation only</option>
          {raisedHere.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              This conversation and “{candidate.title}”
            </option>
          ))}
        </Select>
      </Field>
      <Accordion multiple collapsible>
        {STEP_FOUR_PROMPT_TYPES.map((group) => {
          const count = countIn(group.typeIds);
          return (
            <AccordionItem key={group.prompt} value={group.prompt}>
              <AccordionHeader size="small">
                {group.prompt}
                {count > 0 ? (
                  <Badge appearance="tint" size="small" style={{ marginLeft: tokens.spacingHorizontalXS }} aria-label={`${count} tagged`}>
                    {count}
                  </Badge>
                ) : null}
              </AccordionHeader>
              <AccordionPanel>
                {group.typeIds.length === 0 ? (
                  <Text size={200}>Anything else they name: write it in the step notes.</Text>
                ) : (
                  <div className={styles.chips} role="group" aria-label={group.prompt}>
                    {group.typeIds
                      .flatMap((typeId) => factorsOfferedFor(FACTOR_TYPES.find((type) => type.id === typeId)!))
                      .map((factor) => (
                        <ToggleButton
                          key={factor.id}
                          size="small"
                          shape="circular"
                          className={styles.chip}
                          checked={isOn(factor.id)}
                          disabled={busy}
                          onClick={() => toggle(factor.id, factor.label)}
                          data-factor={factor.id}
                        >
                          {factor.label}
                        </ToggleButton>
                      ))}
                  </div>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      <Outcome failure={failure} done={null} />
    </div>
  );
}
