// Teams meetings over the one Graph client: the meeting behind a join link (written once, used by the side panel's
// lookup and by transcripts), its transcripts, and the meeting index on the LSCB site.
import type { Failure } from '../../../domain/failures';
import { err, ok, type Result } from '../../../domain/result';
import type { MeetingTranscripts } from '../../../ports/meeting-transcripts';
import type { OnlineMeetingRef, OnlineMeetings } from '../../../ports/online-meetings';
import { failureFromOutcome, responseOf } from '../http/failures';
import type { GraphTransport } from '../http/transport';
import { itemQueryUrl, itemUrl, itemsUrl, queryString, selectedColumns } from '../http/urls';
import { odataString } from '../options';
import { CURRENT_SCHEMA_VERSION, MEETING_INDEX_LIST } from '../schema/lists';
import { asStoredItem } from '../sites/register';

interface GraphOnlineMeeting {
  readonly id?: unknown;
  readonly joinWebUrl?: unknown;
  readonly chatInfo?: { readonly threadId?: unknown } | null;
}

/** `GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'` (OnlineMeetings.Read): the one place this lookup is written. */
export async function findOnlineMeeting(client: GraphTransport, joinWebUrl: string): Promise<Result<OnlineMeetingRef | null, Failure>> {
  const sent = await client.send({ method: 'GET', url: `/me/onlineMeetings${queryString([['$filter', `JoinWebUrl eq ${odataString(joinWebUrl)}`]])}` });
  const response = responseOf(sent);
  if (response?.status === 404) return ok(null);
  if (response?.status !== 200) return err(failureFromOutcome(sent, 'Finding the Teams meeting'));
  const first = (response.body as { value?: readonly GraphOnlineMeeting[] } | null)?.value?.[0];
  if (!first || typeof first.id !== 'string' || typeof first.joinWebUrl !== 'string') return ok(null);
  const threadId = first.chatInfo?.threadId;
  return ok({ id: first.id, joinWebUrl: first.joinWebUrl, chatThreadId: typeof threadId === 'string' ? threadId : null });
}

export function graphOnlineMeetingsOver(client: GraphTransport): OnlineMeetings {
  return { findByJoinUrl: (joinWebUrl) => findOnlineMeeting(client, joinWebUrl) };
}

const TRANSCRIPTS = 'meeting transcripts';

/**
 * MeetingTranscripts (OnlineMeetingTranscript.Read.All): the meeting from its link, its latest transcript, then
 * `…/content?$format=text/vtt`. A 403 means the tenant has turned Graph access to transcripts off.
 */
export function graphMeetingTranscriptsOver(client: GraphTransport): MeetingTranscripts {
  const refused = (sent: Parameters<typeof failureFromOutcome>[0]): Failure => {
    const status = responseOf(sent)?.status;
    if (status === 403)
      return {
        kind: 'permissionDenied',
        what: TRANSCRIPTS,
        detail: 'your organisation has turned off access to meeting transcripts for apps (Graph answered 403)',
      };
    if (status === 404) return { kind: 'notFound', what: 'The Teams meeting', id: 'or its transcript' };
    return failureFromOutcome(sent, 'Microsoft Graph');
  };
  return {
    async fetchTranscript(joinUrl: string): Promise<Result<string, Failure>> {
      const meeting = await findOnlineMeeting(client, joinUrl);
      if (!meeting.ok) return meeting.error.kind === 'permissionDenied' ? err({ ...meeting.error, what: TRANSCRIPTS }) : meeting;
      if (meeting.value === null) return err({ kind: 'notFound', what: 'The Teams meeting', id: 'for this conversation' });
      const path = `/me/onlineMeetings/${encodeURIComponent(meeting.value.id)}/transcripts`;
      const listed = await client.send({ method: 'GET', url: path });
      if (responseOf(listed)?.status !== 200) return err(refused(listed));
      const transcripts = ((responseOf(listed)?.body as { value?: Array<{ id?: unknown; createdDateTime?: unknown }> } | null)?.value ?? []).filter(
        (transcript): transcript is { id: string; createdDateTime?: unknown } => typeof transcript.id === 'string',
      );
      const latest = [...transcripts].sort((a, b) => String(b.createdDateTime ?? '').localeCompare(String(a.createdDateTime ?? '')))[0];
      if (!latest) return err({ kind: 'notFound', what: 'A transcript', id: 'of this meeting' });
      const content = await client.send({
        method: 'GET',
        url: `${path}/${encodeURIComponent(latest.id)}/content${queryString([['$format', 'text/vtt']])}`,
        headers: { accept: 'text/vtt' },
        responseAs: 'text',
      });
      const body = responseOf(content);
      if (body?.status !== 200 || typeof body.body !== 'string') return err(refused(content));
      return ok(body.body);
    },
  };
}

// ---------------------------------------------------------------- the meeting index (LtMeetingIndex)

