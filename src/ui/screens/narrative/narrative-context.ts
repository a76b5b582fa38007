import { useMemo } from 'react';
import type { NarrativeContext, Perspective } from '../../../domain/analysis';
import { describePerspective } from '../../../domain/analysis';
import { asId } from '../../../domain/ids';
import type { NarrativeSource, ReviewSnapshot } from '../../../domain/model';
import { useReview } from '../../review-context';

export function narrativeContextOf(snapshot: ReviewSnapshot): NarrativeContext {
  return {
    agencies: snapshot.review.agencies,
    participants: snapshot.participants,
    conversations: snapshot.conversations,
    documents: snapshot.documents,
  };
}

export function useNarrativeContext(): NarrativeContext {
  const { snapshot } = useReview();
  return useMemo(() => narrativeContextOf(snapshot), [snapshot]);
}

/** Select values for a perspective: "participant:<id>" or "agency:<id>"; empty when none is chosen. */
export function perspectiveValue(perspective: Perspective | null): string {
  if (perspective === null) return '';
  switch (perspective.of) {
    case 'participant':
      return `participant:${perspective.participantId}`;
    case 'agency':
      return `agency:${perspective.agencyId}`;
    default:
      return '';
  }
}

export function perspectiveFromValue(value: string): Perspective | null {
  const [of, ...rest] = value.split(':');
  const id = rest.join(':');
  if (of === 'participant' && id) return { of: 'participant', participantId: asId(id) };
  if (of === 'agency' && id) return { of: 'agency', agencyId: asId(id) };
  return null;
}

export function sourceValue(source: NarrativeSource | null): string {
  if (source === null) return '';
  switch (source.kind) {
    case 'conversation':
      return `conversation:${source.conversationId}`;
    case 'document':
      return `document:${source.documentId}`;
    default:
      return '';
  }
}

export function sourceFromValue(value: string): NarrativeSource | null {
  const [kind, ...rest] = value.split(':');
  const id = rest.join(':');
  if (kind === 'conversation' && id) return { kind: 'conversation', conversationId: asId(id) };
  if (kind === 'document' && id) return { kind: 'document', documentId: asId(id) };
  return null;
}

/** "Social worker 1 (Social worker, Children's Social Care)" for pickers. */
export function perspectiveOptionLabel(perspective: Perspective, context: NarrativeContext): string {
  const described = describePerspective(perspective, context);
  return described.subtitle ? `${described.title} (${described.subtitle})` : described.title;
}
