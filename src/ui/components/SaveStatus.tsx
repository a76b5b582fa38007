import { Badge, Text, tokens } from '@fluentui/react-components';
import type { SaveStatus as Status } from '../hooks/use-autosave';

const LABELS: Record<Status, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes…',
  saving: 'Saving…',
  queued: 'Kept on this device: not yet stored',
  invalid: 'Not saved: check the highlighted fields',
  conflict: 'Not saved: someone else changed this',
  failed: 'Not saved',
};

const COLOURS: Record<Status, 'success' | 'informative' | 'warning' | 'danger'> = {
  saved: 'success',
  unsaved: 'informative',
  saving: 'informative',
  queued: 'warning',
  invalid: 'warning',
  conflict: 'danger',
  failed: 'danger',
};

/** Says whether the edits on screen are stored. Announced politely to screen readers. */
export function SaveStatus({ status, message }: { status: Status; message?: string | null }) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-status={status}
      style={{ display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-end', maxWidth: '28rem' }}
    >
      <Badge appearance="tint" color={COLOURS[status]}>
        {LABELS[status]}
      </Badge>
      {message && status !== 'saved' ? (
        <Text size={200} style={{ textAlign: 'end' }}>
          {message}
        </Text>
      ) : null}
    </div>
  );
}
