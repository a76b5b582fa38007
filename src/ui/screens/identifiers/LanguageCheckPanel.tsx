import { Badge, Button, Field, Link, Text, Textarea, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { RECORD_SCHEMA_VERSION, type ChildRecordKind } from '../../../domain/model';
import { languageFindings, previewFindings, type LanguageFinding } from '../../../domain/language';
import { SECTION_OF_KIND } from '../../kit/RemoveRecord';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';

/**
 * The respectful-language check: wording that blames or judges with hindsight, why (in the method's terms) and what
 * to write instead. A warning, never a block. Without `segments` it checks the whole review and each flag can be kept
 * with a reason; with `segments` (a report preview) it lists what the preview says.
 */
export function LanguageCheckPanel({ segments }: { segments?: readonly { readonly location: string; readonly text: string }[] }) {
  if (segments) return <PreviewLanguage segments={segments} />;
  return <ReviewLanguage />;
}

function PreviewLanguage({ segments }: { segments: readonly { readonly location: string; readonly text: string }[] }) {
  const findings = useMemo(() => previewFindings(segments), [segments]);
  return (
    <section aria-label="Respectful language in this preview" data-testid="language-preview">
      <Text weight="semibold" block>
        Respectful language:{' '}
        {findings.length === 0 ? 'nothing to look at.' : `${findings.length} wording${findings.length === 1 ? '' : 's'} to look at (a warning only).`}
      </Text>
      <ul style={{ paddingLeft: tokens.spacingHorizontalL }}>
        {findings.map((finding, index) => (
          <li key={`${finding.location}-${finding.flag.start}-${index}`}>
            <Text>
              {finding.location}: “{finding.flag.found}”. {finding.flag.why} Try: {finding.flag.suggestion}.
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReviewLanguage() {
  const { snapshot } = useReview();
  const findings = useMemo(() => languageFindings(snapshot), [snapshot]);
  const open = findings.filter((finding) => finding.dismissal === null);
  const kept = findings.filter((finding) => finding.dismissal !== null);
  return (
    <section aria-labelledby="language-title" data-testid="language-panel" style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
      <h2 id="language-title" style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>
        Respectful language
      </h2>
      <Text>
        Wording that can read as blame or hindsight. The method speaks of good and problematic practice and asks how each situation looked at the time (SCIE,
        Learning Together). These are warnings: nothing is blocked. Change the wording, or keep it and say why.
      </Text>
      {open.length === 0 ? <Text data-testid="language-clear">Nothing to look at.</Text> : null}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalS }}>
        {open.map((finding) => (
          <FindingRow key={findingKey(finding)} finding={finding} />
        ))}
      </ul>
      {kept.length > 0 ? (
        <details data-testid="language-kept">
          <summary>
            {kept.length} wording{kept.length === 1 ? '' : 's'} kept with a reason
          </summary>
          <ul>
            {kept.map((finding) => (
              <li key={findingKey(finding)}>
                <Text>
                  {finding.text.where}: “{finding.flag.found}”. Kept because: {finding.dismissal?.reason}
                </Text>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

const findingKey = (finding: LanguageFinding): string =>
  `${finding.text.location.kind}/${finding.text.location.recordId}/${finding.text.location.field}/${finding.flag.start}`;

function FindingRow({ finding }: { finding: LanguageFinding }) {
  const { snapshot, session } = useReview();
  const [keeping, setKeeping] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const location = finding.text.location;
  const section = location.kind === 'review' ? 'overview' : SECTION_OF_KIND[location.kind as ChildRecordKind];
  const href = hrefOf(
    location.kind === 'review' ? paths.section(snapshot.review.id, 'overview') : paths.record(snapshot.review.id, section, location.recordId),
  );

  const keep = async () => {
    if (reason.trim() === '') {
      setProblem('Say why this wording stays, e.g. “the participant’s own words” or “significance with hindsight, as Appendix 4 asks”.');
      return;
    }
    if (busy) return;
    setBusy(true);
    const now = session.now();
    const actor = session.actor();
    const applied = await session.apply({
      type: 'addRecord',
      kind: 'languageDismissal',
      record: {
        schemaVersion: RECORD_SCHEMA_VERSION,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: actor,
        updatedBy: actor,
        reviewId: snapshot.review.id,
        id: session.newId('lang') as never,
        location,
        phrase: finding.flag.phrase,
        reason: reason.trim(),
      },
    });
    setBusy(false);
    if (!applied.ok) setProblem(describeFailure(applied.error));
  };

  return (
    <li
      data-testid="language-finding"
      style={{ border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS }}
    >
      <div style={{ display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' }}>
        <Badge appearance="tint" color={finding.flag.concern === 'blame' ? 'warning' : 'informative'}>
          {finding.flag.concern === 'blame' ? 'Blame' : 'Hindsight'}
        </Badge>
        <Link href={href}>{finding.text.where}</Link>
      </div>
      <Text block>
        “{finding.flag.found}” in: {finding.context}
      </Text>
      <Text block size={200}>
        {finding.flag.why}
      </Text>
      <Text block size={200}>
        Try: {finding.flag.suggestion}.
      </Text>
      {keeping ? (
        <div style={{ display: 'grid', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalXS }}>
          <Field label="Why keep this wording?" required validationMessage={problem ?? undefined} validationState={problem ? 'error' : 'none'}>
            <Textarea value={reason} onChange={(_, data) => setReason(data.value)} data-testid="language-reason" />
          </Field>
          <div style={{ display: 'flex', gap: tokens.spacingHorizontalS }}>
            <Button appearance="primary" onClick={() => void keep()} disabled={busy} data-testid="language-keep-confirm">
              Keep with this reason
            </Button>
            <Button onClick={() => setKeeping(false)}>Cancel</Button>
          </div>
        </div>
      ) : (
        <Button size="small" onClick={() => setKeeping(true)} data-testid="language-keep">
          Keep this wording…
        </Button>
      )}
    </li>
  );
}
