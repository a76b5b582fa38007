import type { CSSProperties } from 'react';
import { Badge, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { describePerspective, describeSource, type NarrativeContext } from '../../../domain/analysis';
import { NARRATIVE_KIND_LABELS } from '../../../domain/labels';
import type { NarrativeEntry } from '../../../domain/model';
import { formatPeriod } from '../../london-format';
import { KindBadge, useKindStyles } from './KindBadge';
import { RelatedEntryLinks } from './RelatedEntryLinks';
import { useOnColourStyles } from '../../components/analysis/on-colour';

const useStyles = makeStyles({
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    alignContent: 'start',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
  },
  current: { outline: `3px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  header: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center', justifyContent: 'space-between' },
  text: { display: '-webkit-box', WebkitLineClamp: 4, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** One entry in a lane: its kind (colour, icon and words), period, text and source, and what it disputes. */
export function EntryCard({
  entry,
  context,
  byId,
  disputedByCount,
  href,
  current,
  style,
}: {
  entry: NarrativeEntry;
  context: NarrativeContext;
  byId: ReadonlyMap<string, NarrativeEntry>;
  disputedByCount: number;
  href: (id: string) => string;
  current: boolean;
  style?: CSSProperties;
}) {
  const styles = useStyles();
  const kindStyles = useKindStyles();
  const onColour = useOnColourStyles();
  const period = formatPeriod(entry.period);
  return (
    <li
      className={mergeClasses(styles.card, kindStyles[entry.kind], current ? styles.current : undefined)}
      style={style}
      data-entry-id={entry.id}
      data-kind={entry.kind}
    >
      <div className={styles.header}>
        <KindBadge kind={entry.kind} />
        <Text size={200}>{period}</Text>
      </div>
      <Text className={styles.text}>{entry.text}</Text>
      <span className={styles.meta}>Source: {describeSource(entry.source, context)}</span>
      <RelatedEntryLinks entry={entry} byId={byId} context={context} href={href} className={styles.meta} />
      {disputedByCount > 0 ? (
        <span className={styles.meta}>
          Disputed by {disputedByCount} {disputedByCount === 1 ? 'discrepancy' : 'discrepancies'}
        </span>
      ) : null}
      <div className={styles.header}>
        <Link href={href(entry.id)} className={onColour.link} aria-label={`Open ${NARRATIVE_KIND_LABELS[entry.kind].toLocaleLowerCase('en-GB')}, ${describePerspective(entry.perspective, context).title}, ${period}`}>
          Open
        </Link>
        {entry.resolved ? (
          <Badge appearance="outline" color="success">
            Resolved
          </Badge>
        ) : null}
      </div>
    </li>
  );
}
