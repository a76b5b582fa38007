import { Button, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';

/**
 * A deep link to a record that is not (or no longer) in this review: said plainly, with the way back to the list,
 * as a link (`backHref`) or, inside a list-and-detail pane, a button (`onBack`). One for every screen.
 */
export function RecordNotFound({ what, backHref, onBack }: { what: string } & ({ backHref: string; onBack?: undefined } | { onBack: () => void; backHref?: undefined })) {
  return (
    <MessageBar intent="warning" role="alert" layout="multiline">
      <MessageBarBody>
        This {what} could not be found in this review. It may have been removed by someone else.{' '}
        {backHref !== undefined ? (
          <Link href={backHref}>Show them all</Link>
        ) : (
          <Button size="small" onClick={onBack}>
            Back to the list
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
