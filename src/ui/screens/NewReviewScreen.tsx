import { Title2 } from '@fluentui/react-components';

/** Placeholder: the new-review form is built in the workspace issue. */
export function NewReviewScreen() {
  return (
    <Title2 as="h1" id="screen-title">
      New review
    </Title2>
  );
}
