import { Button, Title2 } from '@fluentui/react-components';
import { useLocation } from 'wouter';
import { paths } from '../routes';

/** Placeholder: the reviews list is built in the workspace issue. */
export function ReviewsScreen() {
  const [, navigate] = useLocation();
  return (
    <section aria-labelledby="screen-title">
      <Title2 as="h1" id="screen-title">
        Reviews
      </Title2>
      <Button appearance="primary" onClick={() => navigate(paths.newReview())}>
        New review
      </Button>
    </section>
  );
}
