import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  box: {
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    outlineStyle: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  option: {
    position: 'absolute',
    left: 0,
    right: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    boxSizing: 'border-box',
    ':hover': { background: tokens.colorNeutralBackground1Hover },
  },
  // No background change: the selected colours of the high-contrast theme would not keep text readable.
  selected: {
    borderLeft: `6px solid ${tokens.colorBrandStroke1}`,
    paddingLeft: `calc(${tokens.spacingHorizontalM} - 6px)`,
  },
  active: {
    outline: `2px solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
  hint: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly getKey: (item: T) => string;
  /** The list's accessible name, e.g. "Participants". */
  readonly label: string;
  readonly selectedKey?: string | undefined;
  readonly onOpen: (item: T) => void;
  readonly renderItem: (item: T) => ReactNode;
  readonly emptyText: string;
  readonly estimateSize?: number;
  readonly maxHeight?: number;
  readonly testId?: string;
}

/**
 * A long list that stays smooth at hundreds of rows: only the rows in view are in the page
 * (@tanstack/react-virtual). It is one tab stop, a listbox: arrow keys, Home/End and Page Up/Down move,
 * Enter opens. The active row is always rendered, so screen readers and axe see a whole, valid listbox.
 */
export function VirtualList<T>({ items, getKey, label, selectedKey, onOpen, renderItem, emptyText, estimateSize = 64, maxHeight = 560, testId }: VirtualListProps<T>) {
  const styles = useStyles();
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedIndex = selectedKey === undefined ? -1 : items.findIndex((item) => getKey(item) === selectedKey);
  const [active, setActive] = useState(Math.max(0, selectedIndex));
  const [focused, setFocused] = useState(false);
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  // Estimates only for the first paint; rows are measured as they render. The active row is always
  // rendered, so aria-activedescendant never points at nothing.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan: 6,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(activeIndex) || activeIndex >= items.length ? indexes : [...indexes, activeIndex].sort((a, b) => a - b);
    },
  });

  useEffect(() => {
    if (selectedIndex >= 0) setActive(selectedIndex);
  }, [selectedIndex]);

  if (items.length === 0) {
    return (
      <Text block data-testid={testId} role="status">
        {emptyText}
      </Text>
    );
  }

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / estimateSize) - 1);
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: items.length - 1, PageDown: activeIndex + page, PageUp: activeIndex - page };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key] ?? 0);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const item = items[activeIndex];
      if (item !== undefined) onOpen(item);
    }
  };

  const virtualRows = virtualizer.getVirtualItems();
  return (
    <>
      <span id={`${id}-hint`} className={styles.hint}>
        Use the arrow keys to move through the list and Enter to open.
      </span>
      <div
        ref={scrollRef}
        role="listbox"
        aria-label={label}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={`${id}-option-${activeIndex}`}
        tabIndex={0}
        className={styles.box}
        style={{ maxHeight, height: Math.min(maxHeight, virtualizer.getTotalSize() + 2) }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        data-testid={testId}
        data-count={items.length}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((row) => {
            const item = items[row.index];
            if (item === undefined) return null;
            const key = getKey(item);
            return (
              <div
                key={key}
                id={`${id}-option-${row.index}`}
                role="option"
                aria-selected={key === selectedKey}
                aria-setsize={items.length}
                aria-posinset={row.index + 1}
                data-index={row.index}
                data-key={key}
                ref={virtualizer.measureElement}
                className={mergeClasses(styles.option, key === selectedKey && styles.selected, focused && row.index === activeIndex && styles.active)}
                style={{ transform: `translateY(${row.start}px)` }}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  setActive(row.index);
                  scrollRef.current?.focus();
                  onOpen(item);
                }}
              >
                {renderItem(item)}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
