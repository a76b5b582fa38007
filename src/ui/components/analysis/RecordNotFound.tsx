import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';

/** A deep link to a record that is not (or no longer) in this review. */
export function RecordNotFound({ what, backHref }: { what: string; backHref: string }) {
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>
        This {what} could not be found in this review. It may have been removed by someone else. <Link href={backHref}>Show them all</Link>
      </MessageBarBody>
    </MessageBar>
  );
}
