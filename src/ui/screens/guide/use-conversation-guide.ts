import { useMemo } from 'react';
import { ConversationGuide } from '../../../app/guide/conversation-guide';
import { useReviewSession } from '../../review-context';

/** The guide's use cases, as commands on the open review's session. */
export function useConversationGuide(): ConversationGuide {
  const session = useReviewSession();
  return useMemo(() => new ConversationGuide(session), [session]);
}
