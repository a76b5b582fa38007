import { Field, Input, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Search16Regular } from '@fluentui/react-icons';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flattenOptions, searchFactors, type FactorOption } from '../../../domain/analysis';

const useStyles = makeStyles({
  picker: { display: 'grid', gap: tokens.spacingVerticalXS },
  listbox: {
    maxHeight: '18rem',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
  },
  level: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    background: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightBold,
    fontSize: tokens.fontSizeBase200,
    textTransform: 'uppercase',
  },
  type: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  option: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    ':hover': { background: tokens.colorNeutralBackground1Hover },
  },
  active: { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px', background: tokens.colorNeutralBackground1Selected },
  chosen: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
});

const optionDomId = (base: string, key: string) => `${base}-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * Choose contributory factors from SCIE's framework (Appendix 5): a search box over a list grouped by level and
 * type. Keyboard: type to narrow, arrow keys to move, Enter to add, Escape to clear. The inter-agency type also
 * offers the own-team factors, as the framework says ("as above and also").
 */
export function FactorPicker({
  chosen,
  onPick,
  counts,
}: {
  chosen: ReadonlySet<string>;
  onPick: (factorId: string) => void;
  /** How many episodes tag each factor, shown beside it. */
  counts: ReadonlyMap<string, number>;
}) {
  const styles = useStyles();
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [query, setQuery] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const groups = useMemo(() => searchFactors(query), [query]);
  const options = useMemo(() => flattenOptions(groups), [groups]);
  const active = options.find((option) => option.key === activeKey) ?? null;

  const moveTo = (option: FactorOption | undefined) => {
    if (!option) return;
    setActiveKey(option.key);
    listRef.current?.querySelector(`#${CSS.escape(optionDomId(baseId, option.key))}`)?.scrollIntoView({ block: 'nearest' });
  };
  const pick = (option: FactorOption) => {
    setActiveKey(option.key);
    if (chosen.has(option.factor.id)) {
      setAnnouncement(`${option.factor.label} is already a factor of this episode.`);
      return;
    }
    onPick(option.factor.id);
    setAnnouncement(`${option.factor.label} added. Say why it made sense at the time below.`);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const index = active ? options.indexOf(active) : -1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        moveTo(options[index + 1 < options.length ? index + 1 : 0]);
        break;
      case 'ArrowUp':
        event.preventDefault();
        moveTo(options[index > 0 ? index - 1 : options.length - 1]);
        break;
      case 'PageDown':
        event.preventDefault();
        moveTo(options[Math.min(options.length - 1, index + 8)]);
        break;
      case 'PageUp':
        event.preventDefault();
        moveTo(options[Math.max(0, index - 8)]);
        break;
      case 'Enter':
        event.preventDefault();
        if (active) pick(active);
        else if (options.length === 1 && options[0]) pick(options[0]);
        break;
      case 'Escape':
        if (query !== '') {
          event.preventDefault();
          event.stopPropagation();
          setQuery('');
          setActiveKey(null);
        }
        break;
      default:
        break;
    }
  };

  return (
    <div className={styles.picker}>
      <Field label="Find a contributory factor" hint="Type to narrow the list; arrow keys to move; Enter to add.">
        <Input
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active ? optionDomId(baseId, active.key) : undefined}
          contentBefore={<Search16Regular />}
          value={query}
          onChange={(_, data) => {
            setQuery(data.value);
            setActiveKey(null);
          }}
          onKeyDown={onKeyDown}
          data-testid="factor-search"
        />
      </Field>
      <div ref={listRef} id={listId} role="listbox" aria-label="Contributory factors framework" aria-multiselectable="true" className={styles.listbox} data-testid="factor-list">
        {groups.map((level) =>
          level.types.map((group, typeIndex) => (
            <div key={group.type.id} role="group" aria-label={`${level.level.title}: ${group.type.title}`}>
              {typeIndex === 0 ? (
                <div className={styles.level} aria-hidden="true">
                  {level.level.title}
                </div>
              ) : null}
              <div className={styles.type} aria-hidden="true">
                {group.type.title}
              </div>
              {group.options.map((option) => {
                const isChosen = chosen.has(option.factor.id);
                const count = counts.get(option.factor.id) ?? 0;
                return (
                  <div
                    key={option.key}
                    id={optionDomId(baseId, option.key)}
                    role="option"
                    aria-selected={isChosen}
                    className={mergeClasses(styles.option, option.key === active?.key ? styles.active : undefined, isChosen ? styles.chosen : undefined)}
                    onClick={() => pick(option)}
                    data-factor-id={option.factor.id}
                  >
                    <span>
                      {isChosen ? '✓ ' : ''}
                      {option.factor.label}
                      {option.carriedFrom ? <span className={styles.note}> (also an own-team factor)</span> : null}
                    </span>
                    {count > 0 ? <span className={styles.note}>in {count} {count === 1 ? 'episode' : 'episodes'}</span> : null}
                  </div>
                );
              })}
            </div>
          )),
        )}
      </div>
      <Text size={200} role="status" aria-live="polite" data-testid="factor-picker-status">
        {options.length === 0 ? `No factor matches “${query}”. ` : ''}
        {announcement || `${options.length} ${options.length === 1 ? 'factor' : 'factors'} listed.`}
      </Text>
    </div>
  );
}
