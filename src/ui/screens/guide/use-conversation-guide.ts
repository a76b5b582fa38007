import { useMemo } from 'react';
import { ConversationGuide } from '../../../app/guide/conversation-guide';
import { useAppServices } from '../../app-services';

/** The guide's use cases, over this app's review service. */
export function useConversationGuide(): ConversationGuide {
  const { service, userName } = useAppServices();
  return useMemo(
    () => new ConversationGuide({ service, now: () => new Date().toISOString(), newId: (prefix) => `${prefix}-${crypto.randomUUID()}`, actor: () => userName }),
    [service, userName],
  );
}
