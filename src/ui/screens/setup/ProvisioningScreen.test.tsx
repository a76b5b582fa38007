// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Failure } from '../../../domain/failures';
import { err, ok, type Result } from '../../../domain/result';
import type { ProvisioningProgress, WorkspaceProvisioner, WorkspaceSetupReport } from '../../../ports/workspace-provisioner';
import { AppServicesProvider, type AppServices } from '../../app-services';
import { ProvisioningScreen } from './ProvisioningScreen';

afterEach(cleanup);

/** A provisioner the test drives step by step. */
function steppedProvisioner() {
  let report: ((progress: ProvisioningProgress) => void) | undefined;
  let finish: ((result: Result<WorkspaceSetupReport, Failure>) => void) | undefined;
  const provisioner: WorkspaceProvisioner = {
    provision: (onProgress) =>
      new Promise((resolve) => {
        report = onProgress;
        finish = resolve;
      }),
  };
  return {
    provisioner,
    step: (progress: ProvisioningProgress) => act(() => report?.(progress)),
    finish: async (result: Result<WorkspaceSetupReport, Failure>) => {
      await act(async () => finish?.(result));
    },
  };
}

function renderScreen(services: Partial<AppServices>) {
  const all = { mode: 'microsoft365', userName: 'Alex (fictional)', ...services } as AppServices;
  return render(
    <FluentProvider theme={webLightTheme}>
      <AppServicesProvider services={all}>
        <ProvisioningScreen />
      </AppServicesProvider>
    </FluentProvider>,
  );
}

describe('ProvisioningScreen', () => {
  it('says no set-up is needed in standalone mode', () => {
    renderScreen({ mode: 'standalone' });
    expect(screen.getByTestId('setup-not-needed').textContent).toContain('in standalone mode reviews are kept in this browser’s own storage');
    expect(screen.queryByTestId('run-setup')).toBeNull();
  });

  it('shows progress while setting up, lists each step, and reports the outcome', async () => {
    const stepped = steppedProvisioner();
    renderScreen({ provisioner: stepped.provisioner });
    fireEvent.click(screen.getByRole('button', { name: 'Set up SharePoint' }));
    expect(screen.getByRole('button', { name: 'Setting up…' })).toBeTruthy();
    stepped.step({ step: 'createList', done: 1, total: 4, message: 'LSCB team site: Create list LtReviewRegister' });
    stepped.step({ step: 'createList', done: 2, total: 4, message: 'LSCB team site: Create list LtPooledLearning' });
    expect(screen.getByTestId('setup-progress').getAttribute('aria-valuenow')).toBe('0.5');
    expect(screen.getByText('LSCB team site: Create list LtPooledLearning', { selector: '[role=status] li' })).toBeTruthy();
    await stepped.finish(ok({ schemaVersion: 2, changes: 4, reviewsUpgraded: 1, notes: ['Review Osprey could not be brought up to date (permissionDenied).'] }));
    expect(screen.getByTestId('setup-finished').textContent).toBe(
      'Set-up finished: 4 changes made; storage version 2. 1 review workspace(s) brought up to date.',
    );
    expect(screen.getByTestId('setup-notes').textContent).toContain('Review Osprey could not be brought up to date');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toContain('LSCB team site: Create list LtReviewRegister');
    expect(screen.queryByTestId('setup-progress')).toBeNull();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
  });

  it('says plainly when everything was already in place', async () => {
    const stepped = steppedProvisioner();
    renderScreen({ provisioner: stepped.provisioner });
    fireEvent.click(screen.getByTestId('run-setup'));
    await stepped.finish(ok({ schemaVersion: 2, changes: 0, reviewsUpgraded: 0, notes: [] }));
    expect(screen.getByTestId('setup-finished').textContent).toBe('Everything was already in place (storage version 2). Nothing was changed.');
  });

  it('explains a failure in words, keeping what was done', async () => {
    const stepped = steppedProvisioner();
    renderScreen({ provisioner: stepped.provisioner });
    fireEvent.click(screen.getByTestId('run-setup'));
    await stepped.finish(err({ kind: 'permissionDenied', what: 'Setting up SharePoint', detail: 'accessDenied: Sites.Manage.All is needed' }));
    expect(screen.getByTestId('setup-failed').textContent).toBe(
      'You do not have permission for Setting up SharePoint (accessDenied: Sites.Manage.All is needed). Ask the LSCB coordinator for access. Anything already set up is kept; use “Check again” to carry on.',
    );
  });
});
