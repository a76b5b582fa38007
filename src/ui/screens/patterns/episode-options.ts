import { useMemo } from 'react';
import { NOT_YET_JUDGED, compareEpisodes } from '../../../domain/analysis';
import { ADEQUACY_LABELS } from '../../../domain/labels';
import type { Episode } from '../../../domain/model';
import type { ChecklistOption } from '../../components/analysis/ChecklistPicker';

/** The episodes a pattern can draw on, in episode order, each named with its judgement so like can be found with like. */
export function useEpisodeOptions(episodes: readonly Episode[]): readonly ChecklistOption[] {
  return useMemo(
    () =>
      [...episodes].sort(compareEpisodes).map((episode) => ({
        id: episode.id,
        label: `${episode.title} (${episode.judgement ? ADEQUACY_LABELS[episode.judgement] : NOT_YET_JUDGED})`,
        searchText: episode.description,
      })),
    [episodes],
  );
}