/** A stable 64-character key for a join link (links can be longer than a single-line column). */
export function meetingKey(joinUrl: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const text = joinUrl.trim();
  const parts: string[] = [];
  for (let round = 0; round < 8; round += 1) {
    for (let index = 0; index < text.length; index += 1) {
      a = Math.imul(a ^ text.charCodeAt(index), 0x01000193) >>> 0;
      b = Math.imul(b ^ (text.charCodeAt(index) + round), 0x5bd1e995) >>> 0;
    }
    // Unsigned: a negative part would print a '-' and make the key longer than its 64-character column.
    parts.push(((a ^ b) >>> 0).toString(16).padStart(8, '0'));
  }
  return parts.join('');
}

/** Classic join links carry the meeting chat's thread id in their path (…/meetup-join/19%3ameeting_…%40thread.v2/0…). */
export function threadOfLink(joinUrl: string): string | null {
  try {
    const match = /\/meetup-join\/([^/]+)\//.exec(decodeURIComponent(new URL(joinUrl).pathname));
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}

/** What an entry holds until its meeting chat is known (a short join link names no thread). */
const UNRESOLVED = 'unresolved';

export interface MeetingIndexEntry {
  readonly itemId: string;
  readonly joinUrl: string;
  readonly reviewId: string;
  readonly conversationId: string;
  readonly chatThreadId: string | null;
  readonly meetingKey: string;
}

function entriesOf(body: unknown): MeetingIndexEntry[] {
  const value = (body as { value?: unknown[] } | null)?.value ?? [];
  return value.flatMap((raw) => {
    const item = asStoredItem(raw);
    const fields = item?.fields;
    if (item === undefined || typeof fields?.reviewId !== 'string' || typeof fields.conversationId !== 'string' || typeof fields.meetingKey !== 'string')
      return [];
    const thread = typeof fields.chatThreadId === 'string' && fields.chatThreadId !== '' && fields.chatThreadId !== UNRESOLVED ? fields.chatThreadId : null;
    return [
      {
        itemId: item.itemId,
        joinUrl: typeof fields.joinUrl === 'string' ? fields.joinUrl : '',
        reviewId: fields.reviewId,
        conversationId: fields.conversationId,
        meetingKey: fields.meetingKey,
        chatThreadId: thread,
      },
    ];
  });
}

/** Reads and writes the meeting index on the LSCB site. A site set up before the index existed answers 404: callers fall back. */
export class MeetingIndex {
  constructor(
    private readonly client: GraphTransport,
    private readonly siteId: () => Promise<Result<string, Failure>>,
  ) {}

  private async query(filter: string): Promise<Result<MeetingIndexEntry[], Failure>> {
    const site = await this.siteId();
    if (!site.ok) return site;
    const sent = await this.client.send({
      method: 'GET',
      url: itemQueryUrl(site.value, MEETING_INDEX_LIST, { filter, columns: selectedColumns(MEETING_INDEX_LIST, CURRENT_SCHEMA_VERSION), top: 200 }),
    });
    const response = responseOf(sent);
    if (response?.status !== 200) return err(failureFromOutcome(sent, 'The meeting index'));
    return ok(entriesOf(response.body));
  }

  /** One request: the conversations indexed under a meeting chat's thread id. */
  byChatThread(chatThreadId: string): Promise<Result<MeetingIndexEntry[], Failure>> {
    return this.query(`fields/chatThreadId eq ${odataString(chatThreadId)}`);
  }

  /** Entries whose meeting chat is not known yet (short join links): resolved once, then written back. */
  withoutThread(): Promise<Result<MeetingIndexEntry[], Failure>> {
    return this.query(`fields/chatThreadId eq '${UNRESOLVED}'`);
  }

  /** Adds or moves the entry for a conversation's meeting link. */
  async put(entry: { reviewId: string; conversationId: string; joinUrl: string; chatThreadId: string | null }): Promise<Result<void, Failure>> {
    const site = await this.siteId();
    if (!site.ok) return site;
    const key = meetingKey(entry.joinUrl);
    const existing = await this.query(`fields/meetingKey eq ${odataString(key)}`);
    if (!existing.ok) return existing;
    const fields = {
      Title: entry.conversationId,
      meetingKey: key,
      chatThreadId: entry.chatThreadId ?? threadOfLink(entry.joinUrl) ?? UNRESOLVED,
      reviewId: entry.reviewId,
      conversationId: entry.conversationId,
      joinUrl: entry.joinUrl,
    };
    const current = existing.value[0];
    const sent =
      current === undefined
        ? await this.client.send({ method: 'POST', url: itemsUrl(site.value, MEETING_INDEX_LIST), json: { fields } })
        : await this.client.send({ method: 'PATCH', url: `${itemUrl(site.value, MEETING_INDEX_LIST, current.itemId)}/fields`, json: fields, idempotent: true });
    const status = responseOf(sent)?.status;
    // A create whose answer was lost is harmless here: the next put finds it by its key.
    return status === 200 || status === 201 || sent.kind === 'dropped' ? ok(undefined) : err(failureFromOutcome(sent, 'The meeting index'));
  }

  async setThread(entry: MeetingIndexEntry, chatThreadId: string): Promise<void> {
    const site = await this.siteId();
    if (!site.ok) return;
    await this.client.send({
      method: 'PATCH',
      url: `${itemUrl(site.value, MEETING_INDEX_LIST, entry.itemId)}/fields`,
      json: { chatThreadId },
      idempotent: true,
    });
  }
}
