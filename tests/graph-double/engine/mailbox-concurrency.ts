// Outlook's MailboxConcurrency limit inside $batch: Graph hands batch parts to Outlook four at a time, so a fifth
// part to the same mailbox that is not sequenced with dependsOn is answered 429 "Application is over its
// MailboxConcurrency limit." (json-batching; Microsoft Q&A 734143 and 1660054, see the README).

export const MAX_MAILBOX_REQUESTS_PER_BATCH = 4;
export const MAILBOX_CONCURRENCY_MESSAGE = 'Application is over its MailboxConcurrency limit.';

/** The mailbox an Outlook path addresses (`me/…` is the signed-in person's), or undefined for other workloads. */
export function mailboxOf(url: string, principalUserId: string): string | undefined {
  const path = url.replace(/^\//u, '').split('?')[0] ?? '';
  if (/^me\/(events|calendar|calendars|calendarView|messages|mailFolders|findMeetingTimes)(\/|$)/iu.test(path)) return principalUserId.toLowerCase();
  const user = /^users\/([^/]+)\/(events|calendar|calendars|calendarView|messages|mailFolders)(\/|$)/iu.exec(path);
  return user ? decodeURIComponent(user[1] ?? '').toLowerCase() : undefined;
}

/** The ids of the parts over the limit: parallel parts (no dependsOn) beyond the fourth to one mailbox. */
export function overMailboxLimit(
  parts: ReadonlyArray<{ readonly id: string; readonly url: string; readonly dependsOn: readonly string[] }>,
  principalUserId: string,
): Set<string> {
  const counts = new Map<string, number>();
  const over = new Set<string>();
  for (const part of parts) {
    if (part.dependsOn.length > 0) continue;
    const mailbox = mailboxOf(part.url, principalUserId);
    if (mailbox === undefined) continue;
    const count = (counts.get(mailbox) ?? 0) + 1;
    counts.set(mailbox, count);
    if (count > MAX_MAILBOX_REQUESTS_PER_BATCH) over.add(part.id.toLowerCase());
  }
  return over;
}
