import { Field, Input, Textarea } from '@fluentui/react-components';
import { episodeIssues } from '../../../domain/analysis';
import type { Episode } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { AddRecordDialog, useAddRecordForm } from '../../components/analysis/AddRecordDialog';
import { PeriodFields } from '../../kit/PeriodFields';
import { fieldState } from '../../kit/field-state';
import { useReview } from '../../review-context';

interface Draft {
  title: string;
  period: { from: string; to: string | null };
  description: string;
  significance: string;
}

const EMPTY: Draft = { title: '', period: { from: '', to: '' }, description: '', significance: '' };

/**
 * Record a key practice episode: what happened and its significance with hindsight. Judgement and factors follow
 * in the editor, which opens once it is added. An episode without a description is refused, with the reason.
 */
export function NewEpisode({ onClose, onAdded }: { onClose: () => void; onAdded: (episode: Episode) => void }) {
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const form = useAddRecordForm({
    initial: EMPTY,
    what: 'Key practice episode',
    check: (draft) => episodeIssues({ ...draft, factors: [] }, snapshot.review.periodUnderReview),
    kind: 'episode',
    save: (draft, id) =>
      service.addRecord(
        'episode',
        snapshot.review.id,
        { title: draft.title, period: draft.period, description: draft.description, significance: draft.significance },
        id,
      ),
    onAdded,
  });
  const { draft, edit, issues } = form;
  const warnings = form.attempted ? form.outcome.warnings : [];

  return (
    <AddRecordDialog
      title="Add a key practice episode"
      submitLabel="Add episode"
      messageTestId="add-episode-message"
      message={form.message}
      busy={form.busy}
      onSubmit={() => void form.submit()}
      onClose={onClose}
    >
      <Field label="Title" required {...fieldState(issues, warnings, 'title')}>
        <Input value={draft.title} onChange={(_, data) => edit({ title: data.value })} />
      </Field>
      <PeriodFields openEnded legend="When it happened" value={draft.period} onChange={(period) => edit({ period })} issues={issues} warnings={warnings} />
      <Field
        label="Description"
        required
        hint="What happened, keeping as close as possible to participants’ accounts."
        {...fieldState(issues, warnings, 'description')}
      >
        <Textarea resize="vertical" rows={4} value={draft.description} onChange={(_, data) => edit({ description: data.value })} />
      </Field>
      <Field label="Significance with hindsight">
        <Textarea resize="vertical" rows={3} value={draft.significance} onChange={(_, data) => edit({ significance: data.value })} />
      </Field>
    </AddRecordDialog>
  );
}
