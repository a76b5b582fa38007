import { Link, Text } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import { describePerspective, disputedBy, narrativeEntryIssues, type NarrativeEntryDraft } from '../../../domain/analysis';
import { NARRATIVE_KIND_LABELS } from '../../../domain/labels';
import type { NarrativeEntry } from '../../../domain/model';
import { RecordDrawer } from '../../components/analysis/RecordDrawer';
import { RemoveRecord } from '../../kit/RemoveRecord';
import { excerpt, formatPeriod } from '../../london-format';
import { useCheckedAutosave } from '../../components/analysis/use-checked-autosave';
import { useRecordNavigation } from '../../kit/use-record-navigation';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { useReview } from '../../review-context';
import { NarrativeFields, type NarrativeFieldsValue } from './NarrativeFields';
import { useNarrativeContext } from './narrative-context';

/** A stored entry as the form sees it: a judgement's placeholders become "not chosen" for other kinds. */
function toDraft(entry: NarrativeEntry): NarrativeFieldsValue {
  const isJudgement = entry.kind === 'reviewersJudgement';
  return {
    kind: entry.kind,
    perspective: !isJudgement && entry.perspective.of === 'reviewTeam' ? null : entry.perspective,
    source: !isJudgement && entry.source.kind === 'reviewTeam' ? null : entry.source,
    period: entry.period,
    text: entry.text,
    relatedEntryIds: entry.relatedEntryIds,
    involvesParticipantIds: entry.involvesParticipantIds,
    resolved: entry.resolved,
  };
}

function fromDraft(entry: NarrativeEntry, draft: NarrativeFieldsValue): NarrativeEntry {
  return {
    ...entry,
    kind: draft.kind,
    // "Not chosen" is held as the review team's placeholder; the rules refuse to store it for these kinds.
    perspective: draft.perspective ?? { of: 'reviewTeam' },
    source: draft.source ?? { kind: 'reviewTeam' },
    period: draft.period,
    text: draft.text,
    relatedEntryIds: [...draft.relatedEntryIds],
    involvesParticipantIds: [...draft.involvesParticipantIds],
    resolved: draft.resolved ?? entry.resolved,
  };
}

export function NarrativeEditor({ entry, onClose }: { entry: NarrativeEntry; onClose: () => void }) {
  const { snapshot } = useReview();
  const context = useNarrativeContext();
  const navigation = useRecordNavigation('narrative');
  const existing = useMemo(() => new Set(snapshot.narrative.map((item) => item.id as string)), [snapshot.narrative]);
  const reviewPeriod = snapshot.review.periodUnderReview;
  const check = useCallback(
    (candidate: NarrativeEntry) => narrativeEntryIssues(toDraft(candidate) as NarrativeEntryDraft, reviewPeriod, context, existing, candidate.id),
    [reviewPeriod, context, existing],
  );
  const saved = useCheckedAutosave('narrativeEntry', entry, check);
  const draft = toDraft(saved.draft);
  const disputes = disputedBy(entry.id, snapshot.narrative);
  const close = async () => {
    await saved.flush();
    onClose();
  };
  const title = `${NARRATIVE_KIND_LABELS[saved.draft.kind]}: ${describePerspective(saved.draft.perspective, context).title}`;

  return (
    <RecordDrawer title={title} onClose={() => void close()} status={<SaveStatus status={saved.status} message={saved.message} />} testId="narrative-editor">
      <NarrativeFields
        value={draft}
        onChange={(changes) => saved.update((form) => fromDraft(form, { ...toDraft(form), ...changes }))}
        issues={saved.issues}
        warnings={saved.warnings}
        ownId={entry.id}
      />
      {disputes.length > 0 ? (
        <div>
          <Text weight="semibold" block>
            Disputed by
          </Text>
          <ul>
            {disputes.map((other) => (
              <li key={other.id}>
                <Link href={navigation.href(other.id)}>
                  {describePerspective(other.perspective, context).title}, {formatPeriod(other.period)}: {excerpt(other.text, 60)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <RemoveRecord kind="narrativeEntry" record={entry} onRemoved={onClose} />
      <ConflictDialog conflict={saved.conflict} onResolve={saved.resolve} />
    </RecordDrawer>
  );
}
