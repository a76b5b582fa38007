import { MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

// Screen furniture with no model behind it, so the first screen (the reviews list) can use it without pulling
// zod and the record schemas into the entry chunk. FormParts.tsx re-exports all of it.

/** The heading of a workspace screen, with its actions beside it. */
export function ScreenTitle({ title, children, id = 'screen-title' }: { title: string; children?: ReactNode; id?: string }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', marginBottom: tokens.spacingVerticalM }}>
      <h1 id={id} style={{ margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold }}>
        {title}
      </h1>
      <span style={{ flex: 1 }} />
      {children}
    </div>
  );
}

/** A plain notice: a refusal (error), a heads-up (warning) or information. */
export function Notice({ intent, children, testId }: { intent: 'error' | 'warning' | 'info' | 'success'; children: ReactNode; testId?: string }) {
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
