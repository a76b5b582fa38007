import { useMemo, useSyncExternalStore } from 'react';
import { mayEver, type Actor, type Capability } from '../../../domain/access';
import { useAppServices } from '../../app-services';
import { useReviewSession } from '../../review-context';

const noChoices = () => () => undefined;

/** Who is acting in the open review (re-read when the review or, standalone, the "acting as" choice changes). */
export function useActor(): Actor {
  const session = useReviewSession();
  const { actingAs } = useAppServices();
  const reviewKey = useSyncExternalStore(session.subscribe, () => actorKey(session.access()));
  const choiceKey = useSyncExternalStore(actingAs?.subscribe ?? noChoices, () => JSON.stringify(actingAs?.get(session.reviewId) ?? null));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the keys say when the actor changed
  return useMemo(() => session.access(), [session, reviewKey, choiceKey]);
}

/** Whether the actor may ever do this here: what a screen asks before it shows a control. */
export function useMay(capability: Capability): boolean {
  return mayEver(useActor(), capability);
}

const actorKey = (actor: Actor): string => `${actor.kind}:${actor.role}:${actor.kind === 'team' ? actor.teamMemberId : actor.participantId}:${actor.name}`;
