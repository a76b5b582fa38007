import { Title2 } from '@fluentui/react-components';

/** Placeholder: built in its own issue. */
export function GuideScreen({ recordId }: { recordId?: string | undefined }) {
  return (
    <section aria-labelledby="screen-title">
      <Title2 as="h1" id="screen-title">
        Conversation guide
      </Title2>
      {recordId ? <p>Record {recordId}</p> : null}
    </section>
  );
}
