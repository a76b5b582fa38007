import { Button, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { lettersDate, lettersForReview } from '../../../domain/report/letters';
import { useReview } from '../../review-context';
import { saveFile, useReportServices } from './use-report-services';

/** SCIE's Appendix 1 and 2 letters for every participant, filled from the review, as Word files in one zip. */
export function LettersPanel() {
  const { snapshot, session } = useReview();
  const { reports } = useReportServices();
  const [progress, setProgress] = useState<number | null>(null);
  const letters = lettersForReview(snapshot);
  const download = async () => {
    if (!reports?.renderer.renderLetters || progress !== null) return;
    setProgress(0);
    try {
      const zip = await reports.renderer.renderLetters(lettersForReview(session.getSnapshot()), lettersDate(session.now()), (done, total) =>
        setProgress(done / total),
      );
      saveFile('participant-letters.zip', zip, 'application/zip');
    } finally {
      setProgress(null);
    }
  };
  return (
    <section aria-labelledby="letters-heading" style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
      <h2 id="letters-heading" style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
        Letters to participants
      </h2>
      <Text block>
        The introductory letter (SCIE Appendix 1) and the letter about the one-to-one conversation (Appendix 2) for each participant, filled with the
        introductory meeting, each conversation's date, time and place, and the review team's names: {letters.length} Word files in one zip.
      </Text>
      <div>
        <Button disabled={!reports?.renderer.renderLetters || progress !== null || letters.length === 0} onClick={() => void download()}>
          Download every participant's letters
        </Button>
      </div>
      {progress !== null ? <ProgressBar value={progress} aria-label="Preparing the letters" /> : null}
    </section>
  );
}
