import { Button, Text, tokens } from '@fluentui/react-components';
import { ShareScreenStart20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { describeFailure } from '../../app/failure-messages';
import { useAppServices } from '../app-services';

/**
 * "Share to the meeting stage", for the meeting side panel. Renders nothing outside a Teams meeting (the host
 * sets `shareToStage` only there). Drop it into the guide: `<ShareToStageButton reviewId={…} conversationId={…} />`.
 */
export function ShareToStageButton({ reviewId, conversationId }: { reviewId: string; conversationId: string }) {
  const { shareToStage } = useAppServices();
  const [state, setState] = useState<{ status: 'idle' | 'sharing' | 'shared' } | { status: 'failed'; message: string }>({ status: 'idle' });
  if (!shareToStage) return null;

  const share = async () => {
    setState({ status: 'sharing' });
    const shared = await shareToStage({ reviewId, conversationId });
    setState(shared.ok ? { status: 'shared' } : { status: 'failed', message: describeFailure(shared.error) });
  };

  return (
    <div style={{ display: 'grid', gap: tokens.spacingVerticalXS }}>
      <Button icon={<ShareScreenStart20Regular />} onClick={() => void share()} disabled={state.status === 'sharing'} data-testid="share-to-stage">
        Share the participant’s view to the stage
      </Button>
      <Text size={200} role="status" aria-live="polite">
        {state.status === 'shared' ? 'Shared to the meeting stage.' : state.status === 'failed' ? state.message : ''}
      </Text>
    </div>
  );
}
