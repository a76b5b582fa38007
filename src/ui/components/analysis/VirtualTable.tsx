import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

export interface VirtualColumn {
  readonly key: string;
  readonly header: ReactNode;
  /** A CSS width for the column ("30%", "12rem"). */
  readonly width: string;
}

const useStyles = makeStyles({
  region: {
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: { width: '100%', borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed' },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    background: tokens.colorNeutralBackground3,
    textAlign: 'start',
    verticalAlign: 'bottom',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  // An outline, not a fill: links keep their contrast on the row.
  current: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-3px' },
  spacer: { padding: 0, border: 'none' },
});

/**
 * A real <table> that renders only the rows in view, so hundreds of long rows stay smooth. Rows measure their own
 * height; the header stays in view; screen readers hear the full row count through aria-rowcount/aria-rowindex.
 */
export function VirtualTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  renderCells,
  estimateRowHeight,
  height = '70vh',
  currentKey,
  rowClassName,
  testId,
}: {
  label: string;
  columns: readonly VirtualColumn[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  renderCells: (row: Row) => ReactNode[];
  estimateRowHeight: number;
  height?: string;
  /** A row to bring into view and mark, e.g. the one a deep link opened. */
  currentKey?: string | null;
  rowClassName?: (row: Row) => string | undefined;
  testId?: string;
}) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateRowHeight,
    overscan: 4,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : rowKey(row);
    },
  });

  const currentIndex = currentKey ? rows.findIndex((row) => rowKey(row) === currentKey) : -1;
  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'start' });
  }, [currentIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div ref={scroller} className={styles.region} style={{ maxHeight: height }} role="region" aria-label={label} tabIndex={0} data-testid={testId}>
      <table className={styles.table} aria-rowcount={rows.length + 1}>
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={styles.head}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true">
              <td className={styles.spacer} colSpan={columns.length} style={{ height: top }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            const key = rowKey(row);
            return (
              <tr
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-row-key={key}
                aria-rowindex={item.index + 2}
                aria-current={key === currentKey ? 'true' : undefined}
                className={mergeClasses(key === currentKey ? styles.current : undefined, rowClassName?.(row))}
              >
                {renderCells(row).map((cell, index) => (
                  <td key={columns[index]?.key ?? index} className={styles.cell}>
                    {cell}
                  </td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true">
              <td className={styles.spacer} colSpan={columns.length} style={{ height: bottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
