import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { Conflict } from '../hooks/use-autosave';

const STAMP_FIELDS = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'schemaVersion']);

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value, null, 1));

/** Fields whose values differ between the two versions, stamps aside. */
export function differingFields<T extends object>(conflict: Conflict<T>): string[] {
  const keys = new Set([...Object.keys(conflict.mine), ...Object.keys(conflict.theirs)]);
  return [...keys].filter(
    (key) =>
      !STAMP_FIELDS.has(key) &&
      JSON.stringify((conflict.mine as Record<string, unknown>)[key]) !== JSON.stringify((conflict.theirs as Record<string, unknown>)[key]),
  );
}

/** Keep both: for text that differs, theirs then mine, marked; for anything else, mine. */
export function mergeKeepingBoth<T extends object>(conflict: Conflict<T>): T {
  const merged: Record<string, unknown> = { ...(conflict.theirs as Record<string, unknown>) };
  for (const key of differingFields(conflict)) {
    const mine = (conflict.mine as Record<string, unknown>)[key];
    const theirs = (conflict.theirs as Record<string, unknown>)[key];
    merged[key] =
      typeof mine === 'string' && typeof theirs === 'string'
        ? `${theirs}\n\n[Kept from the other edit]\n${mine}`
        : mine;
  }
  return merged as T;
}

export function ConflictDialog<T extends object>({
  conflict,
  onResolve,
}: {
  conflict: Conflict<T> | null;
  onResolve: (choice: 'mine' | 'theirs' | { merged: T }) => void;
}) {
  if (!conflict) return null;
  const fields = differingFields(conflict);
  const theirsBy = (conflict.theirs as { updatedBy?: string }).updatedBy ?? 'someone else';
  return (
    <Dialog open modalType="alert">
      <DialogSurface aria-describedby="conflict-explanation">
        <DialogBody>
          <DialogTitle>Two versions of this record</DialogTitle>
          <DialogContent>
            <Text id="conflict-explanation" block>
              {theirsBy} saved a change while you were editing. Nothing has been overwritten. Choose what to keep.
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
                {fields.map((field) => (
                  <TableRow key={field}>
                    <TableCell>{field}</TableCell>
                    <TableCell data-testid={`conflict-mine-${field}`}>{show((conflict.mine as Record<string, unknown>)[field])}</TableCell>
                    <TableCell data-testid={`conflict-theirs-${field}`}>{show((conflict.theirs as Record<string, unknown>)[field])}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onResolve({ merged: mergeKeepingBoth(conflict) })}>
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
