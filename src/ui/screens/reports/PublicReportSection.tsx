import { Button, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { useAppServices } from '../../app-services';
import { useSubmissionId } from '../../components/workspace/RecordPanes';
import { Notice } from '../../components/workspace/FormParts';
import { useAutosave } from '../../hooks/use-autosave';
import { useReview } from '../../review-context';
import type { ReportStage } from '../../../domain/model';
import { DraftPublishing } from './DraftPublishing';

/**
 * The final public report: the final draft's structure rendered through the identifier register (roles for
 * professionals, pseudonyms for the family, no places). Publishing is blocked while the leak scan finds any identifier.
 */
export function PublicReportSection() {
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const [problem, setProblem] = useState<string | null>(null);
  const versions = snapshot.reportStages.filter((draft) => draft.stage === 'finalPublic').sort((a, b) => a.draftNumber - b.draftNumber);
  const versionId = useSubmissionId('reportStage');
  const add = async () => {
    const added = await service.addRecord(
      'reportStage',
      snapshot.review.id,
      { stage: 'finalPublic', draftNumber: versions.length + 1 },
      versionId.current(versions.length),
    );
    if (added.ok) versionId.done();
    setProblem(added.ok ? null : describeFailure(added.error));
  };
  return (
    <section
      aria-labelledby="stage-finalPublic-heading"
      data-testid="report-stage-finalPublic"
      style={{
        display: 'grid',
        gap: tokens.spacingVerticalM,
        padding: tokens.spacingHorizontalL,
        background: tokens.colorNeutralBackground1,
        borderRadius: tokens.borderRadiusMedium,
      }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' }}>
        <h2 id="stage-finalPublic-heading" style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
          Final public report
        </h2>
        <span style={{ flex: 1 }} />
        <Button onClick={() => void add()}>{versions.length === 0 ? 'Prepare the public report' : 'Prepare another version'}</Button>
      </div>
      <Text block>
        Produced from the review through the identifier register: professionals by their role, the family by pseudonyms, no places. The finished document is
        scanned for every registered identifier; it can be published only when the scan finds none.
      </Text>
      {problem ? <Notice intent="error">{problem}</Notice> : null}
      {versions.map((version) => (
        <PublicVersion key={version.id} version={version} />
      ))}
    </section>
  );
}

function PublicVersion({ version }: { version: ReportStage }) {
  const { draft, update } = useAutosave('reportStage', version);
  return (
    <article
      aria-label={`Public report, version ${draft.draftNumber}`}
      style={{ borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS }}
    >
      <h3 style={{ margin: 0, fontSize: tokens.fontSizeBase300 }}>Version {draft.draftNumber}</h3>
      <DraftPublishing draft={draft} update={update} />
    </article>
  );
}
