import { Button, Field, Input, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CapturedItemId } from '../../../domain/ids';
import type { CapturedItem } from '../../../domain/model';
import { useWorkspaceStyles } from '../../components/workspace/RecordParts';

export function CapturedList({
  legend,
  items,
  onChange,
  addLabel,
  testId,
}: {
  legend: string;
  items: readonly CapturedItem[];
  onChange: (items: CapturedItem[]) => void;
  addLabel: string;
  testId: string;
}) {
  const styles = useWorkspaceStyles();
  const [text, setText] = useState('');
  const add = () => {
    if (text.trim() === '') return;
    onChange([...items, { id: `cap-${crypto.randomUUID()}` as CapturedItemId, text: text.trim(), capturedAt: new Date().toISOString() }]);
    setText('');
  };
  return (
    <fieldset
      data-testid={testId}
      style={{
        border: `1px solid ${tokens.colorNeutralStroke2}`,
        borderRadius: tokens.borderRadiusMedium,
        padding: tokens.spacingHorizontalM,
        margin: 0,
        display: 'grid',
        gap: tokens.spacingVerticalS,
      }}
    >
      <legend style={{ fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` }}>{legend}</legend>
      {items.length === 0 ? <Text size={200}>None yet.</Text> : null}
      <ul style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalXS }}>
        {items.map((item, index) => (
          <li key={item.id} className={styles.row} style={{ alignItems: 'center' }}>
            <Input
              className={styles.grow}
              aria-label={`${legend}: item ${index + 1}`}
              value={item.text}
              onChange={(_, data) => onChange(items.map((other) => (other.id === item.id ? { ...other, text: data.value } : other)))}
            />
            <Button
              size="small"
              aria-label={`Remove item ${index + 1} from ${legend.toLocaleLowerCase('en-GB')}`}
              onClick={() => onChange(items.filter((other) => other.id !== item.id))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div className={styles.row} style={{ alignItems: 'flex-end' }}>
        <Field label={addLabel} className={styles.grow}>
          <Input
            value={text}
            onChange={(_, data) => setText(data.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
            data-testid={`${testId}-new`}
          />
        </Field>
        <Button onClick={add}>Add</Button>
      </div>
    </fieldset>
  );
}
