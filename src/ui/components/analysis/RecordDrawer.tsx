import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  makeStyles,
  mergeClasses,
  tokens,
  type DrawerProps,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useFormStyles } from './form-styles';

const useStyles = makeStyles({
  status: { marginBottom: tokens.spacingVerticalM },
  body: { paddingBottom: tokens.spacingVerticalXXL },
});

/** The editor for one record, over the list it came from. Closing saves anything pending first. */
export function RecordDrawer({
  title,
  onClose,
  status,
  size = 'medium',
  children,
  testId,
}: {
  title: string;
  onClose: () => void;
  status?: ReactNode;
  size?: DrawerProps['size'];
  children: ReactNode;
  testId?: string;
}) {
  const styles = useStyles();
  const form = useFormStyles();
  return (
    <OverlayDrawer
      open
      position="end"
      size={size}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
      data-testid={testId}
      aria-label={title}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ as: 'h2' }}
          action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}
        >
          {title}
        </DrawerHeaderTitle>
        {status ? <div className={styles.status}>{status}</div> : null}
      </DrawerHeader>
      <DrawerBody>
        <div className={mergeClasses(form.form, styles.body)}>{children}</div>
      </DrawerBody>
    </OverlayDrawer>
  );
}
