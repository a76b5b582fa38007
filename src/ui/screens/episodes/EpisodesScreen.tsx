import { Button, Field, Input, Select, Tag, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, ArrowRepeatAll20Regular, Dismiss16Regular, Search16Regular, Table20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { NOT_YET_JUDGED, NO_EPISODE_FILTER, compareEpisodes, filterEpisodes, recurrenceCounts, type EpisodeFilter } from '../../../domain/analysis';
import { findFactor } from '../../../domain/method/factor-framework';
import { ADEQUACY_LABELS } from '../../../domain/labels';
import { ADEQUACY_JUDGEMENTS, type AdequacyJudgement } from '../../../domain/model';
import { RecordNotFound } from '../../kit/RecordNotFound';
import { useRecordNavigation } from '../../kit/use-record-navigation';
import { useViewParam } from '../../components/analysis/use-view-param';
import { ViewSwitch } from '../../components/analysis/ViewSwitch';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';
import { EpisodeEditor } from './EpisodeEditor';
import { EpisodesTable } from './EpisodesTable';
import { FactorRecurrenceView } from './FactorRecurrenceView';
import { NewEpisode } from './NewEpisode';

const VIEWS = ['table', 'recurrence'] as const;
type View = (typeof VIEWS)[number];

const useStyles = makeStyles({
  screen: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, minWidth: 0 },
  intro: { maxWidth: '60rem' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  wide: { minWidth: '14rem' },
});

/**
 * Key practice episodes, as SCIE's Appendix 4 table: description and significance, the reviewers' judgement of the
 * practice, and the contributory factors with why each made sense at the time. A second view shows which factors
 * recur across episodes.
 */
export function EpisodesScreen({ recordId }: { recordId?: string | undefined }) {
  const styles = useStyles();
  const { snapshot } = useReview();
  const navigation = useRecordNavigation('episodes');
  const [view, setView] = useViewParam<View>('episodesView', VIEWS, 'table');
  const [filter, setFilter] = useState<EpisodeFilter>(NO_EPISODE_FILTER);
  const [adding, setAdding] = useState(false);

  const counts = useMemo(() => recurrenceCounts(snapshot.episodes), [snapshot.episodes]);
  const ordered = useMemo(() => [...snapshot.episodes].sort(compareEpisodes), [snapshot.episodes]);
  const shown = useMemo(() => filterEpisodes(ordered, filter), [ordered, filter]);
  const current = recordId ? snapshot.episodes.find((episode) => episode.id === recordId) : undefined;
  const filtering = filter.text.trim() !== '' || filter.judgement !== null || filter.factorId !== null;

  return (
    <section aria-labelledby="screen-title" className={styles.screen}>
      <Title2 as="h1" id="screen-title">
        Key practice episodes
      </Title2>
      <Text block className={styles.intro}>
        The episodes the review team judges significant to how the case developed and was handled: a selection, good and problematic. For each, the reviewers’
        judgement of the practice and the contributory factors that made actions and decisions make sense at the time.
      </Text>

      <div className={styles.toolbar}>
        <ViewSwitch
          label="How to show the episodes"
          value={view}
          onChange={setView}
          options={[
            { value: 'table', label: 'Table of episodes', icon: <Table20Regular /> },
            { value: 'recurrence', label: 'Recurring factors', icon: <ArrowRepeatAll20Regular /> },
          ]}
        />
        <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>
          Add episode
        </Button>
      </div>

      {recordId && !current ? <RecordNotFound what="key practice episode" backHref={hrefOf(paths.section(snapshot.review.id, 'episodes'))} /> : null}

      <div style={{ display: 'grid', gap: tokens.spacingVerticalM, minWidth: 0 }}>
        {view === 'table' ? (
          <>
            <div role="search" aria-label="Filter the episodes" className={styles.filters}>
              <Field label="Words" className={styles.wide}>
                <Input contentBefore={<Search16Regular />} value={filter.text} onChange={(_, data) => setFilter({ ...filter, text: data.value })} />
              </Field>
              <Field label="Reviewers’ judgement" className={styles.wide}>
                <Select
                  value={filter.judgement ?? ''}
                  onChange={(_, data) => setFilter({ ...filter, judgement: data.value === '' ? null : (data.value as AdequacyJudgement | 'none') })}
                >
                  <option value="">Any judgement</option>
                  {ADEQUACY_JUDGEMENTS.map((judgement) => (
                    <option key={judgement} value={judgement}>
                      {ADEQUACY_LABELS[judgement]}
                    </option>
                  ))}
                  <option value="none">{NOT_YET_JUDGED}</option>
                </Select>
              </Field>
              {filter.factorId ? (
                <Tag
                  dismissible
                  dismissIcon={{ 'aria-label': 'Stop filtering by this factor', children: <Dismiss16Regular /> }}
                  onClick={() => setFilter({ ...filter, factorId: null })}
                  role="button"
                  tabIndex={0}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ' || event.key === 'Delete' || event.key === 'Backspace')
                      setFilter({ ...filter, factorId: null });
                  }}
                >
                  Factor: {findFactor(filter.factorId)?.factor.label ?? filter.factorId}
                </Tag>
              ) : null}
              {filtering ? (
                <Button icon={<Dismiss16Regular />} onClick={() => setFilter(NO_EPISODE_FILTER)}>
                  Clear filters
                </Button>
              ) : null}
            </div>
            <Text role="status" aria-live="polite" size={200} data-testid="episodes-count">
              {filtering
                ? `Showing ${shown.length} of ${snapshot.episodes.length} episodes`
                : `${snapshot.episodes.length} ${snapshot.episodes.length === 1 ? 'episode' : 'episodes'}`}
            </Text>
            {snapshot.episodes.length === 0 ? (
              <Text block>No key practice episodes yet. Add the first from what participants identified as turning points.</Text>
            ) : null}
            <EpisodesTable episodes={shown} counts={counts} href={navigation.href} currentId={current?.id ?? null} />
          </>
        ) : (
          <FactorRecurrenceView
            episodes={ordered}
            href={navigation.href}
            onShowEpisodes={(factorId) => {
              setFilter({ ...NO_EPISODE_FILTER, factorId });
              setView('table');
            }}
          />
        )}
      </div>

      {adding ? (
        <NewEpisode
          onClose={() => setAdding(false)}
          onAdded={(episode) => {
            setAdding(false);
            navigation.open(episode.id);
          }}
        />
      ) : null}
      {current ? <EpisodeEditor key={current.id} episode={current} onClose={navigation.close} /> : null}
    </section>
  );
}
