import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { bucketSpan, type Lane, type NarrativeContext, type TimeBucket } from '../../../domain/analysis';
import type { NarrativeEntry } from '../../../domain/model';
import { EntryCard } from './EntryCard';

/** Entries shown per lane before "Show all": keeps 400 entries across 40 lanes quick to draw. */
export const LANE_CAP = 8;
const TITLE_WIDTH = '15rem';
const COLUMN_WIDTH = '11rem';

const useStyles = makeStyles({
  // The lanes use the screen: as tall as the window allows below the header (never a small box), scrolling inside
  // with the lane headings (left) and the dates (top) kept in view.
  scroller: {
    overflow: 'auto',
    maxHeight: 'max(24rem, calc(100vh - 7rem))',
    overscrollBehavior: 'contain',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  axis: {
    display: 'flex',
    position: 'sticky',
    top: 0,
    zIndex: 2,
    background: tokens.colorNeutralBackground3,
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
  },
  corner: {
    flex: `0 0 ${TITLE_WIDTH}`,
    boxSizing: 'border-box',
    position: 'sticky',
    left: 0,
    zIndex: 3,
    background: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  tick: {
    flex: `0 0 ${COLUMN_WIDTH}`,
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalS,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  yearTick: { borderLeft: `2px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
  lane: { display: 'flex', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  laneTitle: {
    flex: `0 0 ${TITLE_WIDTH}`,
    position: 'sticky',
    left: 0,
    zIndex: 1,
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalS,
    background: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    display: 'grid',
    alignContent: 'start',
    gap: tokens.spacingVerticalXXS,
  },
  laneHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  laneMeta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  track: { padding: `${tokens.spacingVerticalS} 0`, display: 'grid', alignContent: 'start', gap: tokens.spacingVerticalS },
  grid: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridAutoFlow: 'row dense',
    gap: tokens.spacingHorizontalXS,
  },
  judgementBand: { borderTop: `4px double ${tokens.colorBrandStroke1}` },
  judgementTitle: { background: tokens.colorBrandBackground2 },
  more: { justifySelf: 'start', marginLeft: tokens.spacingHorizontalS },
  empty: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
});

interface LanesProps {
  lanes: readonly Lane[];
  judgements: Lane;
  buckets: readonly TimeBucket[];
  context: NarrativeContext;
  byId: ReadonlyMap<string, NarrativeEntry>;
  disputedCounts: ReadonlyMap<string, number>;
  href: (id: string) => string;
  currentId: string | null;
}

/**
 * One lane per participant or agency along the period under review, and the reviewers' judgements in a lane of
 * their own below a double rule. Entries sit in the months they refer to; overlapping ones stack.
 */
export function NarrativeLanes(props: LanesProps) {
  const styles = useStyles();
  const { buckets } = props;
  const width = `calc(${TITLE_WIDTH} + ${buckets.length} * ${COLUMN_WIDTH})`;
  return (
    <div className={styles.scroller} role="region" aria-label="Narrative lanes" tabIndex={0} data-testid="narrative-lanes">
      <div style={{ width, minWidth: '100%' }}>
        <div className={styles.axis} aria-hidden="true">
          <div className={styles.corner}>Perspective</div>
          {buckets.map((bucket) => (
            <div key={bucket.from} className={mergeClasses(styles.tick, bucket.startsYear ? styles.yearTick : undefined)}>
              {bucket.label}
            </div>
          ))}
        </div>
        {props.lanes.length === 0 ? <Text block className={styles.empty}>No participants’ or agencies’ entries to show.</Text> : null}
        {props.lanes.map((lane) => (
          <LaneRow key={lane.key} lane={lane} {...props} />
        ))}
        <LaneRow lane={props.judgements} {...props} judgement />
      </div>
    </div>
  );
}

function LaneRow({ lane, judgement = false, buckets, context, byId, disputedCounts, href, currentId }: LanesProps & { lane: Lane; judgement?: boolean }) {
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  const headingId = `lane-${lane.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  // Keep a deep-linked entry visible even when it is beyond the cap.
  const currentIndex = currentId ? lane.entries.findIndex((entry) => entry.id === currentId) : -1;
  const cap = expanded || currentIndex >= LANE_CAP ? lane.entries.length : LANE_CAP;
  const shown = lane.entries.slice(0, cap);
  const columns = `repeat(${buckets.length}, ${COLUMN_WIDTH})`;
  const gridLines = useMemo(
    () => `repeating-linear-gradient(to right, transparent 0, transparent calc(${COLUMN_WIDTH} - 1px), ${tokens.colorNeutralStroke3} calc(${COLUMN_WIDTH} - 1px), ${tokens.colorNeutralStroke3} ${COLUMN_WIDTH})`,
    [],
  );
  return (
    <section className={mergeClasses(styles.lane, judgement ? styles.judgementBand : undefined)} aria-labelledby={headingId} data-lane={lane.key}>
      <div className={mergeClasses(styles.laneTitle, judgement ? styles.judgementTitle : undefined)}>
        <h3 className={styles.laneHeading} id={headingId}>
          {lane.title}
        </h3>
        <span className={styles.laneMeta}>{lane.subtitle}</span>
        <span className={styles.laneMeta}>
          {lane.entries.length} {lane.entries.length === 1 ? 'entry' : 'entries'}
        </span>
      </div>
      <div className={styles.track} style={{ backgroundImage: gridLines }}>
        {lane.entries.length === 0 ? <Text className={styles.empty}>No entries.</Text> : null}
        <ol className={styles.grid} style={{ gridTemplateColumns: columns }}>
          {shown.map((entry) => {
            const span = bucketSpan(entry.period, buckets);
            // An open-ended entry sits where it starts; its card says "From … onwards" rather than filling the year.
            const end = span.openEnded ? span.start : span.end;
            return (
              <EntryCard
                key={entry.id}
                entry={entry}
                context={context}
                byId={byId}
                disputedByCount={disputedCounts.get(entry.id) ?? 0}
                href={href}
                current={entry.id === currentId}
                style={{ gridColumn: `${span.start + 1} / ${end + 2}` }}
              />
            );
          })}
        </ol>
        {lane.entries.length > LANE_CAP && currentIndex < LANE_CAP ? (
          <Button className={styles.more} size="small" appearance="secondary" onClick={() => setExpanded((value) => !value)} aria-expanded={expanded}>
            {expanded ? `Show the first ${LANE_CAP} only` : `Show all ${lane.entries.length} entries in ${lane.title}`}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
