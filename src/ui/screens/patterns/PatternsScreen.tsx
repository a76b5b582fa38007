import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { patternBoard } from '../../../domain/analysis';
import { RecordNotFound } from '../../kit/RecordNotFound';
import { useRecordNavigation } from '../../kit/use-record-navigation';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';
import { CreatePattern } from './CreatePattern';
import { PatternCard } from './PatternCard';
import { PatternEditor } from './PatternEditor';

const useStyles = makeStyles({
  screen: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalL, minWidth: 0 },
  intro: { maxWidth: '60rem' },
  board: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))', gap: tokens.spacingHorizontalM },
  column: {
    display: 'grid',
    alignContent: 'start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderTop: `4px solid ${tokens.colorBrandStroke1}`,
    background: tokens.colorNeutralBackground2,
  },
  columnTitle: { margin: 0, fontSize: tokens.fontSizeBase400 },
  explanation: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500 },
  recorded: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    background: tokens.colorNeutralBackground3,
  },
});

/**
 * Patterns of systemic factors, on a board of SCIE's six-part typology. Prioritised patterns sit in their category;
 * those recorded but not prioritised stay visible below, so a different selection can be made later.
 */
export function PatternsScreen({ recordId }: { recordId?: string | undefined }) {
  const styles = useStyles();
  const { snapshot } = useReview();
  const navigation = useRecordNavigation('patterns');
  const board = useMemo(() => patternBoard(snapshot.patterns), [snapshot.patterns]);
  const current = recordId ? snapshot.patterns.find((pattern) => pattern.id === recordId) : undefined;
  const notPrioritised = board.filter((column) => column.notPrioritised.length > 0);
  const selectedCount = board.reduce((sum, column) => sum + column.selected.length, 0);

  return (
    <section aria-labelledby="screen-title" className={styles.screen}>
      <Title2 as="h1" id="screen-title">
        Patterns of systemic factors
      </Title2>
      <Text block className={styles.intro}>
        The underlying patterns behind good and problematic practice in the episodes, stated in non-case-specific language and organised by the six-part
        typology. Not every pattern can be covered: prioritise by how widespread it is beyond this case and its contemporary relevance. Every pattern stays
        recorded.
      </Text>

      {recordId && !current ? <RecordNotFound what="pattern" backHref={hrefOf(paths.section(snapshot.review.id, 'patterns'))} /> : null}

      <CreatePattern onCreated={(pattern) => navigation.open(pattern.id)} />

      <section aria-labelledby="board-heading" style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
        <h2 className={styles.h2} id="board-heading">
          Prioritised patterns, by typology category
        </h2>
        <Text role="status" size={200} data-testid="patterns-count">
          {selectedCount} prioritised; {snapshot.patterns.length - selectedCount} recorded, not prioritised
        </Text>
        <div className={styles.board} data-testid="pattern-board">
          {board.map((column) => (
            <section
              key={column.category.number}
              className={styles.column}
              aria-labelledby={`category-${column.category.number}`}
              data-category={column.category.number}
            >
              <h3 className={styles.columnTitle} id={`category-${column.category.number}`}>
                {column.category.number}. {column.category.title}
              </h3>
              <span className={styles.explanation}>{column.category.explanation}</span>
              {column.selected.length === 0 ? (
                <Text size={200}>No prioritised pattern.</Text>
              ) : (
                <ul className={styles.list}>
                  {column.selected.map((pattern) => (
                    <PatternCard key={pattern.id} pattern={pattern} href={navigation.href(pattern.id)} current={pattern.id === current?.id} recorded={false} />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      </section>

      <section aria-labelledby="recorded-heading" className={styles.recorded} data-testid="recorded-patterns">
        <h2 className={styles.h2} id="recorded-heading">
          Recorded, not prioritised
        </h2>
        <Text block className={styles.explanation}>
          Kept so that the basis of the selection stays open to view and a different selection can be made later.
        </Text>
        {notPrioritised.length === 0 ? <Text>None.</Text> : null}
        {notPrioritised.map((column) => (
          <div key={column.category.number} style={{ display: 'grid', gap: tokens.spacingVerticalXS }}>
            <h3 className={styles.columnTitle}>
              {column.category.number}. {column.category.title}
            </h3>
            <ul className={styles.list} style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))' }}>
              {column.notPrioritised.map((pattern) => (
                <PatternCard key={pattern.id} pattern={pattern} href={navigation.href(pattern.id)} current={pattern.id === current?.id} recorded />
              ))}
            </ul>
          </div>
        ))}
      </section>

      {current ? <PatternEditor key={current.id} pattern={current} onClose={navigation.close} /> : null}
    </section>
  );
}
