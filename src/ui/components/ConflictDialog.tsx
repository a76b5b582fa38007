import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { keepBoth, type Conflict } from '../hooks/use-autosave';
import { STAMP_FIELDS, humaniseFieldPath, keepBothTexts, stableJson, valueAt, withValueAt, type FieldPath } from '../../domain/session/merge';

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return JSON.stringify(value, null, 1);
};

/** Fields whose values differ between the two versions, stamps aside. */
export function differingFields<T extends object>(conflict: Conflict<T>): string[] {
  const keys = new Set([...Object.keys(conflict.mine), ...Object.keys(conflict.theirs)]);
  return [...keys].filter(
    (key) =>
      !STAMP_FIELDS.has(key) &&
      stableJson((conflict.mine as Record<string, unknown>)[key]) !== stableJson((conflict.theirs as Record<string, unknown>)[key]),
  );
}

/** The paths the person must settle: those both sides changed, or (with no base known) every differing field. */
export function conflictingPaths<T extends object>(conflict: Conflict<T>): FieldPath[] {
  return conflict.fields && conflict.fields.length > 0 ? [...conflict.fields] : differingFields(conflict).map((field) => [field]);
}

/** Keep both: for text that differs, both texts; for anything else, this edit. Other fields combine by themselves. */
export function mergeKeepingBoth<T extends object>(conflict: Conflict<T>): T {
  return keepBoth(conflict, conflictingPaths(conflict));
}

const pathKey = (path: FieldPath): string => path.join('.');

/**
 * Shows both versions of a record someone else changed meanwhile, and lets the person keep both (editing the
 * combined text first if they like), keep theirs or keep their own. Nothing is overwritten until they choose.
 */
export function ConflictDialog<T extends object>({
  conflict,
  onResolve,
  fieldLabels = {},
}: {
  conflict: Conflict<T> | null;
  onResolve: (choice: 'mine' | 'theirs' | { merged: T }) => void;
  /** Words for field names, e.g. { realName: 'Real name' }; otherwise derived from the name. */
  fieldLabels?: Readonly<Record<string, string>>;
}) {
  if (!conflict) return null;
  return <ConflictDialogOpen conflict={conflict} onResolve={onResolve} fieldLabels={fieldLabels} />;
}

function ConflictDialogOpen<T extends object>({
  conflict,
  onResolve,
  fieldLabels,
}: {
  conflict: Conflict<T>;
  onResolve: (choice: 'mine' | 'theirs' | { merged: T }) => void;
  fieldLabels: Readonly<Record<string, string>>;
}) {
  const idPrefix = useId();
  const paths = conflictingPaths(conflict);
  const label = (path: FieldPath) => fieldLabels[pathKey(path)] ?? humaniseFieldPath(path);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      paths.flatMap((path) => {
        const mine = valueAt(conflict.mine, path);
        const theirs = valueAt(conflict.theirs, path);
        return typeof mine === 'string' && typeof theirs === 'string' ? [[pathKey(path), keepBothTexts(mine, theirs)]] : [];
      }),
    ),
  );
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const theirsBy = (conflict.theirs as { updatedBy?: string }).updatedBy ?? 'someone else';

  const combined = (): T => {
    let merged = mergeKeepingBoth(conflict);
    for (const path of paths) {
      const key = pathKey(path);
      if (key in texts) merged = withValueAt(merged, path, texts[key]);
      else if (choices[key] === 'theirs') merged = withValueAt(merged, path, valueAt(conflict.theirs, path));
    }
    return merged;
  };

  return (
    <Dialog open modalType="alert">
      <DialogSurface aria-describedby={`${idPrefix}-explanation`} data-testid="conflict-dialog" style={{ maxWidth: 'min(52rem, 95vw)' }}>
        <DialogBody>
          <DialogTitle>Two versions of this record</DialogTitle>
          <DialogContent style={{ display: 'grid', gap: tokens.spacingVerticalM }}>
            <Text id={`${idPrefix}-explanation`} block>
              {theirsBy} saved a change while you were editing. Nothing has been overwritten. Changes to other fields from both of you are
              already combined; choose what to keep where you both changed the same thing.
            </Text>
            <Table size="small" aria-label="Differences between the two versions">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Field</TableHeaderCell>
                  <TableHeaderCell>Your version</TableHeaderCell>
                  <TableHeaderCell>Their version</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {paths.map((path) => (
                  <TableRow key={pathKey(path)}>
                    <TableCell>{label(path)}</TableCell>
                    <TableCell data-testid={`conflict-mine-${pathKey(path)}`} style={{ whiteSpace: 'pre-wrap' }}>
                      {show(valueAt(conflict.mine, path))}
                    </TableCell>
                    <TableCell data-testid={`conflict-theirs-${pathKey(path)}`} style={{ whiteSpace: 'pre-wrap' }}>
                      {show(valueAt(conflict.theirs, path))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {paths.map((path) => {
              const key = pathKey(path);
              return key in texts ? (
                <Field key={key} label={`${label(path)}: both texts, to keep (you can edit this)`}>
                  <Textarea
                    value={texts[key]}
                    onChange={(_, data) => setTexts((current) => ({ ...current, [key]: data.value }))}
                    resize="vertical"
                    rows={4}
                    data-testid={`conflict-merged-${key}`}
                  />
                </Field>
              ) : (
                <Field key={key} label={`${label(path)}: which to keep`}>
                  <RadioGroup
                    value={choices[key] ?? 'mine'}
                    onChange={(_, data) => setChoices((current) => ({ ...current, [key]: data.value as 'mine' | 'theirs' }))}
                  >
                    <Radio value="mine" label={`Yours: ${show(valueAt(conflict.mine, path))}`} />
                    <Radio value="theirs" label={`Theirs: ${show(valueAt(conflict.theirs, path))}`} />
                  </RadioGroup>
                </Field>
              );
            })}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onResolve({ merged: combined() })}>
              Keep both
            </Button>
            <Button onClick={() => onResolve('mine')}>Keep mine</Button>
            <Button onClick={() => onResolve('theirs')}>Keep theirs</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
