import { Button, Text, tokens } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import type { CopiesHereAndInBundle } from '../../app/bundles';
import { describeFailure } from '../../app/failure-messages';
import type { ReviewId } from '../../domain/ids';
import { formatInstant } from '../london-format';
import { useAppServices } from '../app-services';
import { Notice } from './workspace/ScreenParts';

/** Bundles of real reviews hold real names: say so wherever one is made. */
const CONFIDENTIAL = 'A review bundle holds everything in the review, real names included: keep it as confidential as the review.';

/** Download the whole review as a review bundle (a versioned JSON file). The export is recorded in the audit trail. */
export function ExportBundleButton({ reviewId }: { reviewId: ReviewId }) {
  const { bundles } = useAppServices();
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  if (!bundles) return null;
  const exportNow = async () => {
    const exported = await bundles.exportBundle(reviewId);
    if (!exported.ok) {
      setMessage({ intent: 'error', text: describeFailure(exported.error) });
      return;
    }
    const url = URL.createObjectURL(new Blob([exported.value.text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = exported.value.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ intent: 'success', text: `Saved as ${exported.value.fileName}. ${CONFIDENTIAL}` });
  };
  return (
    <div style={{ display: 'grid', gap: tokens.spacingVerticalXS }}>
      <div>
        <Button onClick={() => void exportNow()} data-testid="export-bundle">
          Export review bundle
        </Button>
      </div>
      {message ? (
        <div role="status" data-testid="export-message">
          <Notice intent={message.intent}>{message.text}</Notice>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Import a review bundle file: everything is checked first and written all or nothing, so a bad file changes nothing.
 * A review that is already here is replaced only when the person says so, after being told which copy was changed
 * last and what differs; the bundle's copy can also be imported beside it, as a review of its own.
 */
export function ImportBundleButton({ onImported }: { onImported: (reviewId: string) => void }) {
  const { bundles } = useAppServices();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pendingReplace, setPendingReplace] = useState<{ text: string; codename: string; compared: CopiesHereAndInBundle | null } | null>(null);
  if (!bundles) return null;

  const importText = async (text: string, replace: boolean | 'asCopy') => {
    const imported = replace === 'asCopy' ? await bundles.importBundleAsCopy(text) : await bundles.importBundle(text, { replace });
    if (imported.ok) {
      setProblem(null);
      setPendingReplace(null);
      onImported(imported.value.summary.id);
      return;
    }
    if (imported.error.kind === 'alreadyExists') {
      const compared = await bundles.compareWithHere(text);
      setPendingReplace({ text, codename: compared.ok ? compared.value.codename : imported.error.id, compared: compared.ok ? compared.value : null });
      return;
    }
    setProblem(describeFailure(imported.error));
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > 50 * 1024 * 1024) {
      setProblem(`${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; a review bundle is at most 50 MB.`);
      return;
    }
    await importText(await file.text(), false);
  };

  return (
    <div style={{ display: 'grid', gap: tokens.spacingVerticalXS }}>
      <input ref={input} type="file" accept=".json,application/json" aria-label="Review bundle file" data-testid="import-bundle-file" hidden onChange={(event) => void onFile(event)} />
      <div>
        <Button onClick={() => input.current?.click()} data-testid="import-bundle">
          Import a review bundle
        </Button>
      </div>
      {problem ? (
        <div role="alert" data-testid="import-problem">
          <Notice intent="error">{problem}</Notice>
        </div>
      ) : null}
      {pendingReplace ? (
        <div role="alert" data-testid="import-replace">
          <Notice intent="warning">
            <Text block>
              This bundle holds the review {pendingReplace.codename}, which is already here. Replacing it overwrites the review here with the
              bundle&apos;s copy; importing it as a copy keeps both.
            </Text>
            {pendingReplace.compared ? <CopiesCompared compared={pendingReplace.compared} /> : null}
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS }}>
              <Button onClick={() => void importText(pendingReplace.text, true)}>Replace the review here</Button>
              <Button onClick={() => void importText(pendingReplace.text, 'asCopy')}>Import as a copy</Button>
              <Button onClick={() => setPendingReplace(null)}>Keep the review here</Button>
            </div>
          </Notice>
        </div>
      ) : null}
    </div>
  );
}

/** Which copy was changed last, and what differs in counts between the copy here and the bundle's. */
function CopiesCompared({ compared }: { compared: CopiesHereAndInBundle }) {
  const newer =
    compared.newer === 'same'
      ? 'Both copies were last changed at the same moment.'
      : compared.newer === 'here'
        ? 'The copy here is newer: it was last changed after the bundle’s copy.'
        : 'The bundle’s copy is newer: it was last changed after the copy here.';
  return (
    <div data-testid="import-comparison" style={{ display: 'grid', gap: tokens.spacingVerticalXXS, marginTop: tokens.spacingVerticalXS }}>
      <Text block weight="semibold">
        {newer}
      </Text>
      <Text block size={200}>
        Here: last changed {formatInstant(compared.hereChangedAt)}. In the bundle: last changed {formatInstant(compared.incomingChangedAt)}.
      </Text>
      {compared.differences.length === 0 ? (
        <Text block size={200}>
          Both hold the same number of every kind of record (their contents may still differ).
        </Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL }} aria-label="What differs">
          {compared.differences.map((difference) => (
            <li key={difference.key}>
              <Text size={200}>
                {difference.what.charAt(0).toLocaleUpperCase('en-GB') + difference.what.slice(1)}: {difference.here} here, {difference.incoming} in the bundle
              </Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
