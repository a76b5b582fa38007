// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import { AppServicesProvider, type AppServices } from '../app-services';
import { ShareToStageButton } from './ShareToStageButton';

afterEach(cleanup);

function renderButton(shareToStage?: AppServices['shareToStage']) {
  const services = { mode: 'microsoft365', userName: 'Alex (fictional)', ...(shareToStage ? { shareToStage } : {}) } as AppServices;
  return render(
    <FluentProvider theme={webLightTheme}>
      <AppServicesProvider services={services}>
        <ShareToStageButton reviewId="rev-1" conversationId="con-2" />
      </AppServicesProvider>
    </FluentProvider>,
  );
}

describe('share to the meeting stage', () => {
  it('is not offered outside a Teams meeting', () => {
    renderButton();
    expect(screen.queryByTestId('share-to-stage')).toBeNull();
  });

  it('shares this conversation’s stage view and says so', async () => {
    const shared: Array<{ reviewId: string; conversationId: string }> = [];
    renderButton((target) => {
      shared.push(target);
      return Promise.resolve(ok(undefined));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /share the participant’s view to the stage/i }));
    });
    expect(shared).toEqual([{ reviewId: 'rev-1', conversationId: 'con-2' }]);
    expect(screen.getByRole('status').textContent).toBe('Shared to the meeting stage.');
  });

  it('explains a refusal in words', async () => {
    const refused: Result<void, Failure> = err({ kind: 'permissionDenied', what: 'sharing to the meeting stage', detail: 'the meeting organiser has not allowed it' });
    renderButton(() => Promise.resolve(refused));
    await act(async () => {
      fireEvent.click(screen.getByTestId('share-to-stage'));
    });
    expect(screen.getByRole('status').textContent).toContain('You do not have permission for sharing to the meeting stage');
  });
});
