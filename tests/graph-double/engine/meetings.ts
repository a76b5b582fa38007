// Online meetings and transcripts: find a meeting by JoinWebUrl, list its transcripts and fetch
// their content as text/vtt. A tenant switch turns transcript access off (403).
import { SCOPES } from './auth';
import { GraphError } from './errors';
import { json, text, type JsonObject } from './http-helpers';
import type { EngineServices, RouteContext, RouteDefinition } from './routing';
import type { OnlineMeetingRecord, TranscriptRecord } from './state';

export const VTT_CONTENT_TYPE = 'text/vtt';

export function createOnlineMeeting(
  services: EngineServices,
  options: { organizerUserId: string; subject: string; start: Date; end: Date; attendeeAddresses: string[] },
): OnlineMeetingRecord {
  const threadId = `19:meeting_${Buffer.from(services.ids.hex(36), 'hex').toString('base64url')}@thread.v2`;
  const context = encodeURIComponent(JSON.stringify({ Tid: services.state.tenantId, Oid: options.organizerUserId }));
  const meeting: OnlineMeetingRecord = {
    // Graph's meeting ids are base64 of '1*<organiser>*0**<thread id>', hence ids starting 'MS'.
    id: Buffer.from(`1*${options.organizerUserId}*0**${threadId}`, 'utf8').toString('base64'),
    joinWebUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(threadId)}/0?context=${context}`,
    subject: options.subject,
    startDateTime: options.start,
    endDateTime: options.end,
    organizerUserId: options.organizerUserId,
    attendeeAddresses: options.attendeeAddresses,
    transcripts: [],
  };
  services.state.onlineMeetings.set(meeting.id, meeting);
  return meeting;
}

function canSee(context: RouteContext, meeting: OnlineMeetingRecord): boolean {
  if (meeting.organizerUserId === context.principal.userId) return true;
  const user = context.services.state.users.get(context.principal.userId);
  const addresses = [user?.mail, user?.userPrincipalName].filter((value): value is string => value !== undefined).map((value) => value.toLowerCase());
  return meeting.attendeeAddresses.some((address) => addresses.includes(address.toLowerCase()));
}

/** The thread id inside the meeting id ('1*<organiser>*0**<thread id>', base64). */
function threadIdOf(meeting: OnlineMeetingRecord): string {
  return Buffer.from(meeting.id, 'base64').toString('utf8').split('**')[1] ?? '';
}

function serializeMeeting(context: RouteContext, meeting: OnlineMeetingRecord): JsonObject {
  const organizer = context.services.state.users.get(meeting.organizerUserId);
  return {
    id: meeting.id,
    creationDateTime: meeting.startDateTime.toISOString(),
    startDateTime: meeting.startDateTime.toISOString(),
    endDateTime: meeting.endDateTime.toISOString(),
    joinWebUrl: meeting.joinWebUrl,
    // The meeting chat's thread: what a Teams tab's context calls chat.id (added for the host layer).
    chatInfo: { threadId: threadIdOf(meeting), messageId: '0', replyChainMessageId: null },
    subject: meeting.subject,
    participants: {
      organizer: { upn: organizer?.userPrincipalName ?? null, role: 'presenter', identity: { user: { id: meeting.organizerUserId, displayName: organizer?.displayName ?? null } } },
      attendees: meeting.attendeeAddresses.map((upn) => ({ upn, role: 'attendee' })),
    },
  };
}

function requireMeeting(context: RouteContext): OnlineMeetingRecord {
  const meeting = context.services.state.onlineMeetings.get(context.params.meetingId ?? '');
  if (meeting === undefined || !canSee(context, meeting)) throw new GraphError(404, 'NotFound', 'The online meeting was not found.');
  return meeting;
}

function requireTranscriptsEnabled(context: RouteContext): void {
  if (context.services.state.transcriptsDisabled) {
    throw new GraphError(403, 'GraphAccessToTranscriptsDisabled', 'Graph access to transcripts is disabled by the tenant admin.');
  }
}

function serializeTranscript(context: RouteContext, meeting: OnlineMeetingRecord, transcript: TranscriptRecord): JsonObject {
  return {
    id: transcript.id,
    meetingId: meeting.id,
    createdDateTime: transcript.createdDateTime.toISOString(),
    endDateTime: transcript.endDateTime.toISOString(),
    transcriptContentUrl: `${context.request.serviceRoot}/users/${meeting.organizerUserId}/onlineMeetings/${meeting.id}/transcripts/${transcript.id}/content`,
    meetingOrganizer: { application: null, device: null, user: { id: meeting.organizerUserId, displayName: null, userIdentityType: 'aadUser', tenantId: context.services.state.tenantId } },
  };
}

function requireTranscript(context: RouteContext, meeting: OnlineMeetingRecord): TranscriptRecord {
  const transcript = meeting.transcripts.find((candidate) => candidate.id === context.params.transcriptId);
  if (transcript === undefined) throw new GraphError(404, 'NotFound', 'The transcript was not found.');
  return transcript;
}

export const meetingRoutes: RouteDefinition[] = [
  {
    method: 'GET', pattern: 'me/onlineMeetings', scopes: SCOPES.onlineMeetingsRead, cost: 1, queryOptions: ['filter'],
    handle: (context) => {
      const filter = context.query.get('filter');
      const match = filter === undefined ? null : /^\s*JoinWebUrl\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
      if (match === null) {
        throw new GraphError(400, 'BadRequest', "Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}'.");
      }
      const joinWebUrl = (match[1] ?? '').replace(/''/g, "'");
      const value = [...context.services.state.onlineMeetings.values()]
        .filter((meeting) => meeting.joinWebUrl === joinWebUrl && canSee(context, meeting))
        .map((meeting) => serializeMeeting(context, meeting));
      return json(200, { '@odata.context': `${context.request.serviceRoot}/$metadata#users('${context.principal.userId}')/onlineMeetings`, value });
    },
  },
  {
    method: 'GET', pattern: 'me/onlineMeetings/:meetingId', scopes: SCOPES.onlineMeetingsRead, cost: 1,
    handle: (context) => json(200, serializeMeeting(context, requireMeeting(context))),
  },
  {
    method: 'GET', pattern: 'me/onlineMeetings/:meetingId/transcripts', scopes: SCOPES.transcriptsRead, cost: 2,
    handle: (context) => {
      requireTranscriptsEnabled(context);
      const meeting = requireMeeting(context);
      const value = meeting.transcripts.map((transcript) => serializeTranscript(context, meeting, transcript));
      return json(200, { '@odata.count': value.length, value });
    },
  },
  {
    method: 'GET', pattern: 'me/onlineMeetings/:meetingId/transcripts/:transcriptId', scopes: SCOPES.transcriptsRead, cost: 1,
    handle: (context) => {
      requireTranscriptsEnabled(context);
      const meeting = requireMeeting(context);
      return json(200, serializeTranscript(context, meeting, requireTranscript(context, meeting)));
    },
  },
  {
    method: 'GET', pattern: 'me/onlineMeetings/:meetingId/transcripts/:transcriptId/content', scopes: SCOPES.transcriptsRead, cost: 1, queryOptions: ['format'],
    handle: (context) => {
      requireTranscriptsEnabled(context);
      const meeting = requireMeeting(context);
      const transcript = requireTranscript(context, meeting);
      const format = context.query.get('format');
      if (format !== undefined && format !== VTT_CONTENT_TYPE) {
        // The docx format was retired on 31 May 2023; only WebVTT remains.
        throw new GraphError(400, 'BadRequest', `The transcript format '${format}' is not supported; use text/vtt.`);
      }
      return text(200, transcript.content, VTT_CONTENT_TYPE);
    },
  },
];
