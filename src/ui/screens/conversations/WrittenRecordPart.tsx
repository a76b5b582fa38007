import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import type { FieldIssue } from '../../../domain/failures';
import type { Conversation } from '../../../domain/model';
import { issueFor, validationProps } from '../../kit/field-state';
import { useWorkspaceStyles } from '../../components/workspace/RecordParts';
import { formatInstant } from '../../london-format';

export function WrittenRecordPart({
  draft,
  pasted,
  setPasted,
  userName,
  update,
  issues,
}: {
  draft: Conversation;
  pasted: string;
  setPasted: (text: string) => void;
  userName: string;
  update: (change: (current: Conversation) => Conversation) => void;
  issues: readonly FieldIssue[];
}) {
  const styles = useWorkspaceStyles();
  const record = draft.writtenRecord;
  if (record === null) {
    return (
      <div className={styles.form} data-testid="written-record">
        <Field label="Written record" hint="Paste the agreed notes of the conversation here. A transcript can be imported in the guide.">
          <Textarea value={pasted} onChange={(_, data) => setPasted(data.value)} resize="vertical" rows={4} data-testid="written-record-paste" />
        </Field>
        <div>
          <Button
            disabledFocusable={pasted.trim() === ''}
            onClick={() => {
              update((current) => ({
                ...current,
                writtenRecord: {
                  kind: 'notes',
                  text: pasted,
                  fileName: '',
                  cues: [],
                  speakerMap: {},
                  importedAt: new Date().toISOString(),
                  importedBy: userName,
                },
              }));
              setPasted('');
            }}
            data-testid="written-record-use"
          >
            Use as the written record
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className={styles.form} data-testid="written-record">
      <Text>
        {record.kind === 'notes' ? 'Notes' : `Transcript${record.fileName ? ` from ${record.fileName}` : ''}`} added {formatInstant(record.importedAt)} by{' '}
        {record.importedBy}.
      </Text>
      <Field label="Written record" {...validationProps(issueFor(issues, 'writtenRecord'))}>
        <Textarea
          value={record.text}
          readOnly={record.kind === 'transcript'}
          onChange={(_, data) =>
            update((current) => (current.writtenRecord ? { ...current, writtenRecord: { ...current.writtenRecord, text: data.value } } : current))
          }
          resize="vertical"
          rows={6}
          data-testid="written-record-text"
        />
      </Field>
      <div>
        <Button onClick={() => update((current) => ({ ...current, writtenRecord: null }))}>Remove the written record</Button>
      </div>
    </div>
  );
}
