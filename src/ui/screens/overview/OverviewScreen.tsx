import { Title2 } from '@fluentui/react-components';

/** Placeholder: built in its own issue. */
export function OverviewScreen({ recordId }: { recordId?: string | undefined }) {
  return (
    <section aria-labelledby="screen-title">
      <Title2 as="h1" id="screen-title">
        Overview
      </Title2>
      {recordId ? <p>Record {recordId}</p> : null}
    </section>
  );
}
