import { Button, Field, Link, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { ProvisioningProgress, WorkspaceProvisioner, WorkspaceSetupReport } from '../../../ports/workspace-provisioner';
import { useAppServices } from '../../app-services';
import { Notice, ScreenTitle } from '../../components/workspace/FormParts';
import { hrefOf, paths } from '../../routes';

type SetupState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly progress: ProvisioningProgress | null; readonly done: readonly string[] }
  | { readonly status: 'finished'; readonly report: WorkspaceSetupReport; readonly done: readonly string[] }
  | { readonly status: 'failed'; readonly message: string; readonly done: readonly string[] };

/** Steps worth listing as they finish (the inspection and the closing summary are shown otherwise). */
const isListedStep = (progress: ProvisioningProgress): boolean => progress.step !== 'inspect' && progress.step !== 'done' && progress.step !== 'reviewSite';

/**
 * First run for an LSCB coordinator in Microsoft 365 mode: creates (or brings up to date) the SharePoint
 * lists the app keeps reviews in. Safe to run again: it never removes anything.
 */
export function ProvisioningScreen() {
  const { provisioner, mode } = useAppServices();
  return (
    <section aria-labelledby="setup-title" style={{ maxWidth: '48rem' }}>
      <ScreenTitle id="setup-title" title="Set up SharePoint for Learning Together" />
      {provisioner === undefined ? (
        <Notice intent="info" testId="setup-not-needed">
          {mode === 'standalone'
            ? 'No set-up is needed here: in standalone mode reviews are kept in this browser’s own storage.'
            : 'This app was started without SharePoint set-up. Ask the person who manages the app for your organisation to enable it.'}
        </Notice>
      ) : (
        <SetupRunner provisioner={provisioner} />
      )}
      <Text block style={{ marginTop: tokens.spacingVerticalL }}>
        <Link href={hrefOf(paths.reviews())}>Back to reviews</Link>
      </Text>
    </section>
  );
}

function SetupRunner({ provisioner }: { provisioner: WorkspaceProvisioner }) {
  const [state, setState] = useState<SetupState>({ status: 'idle' });
  const outcomeRef = useRef<HTMLDivElement>(null);

  const run = async () => {
    const done: string[] = [];
    setState({ status: 'running', progress: null, done });
    const result = await provisioner.provision((progress) => {
      if (isListedStep(progress)) done.push(progress.message);
      setState({ status: 'running', progress, done: [...done] });
    });
    setState(
      result.ok
        ? { status: 'finished', report: result.value, done: [...done] }
        : { status: 'failed', message: describeFailure(result.error), done: [...done] },
    );
    // Move focus to the outcome so a keyboard or screen-reader user hears how it went.
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  const running = state.status === 'running';
  const progress = state.status === 'running' ? state.progress : null;
  const fraction = progress !== null && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const done = state.status === 'idle' ? [] : state.done;

  return (
    <>
      <Text block style={{ marginBottom: tokens.spacingVerticalS }}>
        An LSCB coordinator runs this once, before the first review, and again after the app is updated. It creates the review
        register and the pooled learning list on the LSCB team’s SharePoint site, and brings each review’s own lists up to date.
      </Text>
      <Text block style={{ marginBottom: tokens.spacingVerticalM }}>
        It only ever adds lists, columns and indexes: nothing is removed or overwritten, and running it again changes nothing.
      </Text>
      <Button appearance="primary" onClick={() => void run()} disabledFocusable={running} data-testid="run-setup">
        {running ? 'Setting up…' : state.status === 'idle' ? 'Set up SharePoint' : 'Check again'}
      </Button>

      {running && (
        <Field
          label="Progress"
          validationMessage={progress?.message ?? 'Looking at what the site already has'}
          validationState="none"
          style={{ marginTop: tokens.spacingVerticalL }}
        >
          <ProgressBar value={fraction} max={1} thickness="large" data-testid="setup-progress" />
        </Field>
      )}

      <div ref={outcomeRef} tabIndex={-1} style={{ marginTop: tokens.spacingVerticalL, outlineOffset: '2px' }} data-testid="setup-outcome">
        {state.status === 'finished' && (
          <Notice intent="success" testId="setup-finished">
            {state.report.changes === 0
              ? `Everything was already in place (storage version ${state.report.schemaVersion}). Nothing was changed.`
              : `Set-up finished: ${state.report.changes} ${state.report.changes === 1 ? 'change' : 'changes'} made; storage version ${state.report.schemaVersion}.` +
                (state.report.reviewsUpgraded > 0 ? ` ${state.report.reviewsUpgraded} review workspace(s) brought up to date.` : '')}
          </Notice>
        )}
        {state.status === 'finished' && state.report.notes.length > 0 && (
          <div style={{ marginTop: tokens.spacingVerticalS }}>
            <Notice intent="warning" testId="setup-notes">
              <Text weight="semibold" block>
                To look at
              </Text>
              <ul style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL }}>
                {state.report.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </Notice>
          </div>
        )}
        {state.status === 'failed' && (
          <Notice intent="error" testId="setup-failed">
            {state.message} Anything already set up is kept; use “Check again” to carry on.
          </Notice>
        )}
      </div>

      {/* Polite live region: each finished step is announced without stealing focus. */}
      <section aria-labelledby="setup-steps-title" style={{ marginTop: tokens.spacingVerticalL }} hidden={done.length === 0}>
        <h2 id="setup-steps-title" style={{ fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS}` }}>
          Steps carried out
        </h2>
        <ol role="status" aria-live="polite" data-testid="setup-steps" style={{ margin: 0, paddingLeft: tokens.spacingHorizontalXL }}>
          {done.map((message, index) => (
            <li key={`${index}-${message}`}>{message}</li>
          ))}
        </ol>
      </section>
    </>
  );
}
