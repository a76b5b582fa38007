import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { describePerspective, type NarrativeContext } from '../../../domain/analysis';
import type { NarrativeEntry } from '../../../domain/model';
import { formatPeriod } from '../../london-format';
import { useOnColourStyles } from '../../components/analysis/on-colour';

/**
 * The entries an entry links to (what a discrepancy disputes, or what it relates to), each a link naming whose
 * perspective and when. Shared by the lanes' cards and the table so both read the same. Links to entries no
 * longer in the review are left out; with none left, `fallback` shows instead.
 */
export function RelatedEntryLinks({
  entry,
  byId,
  context,
  href,
  className,
  fallback = null,
}: {
  entry: NarrativeEntry;
  byId: ReadonlyMap<string, NarrativeEntry>;
  context: NarrativeContext;
  href: (id: string) => string;
  className: string;
  fallback?: ReactNode;
}) {
  const onColour = useOnColourStyles();
  const related = entry.relatedEntryIds.map((id) => byId.get(id)).filter((other): other is NarrativeEntry => other !== undefined);
  if (related.length === 0) return fallback;
  return (
    <div className={className}>
      {entry.kind === 'discrepancy' ? 'Disputes: ' : 'Related: '}
      {related.map((other, index) => (
        <span key={other.id}>
          {index > 0 ? '; ' : ''}
          <Link href={href(other.id)} className={onColour.link}>
            {describePerspective(other.perspective, context).title}, {formatPeriod(other.period)}
          </Link>
        </span>
      ))}
    </div>
  );
}
