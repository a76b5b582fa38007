import { Button, Field, ProgressBar, Text, Textarea, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { DOCX_MEDIA_TYPE, publishReport, renderDocument, reportFor } from '../../../app/reports/publish-report';
import type { Failure } from '../../../domain/failures';
import type { ReportStage } from '../../../domain/model';
import { stageOpening } from '../../../domain/report/dialogue';
import { formatCalendarDate, formatLondonDateTime, londonDateOf } from '../../../domain/time';
import { Notice } from '../../components/workspace/FormParts';
import { useReview } from '../../review-context';
import { ReportPreview } from './ReportPreview';
import { saveFile, useReportServices } from './use-report-services';

type Outcome = { kind: 'published'; destination: string; sha256: string } | { kind: 'failed'; failure: Failure } | null;

/**
 * One draft's document: preview it, download it as Word, and publish it to the review's participants (the private
 * channel, or this browser's archive), which records the publication and its SHA-256 in the audit trail.
 */
export function DraftPublishing({ draft, update }: { draft: ReportStage; update: (changes: Partial<ReportStage>) => void }) {
  const { snapshot, session } = useReview();
  const { reports, problem } = useReportServices();
  const [previewing, setPreviewing] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const isPublic = draft.stage === 'finalPublic';
  const model = useMemo(() => (previewing && reports ? reportFor(snapshot, draft, reports.checks) : null), [previewing, reports, snapshot, draft]);
  const opening = stageOpening(snapshot, draft.stage, londonDateOf(session.now()) ?? '');
  const busy = progress !== null;
  const prefix = `draft-${draft.id}`;

  const onProgress = (done: number, total: number) => setProgress(total === 0 ? 1 : done / total);

  const download = async () => {
    if (!reports || busy) return;
    setProgress(0);
    try {
      const document = await renderDocument(reportFor(session.getSnapshot(), draft, reports.checks), draft.draftNumber, reports.renderer, onProgress);
      saveFile(document.fileName, document.bytes, DOCX_MEDIA_TYPE);
    } finally {
      setProgress(null);
    }
  };

  const publish = async () => {
    if (!reports || busy) return;
    setProgress(0);
    setOutcome(null);
    try {
      const published = await publishReport(session, draft.id, reports, onProgress);
      setOutcome(
        published.ok
          ? { kind: 'published', destination: published.value.destination, sha256: published.value.document.sha256 }
          : { kind: 'failed', failure: published.error },
      );
    } finally {
      setProgress(null);
    }
  };

  const downloadPublished = async (location: string, fileName: string) => {
    if (!reports) return;
    if (/^https?:/u.test(location)) {
      window.open(location, '_blank', 'noopener');
      return;
    }
    const bytes = await reports.publisher.download(location);
    if (bytes.ok) saveFile(fileName, bytes.value, DOCX_MEDIA_TYPE);
    else setOutcome({ kind: 'failed', failure: bytes.error });
  };

  if (problem) return <Notice intent="error">{problem}</Notice>;
  return (
    <div data-testid={`${prefix}-document`} style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
      {!opening.open && opening.waitingFor ? (
        <>
          <Notice intent="warning">
            The {opening.waitingFor.title.toLowerCase()}'s comment window is open until {formatCalendarDate(opening.waitingFor.closesOn)}. The next stage opens
            when it closes; to share this report earlier, say why.
          </Notice>
          <Field label="Reason for starting this stage early">
            <Textarea data-testid={`${prefix}-early-reason`} value={draft.earlyStartReason} onChange={(_, data) => update({ earlyStartReason: data.value })} />
          </Field>
        </>
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' }}>
        <Button disabled={!reports} aria-expanded={previewing} onClick={() => setPreviewing((shown) => !shown)}>
          {previewing ? 'Hide the preview' : 'Preview the report'}
        </Button>
        <Button disabled={!reports || busy} onClick={() => void download()}>
          Download as Word
        </Button>
        <Button appearance="primary" disabled={!reports || busy} data-testid={`${prefix}-publish`} onClick={() => void publish()}>
          {isPublic ? 'Check and publish the public report' : 'Publish to participants'}
        </Button>
      </div>
      {busy ? <ProgressBar value={progress} aria-label="Preparing the Word document" /> : null}
      {outcome?.kind === 'published' ? (
        <Notice intent="success" testId={`${prefix}-published`}>
          Published to {outcome.destination}. The audit trail records it with the document's SHA-256 ({outcome.sha256.slice(0, 12)}…).
        </Notice>
      ) : null}
      {outcome?.kind === 'failed' ? <FailureNotice failure={outcome.failure} /> : null}
      {draft.publications.length > 0 ? (
        <div>
          <Text weight="semibold">Published versions</Text>
          <ul data-testid={`${prefix}-versions`} style={{ margin: 0 }}>
            {[...draft.publications].reverse().map((publication) => (
              <li key={`${publication.location}-${publication.at}`}>
                {formatLondonDateTime(publication.at)} by {publication.by}: {publication.fileName}{' '}
                <Button appearance="transparent" size="small" onClick={() => void downloadPublished(publication.location, publication.fileName)}>
                  Download this version
                </Button>
                <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
                  SHA-256 {publication.sha256.slice(0, 16)}…
                </Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {model ? <ReportPreview model={model} /> : null}
    </div>
  );
}

function FailureNotice({ failure }: { failure: Failure }) {
  return (
    <Notice intent="error" testId="publish-problem">
      {describeFailure(failure)}
    </Notice>
  );
}
