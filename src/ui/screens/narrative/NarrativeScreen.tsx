import { Title2 } from '@fluentui/react-components';

/** Placeholder: built in its own issue. */
export function NarrativeScreen({ recordId }: { recordId?: string | undefined }) {
  return (
    <section aria-labelledby="screen-title">
      <Title2 as="h1" id="screen-title">
        Narrative of multi-agency perspectives
      </Title2>
      {recordId ? <p>Record {recordId}</p> : null}
    </section>
  );
}
