// Outlook calendar: events with Teams meetings, update, organiser-only cancel, and getSchedule
// free/busy. Times travel as {dateTime, timeZone}; answers use Prefer: outlook.timezone or UTC.
import { SCOPES } from './auth';
import { GraphError, notModelled } from './errors';
import { header, isRecord, json, noContent, readJson, readJsonObject, type JsonObject } from './http-helpers';
import { createOnlineMeeting } from './meetings';
import type { EngineServices, RouteContext, RouteDefinition } from './routing';
import type { AttendeeRecord, EventRecord, UserRecord } from './state';
import { instantToLocal, localToInstant, preferredTimeZone, resolveTimeZone } from './time-zones';

export const MAX_SCHEDULES = 20;
export const MAX_SCHEDULE_RANGE_DAYS = 42;
const DAY_MS = 24 * 60 * 60 * 1000;

const EVENT_TYPE = 'microsoft.graph.event';
const UPDATABLE = [
  'subject', 'body', 'start', 'end', 'location', 'locations', 'attendees', 'isOnlineMeeting', 'onlineMeetingProvider', 'isAllDay',
  'showAs', 'sensitivity', 'importance', 'categories', 'isReminderOn', 'reminderMinutesBeforeStart', 'responseRequested',
  'hideAttendees', 'recurrence', 'allowNewTimeProposals',
];
/** Properties of microsoft.graph.event that clients may send but the service sets itself; accepted and ignored. */
const SERVICE_SET = [
  '@odata.type', '@odata.etag', 'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'iCalUId', 'organizer', 'isOrganizer',
  'isCancelled', 'webLink', 'onlineMeeting', 'onlineMeetingUrl', 'responseStatus', 'seriesMasterId', 'type', 'bodyPreview',
  'hasAttachments', 'originalStartTimeZone', 'originalEndTimeZone', 'isDraft', 'originalStart',
];

const outlookError = (status: number, code: string, message: string): GraphError => new GraphError(status, code, message);
const eventNotFound = (): GraphError => outlookError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

function checkProperties(body: JsonObject, allowTransactionId: boolean): void {
  for (const key of Object.keys(body)) {
    if (UPDATABLE.includes(key) || SERVICE_SET.includes(key) || (allowTransactionId && key === 'transactionId')) continue;
    throw outlookError(
      400,
      'RequestBodyRead',
      `The property '${key}' does not exist on type '${EVENT_TYPE}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    );
  }
}

function parseDateTimeTimeZone(value: unknown, property: string): { instant: Date; timeZone: string } {
  if (!isRecord(value) || typeof value.dateTime !== 'string' || typeof value.timeZone !== 'string') {
    throw outlookError(400, 'ErrorInvalidRequest', `${property} needs dateTime and timeZone.`);
  }
  const iana = resolveTimeZone(value.timeZone);
  if (iana === undefined) {
    throw outlookError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${value.timeZone}'.`);
  }
  const instant = localToInstant(value.dateTime, iana);
  if (instant === undefined) throw outlookError(400, 'ErrorInvalidRequest', `Cannot convert the literal '${value.dateTime}' to the expected type 'Edm.DateTimeOffset'.`);
  return { instant, timeZone: value.timeZone };
}

function parseAttendees(value: unknown): AttendeeRecord[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw outlookError(400, 'ErrorInvalidRequest', 'attendees must be an array.');
  return value.map((attendee) => {
    if (!isRecord(attendee) || !isRecord(attendee.emailAddress) || typeof attendee.emailAddress.address !== 'string') {
      throw outlookError(400, 'ErrorInvalidRequest', 'Each attendee needs emailAddress.address.');
    }
    const type = attendee.type === 'optional' || attendee.type === 'resource' ? attendee.type : 'required';
    const name = typeof attendee.emailAddress.name === 'string' ? attendee.emailAddress.name : attendee.emailAddress.address;
    return { address: attendee.emailAddress.address, name, type };
  });
}

interface ResponseZone {
  readonly label: string;
  readonly iana: string;
  readonly applied: boolean;
}

/** The zone for answers: Prefer: outlook.timezone when valid, otherwise UTC. */
function responseZone(context: RouteContext): ResponseZone {
  const preferred = preferredTimeZone(header(context.request, 'prefer'));
  const iana = preferred === undefined ? undefined : resolveTimeZone(preferred);
  if (preferred === undefined || iana === undefined) return { label: 'UTC', iana: 'UTC', applied: false };
  return { label: preferred, iana, applied: true };
}

function zoneHeaders(zone: ResponseZone): Record<string, string> {
  return zone.applied ? { 'preference-applied': `outlook.timezone="${zone.label}"` } : {};
}

function serializeEvent(services: EngineServices, event: EventRecord, zone: ResponseZone, serviceRoot: string): JsonObject {
  const organizer = services.state.users.get(event.organizerUserId);
  const isOrganizer = event.mailboxUserId === event.organizerUserId;
  return {
    '@odata.context': `${serviceRoot}/$metadata#users('${event.mailboxUserId}')/events/$entity`,
    '@odata.etag': `W/"${event.changeKey}"`,
    id: event.id,
    createdDateTime: event.createdDateTime.toISOString(),
    lastModifiedDateTime: event.lastModifiedDateTime.toISOString(),
    changeKey: event.changeKey,
    categories: event.categories,
    transactionId: event.transactionId,
    originalStartTimeZone: event.originalStartTimeZone,
    originalEndTimeZone: event.originalEndTimeZone,
    iCalUId: event.iCalUId,
    reminderMinutesBeforeStart: event.reminderMinutesBeforeStart,
    isReminderOn: event.isReminderOn,
    hasAttachments: false,
    subject: event.subject,
    bodyPreview: event.body.content.replace(/<[^>]*>/g, '').slice(0, 255),
    importance: event.importance,
    sensitivity: event.sensitivity,
    isAllDay: event.isAllDay,
    isCancelled: event.isCancelled,
    isOrganizer,
    responseRequested: event.responseRequested,
    seriesMasterId: null,
    showAs: event.showAs,
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: event.isOnlineMeeting,
    onlineMeetingProvider: event.onlineMeetingProvider,
    allowNewTimeProposals: event.allowNewTimeProposals,
    hideAttendees: event.hideAttendees,
    responseStatus: { response: isOrganizer ? 'organizer' : 'none', time: '0001-01-01T00:00:00Z' },
    body: event.body,
    start: { dateTime: instantToLocal(event.start, zone.iana), timeZone: zone.label },
    end: { dateTime: instantToLocal(event.end, zone.iana), timeZone: zone.label },
    location: { displayName: event.location.displayName, locationType: 'default', uniqueIdType: 'unknown' },
    locations: event.location.displayName === '' ? [] : [{ displayName: event.location.displayName, locationType: 'default', uniqueIdType: 'unknown' }],
    recurrence: null,
    attendees: event.attendees.map((attendee) => ({
      type: attendee.type,
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: attendee.name, address: attendee.address },
    })),
    organizer: { emailAddress: { name: organizer?.displayName ?? '', address: organizer?.mail ?? '' } },
    onlineMeeting: event.onlineMeeting,
  };
}

function requireOwnEvent(context: RouteContext): EventRecord {
  const event = context.services.state.events.get(context.params.eventId ?? '');
  if (event === undefined || event.mailboxUserId !== context.principal.userId) throw eventNotFound();
  return event;
}

function copiesOf(services: EngineServices, event: EventRecord): EventRecord[] {
  return [...services.state.events.values()].filter((candidate) => candidate.iCalUId === event.iCalUId && candidate.id !== event.id);
}

/** Applies updatable properties to an event record; shared by create and PATCH. */
function applyProperties(services: EngineServices, event: EventRecord, body: JsonObject, organizer: UserRecord): void {
  if (body.recurrence !== undefined && body.recurrence !== null) {
    throw notModelled('Recurring events');
  }
  if (typeof body.subject === 'string') event.subject = body.subject;
  if (isRecord(body.body)) {
    const contentType = String(body.body.contentType ?? 'text').toLowerCase() === 'html' ? 'html' : 'text';
    event.body = { contentType, content: typeof body.body.content === 'string' ? body.body.content : '' };
  }
  if (body.start !== undefined) {
    const start = parseDateTimeTimeZone(body.start, 'start');
    event.start = start.instant;
    event.originalStartTimeZone = start.timeZone;
  }
  if (body.end !== undefined) {
    const end = parseDateTimeTimeZone(body.end, 'end');
    event.end = end.instant;
    event.originalEndTimeZone = end.timeZone;
  }
  if (isRecord(body.location)) event.location = { displayName: typeof body.location.displayName === 'string' ? body.location.displayName : '' };
  if (body.attendees !== undefined) event.attendees = parseAttendees(body.attendees);
  if (typeof body.showAs === 'string') event.showAs = body.showAs;
  if (typeof body.sensitivity === 'string') event.sensitivity = body.sensitivity;
  if (typeof body.importance === 'string') event.importance = body.importance;
  if (Array.isArray(body.categories)) event.categories = body.categories.filter((category): category is string => typeof category === 'string');
  if (typeof body.isReminderOn === 'boolean') event.isReminderOn = body.isReminderOn;
  if (typeof body.reminderMinutesBeforeStart === 'number') event.reminderMinutesBeforeStart = body.reminderMinutesBeforeStart;
  if (typeof body.allowNewTimeProposals === 'boolean') event.allowNewTimeProposals = body.allowNewTimeProposals;
  if (typeof body.responseRequested === 'boolean') event.responseRequested = body.responseRequested;
  if (typeof body.hideAttendees === 'boolean') event.hideAttendees = body.hideAttendees;
  if (typeof body.isAllDay === 'boolean') event.isAllDay = body.isAllDay;
  if (typeof body.onlineMeetingProvider === 'string') event.onlineMeetingProvider = body.onlineMeetingProvider;
  if (typeof body.isOnlineMeeting === 'boolean') event.isOnlineMeeting = body.isOnlineMeeting;
  if (event.end < event.start) throw outlookError(400, 'ErrorInvalidRequest', 'The end of the event is before its start.');
  syncOnlineMeeting(services, event, organizer);
}

/** A Teams meeting is attached when the organiser asks for one and their calendar allows Teams. */
function syncOnlineMeeting(services: EngineServices, event: EventRecord, organizer: UserRecord): void {
  if (!event.isOnlineMeeting) {
    event.onlineMeeting = null;
    event.onlineMeetingProvider = 'unknown';
    return;
  }
  if (event.onlineMeetingProvider === 'unknown') event.onlineMeetingProvider = organizer.allowedOnlineMeetingProviders[0] ?? 'unknown';
  if (event.onlineMeetingProvider !== 'teamsForBusiness' || !organizer.allowedOnlineMeetingProviders.includes('teamsForBusiness')) {
    // Without an allowed Teams provider Outlook creates an ordinary event.
    event.isOnlineMeeting = false;
    event.onlineMeeting = null;
    return;
  }
  const attendeeAddresses = event.attendees.map((attendee) => attendee.address);
  const existing = event.onlineMeetingId === null ? undefined : services.state.onlineMeetings.get(event.onlineMeetingId);
  const meeting = existing ?? createOnlineMeeting(services, { organizerUserId: organizer.id, subject: event.subject, start: event.start, end: event.end, attendeeAddresses });
  Object.assign(meeting, { subject: event.subject, startDateTime: event.start, endDateTime: event.end, attendeeAddresses });
  event.onlineMeetingId = meeting.id;
  event.onlineMeeting ??= { joinUrl: meeting.joinWebUrl, conferenceId: services.ids.digits(9), tollNumber: '+44 20 7946 0000' };
}

function newEventRecord(services: EngineServices, mailboxUserId: string, organizerUserId: string, iCalUId: string, transactionId: string | null): EventRecord {
  const now = services.now();
  return {
    id: `AAMkA${services.ids.token(40)}=`,
    mailboxUserId, iCalUId, organizerUserId,
    subject: '', body: { contentType: 'html', content: '' },
    start: now, end: now, originalStartTimeZone: 'UTC', originalEndTimeZone: 'UTC', isAllDay: false,
    location: { displayName: '' }, attendees: [],
    isOnlineMeeting: false, onlineMeetingProvider: 'unknown', onlineMeeting: null, onlineMeetingId: null,
    showAs: 'busy', sensitivity: 'normal', importance: 'normal', categories: [],
    isReminderOn: true, reminderMinutesBeforeStart: 15, allowNewTimeProposals: true, responseRequested: true, hideAttendees: false,
    isCancelled: false, changeKey: services.ids.token(28), createdDateTime: now, lastModifiedDateTime: now, transactionId,
  };
}

/** Attendees who are users of the tenant get their own copy of the event, as Exchange delivers invitations. */
function syncAttendeeCopies(services: EngineServices, event: EventRecord): void {
  const copies = copiesOf(services, event);
  for (const attendee of event.attendees) {
    const user = services.state.findUser(attendee.address);
    if (user === undefined || user.id === event.organizerUserId) continue;
    const copy = copies.find((candidate) => candidate.mailboxUserId === user.id) ?? newEventRecord(services, user.id, event.organizerUserId, event.iCalUId, null);
    Object.assign(copy, {
      subject: event.subject, body: event.body, start: event.start, end: event.end,
      originalStartTimeZone: event.originalStartTimeZone, originalEndTimeZone: event.originalEndTimeZone, isAllDay: event.isAllDay,
      location: event.location, attendees: event.attendees, isOnlineMeeting: event.isOnlineMeeting,
      onlineMeetingProvider: event.onlineMeetingProvider, onlineMeeting: event.onlineMeeting, onlineMeetingId: event.onlineMeetingId,
      sensitivity: event.sensitivity, importance: event.importance, lastModifiedDateTime: event.lastModifiedDateTime,
      // An invitation not yet answered shows as tentative in the attendee's calendar.
      showAs: 'tentative', changeKey: services.ids.token(28),
    });
    services.state.events.set(copy.id, copy);
  }
}

function createEvent(context: RouteContext) {
  const { services } = context;
  const body = readJsonObject(context.request);
  checkProperties(body, true);
  if (body.start === undefined || body.end === undefined) throw outlookError(400, 'ErrorInvalidRequest', 'An event needs start and end.');
  const organizer = services.state.requireUser(context.principal.userId);
  const transactionId = typeof body.transactionId === 'string' ? body.transactionId : null;
  const zone = responseZone(context);
  if (transactionId !== null) {
    // A retried create with the same transactionId returns the event already made rather than a duplicate.
    const existing = [...services.state.events.values()].find((event) => event.mailboxUserId === organizer.id && event.transactionId === transactionId);
    if (existing !== undefined) return json(201, serializeEvent(services, existing, zone, context.request.serviceRoot), zoneHeaders(zone));
  }
  const event = newEventRecord(services, organizer.id, organizer.id, `040000008200E00074C5B7101A82E008${services.ids.hex(40).toUpperCase()}`, transactionId);
  applyProperties(services, event, body, organizer);
  services.state.events.set(event.id, event);
  syncAttendeeCopies(services, event);
  return json(201, serializeEvent(services, event, zone, context.request.serviceRoot), zoneHeaders(zone));
}

function updateEvent(context: RouteContext) {
  const { services } = context;
  const event = requireOwnEvent(context);
  const body = readJsonObject(context.request);
  checkProperties(body, false);
  const organizer = services.state.requireUser(event.organizerUserId);
  applyProperties(services, event, body, organizer);
  event.lastModifiedDateTime = services.now();
  event.changeKey = services.ids.token(28);
  if (event.mailboxUserId === event.organizerUserId) syncAttendeeCopies(services, event);
  const zone = responseZone(context);
  return json(200, serializeEvent(services, event, zone, context.request.serviceRoot), zoneHeaders(zone));
}

function cancelEvent(context: RouteContext) {
  const { services } = context;
  const event = requireOwnEvent(context);
  const body = readJson(context.request);
  if (body !== undefined && (!isRecord(body) || Object.keys(body).some((key) => key.toLowerCase() !== 'comment'))) {
    throw outlookError(400, 'RequestBodyRead', "The cancel action takes only an optional 'comment'.");
  }
  if (event.organizerUserId !== context.principal.userId) {
    throw outlookError(400, 'ErrorInvalidRequest', "Your request can't be completed. You need to be an organizer to cancel a meeting.");
  }
  for (const copy of copiesOf(services, event)) {
    copy.isCancelled = true;
    copy.subject = `Canceled: ${copy.subject}`;
    copy.showAs = 'free';
  }
  // The organiser's event moves to Deleted Items, so it is no longer in the calendar.
  services.state.events.delete(event.id);
  return noContent(202);
}

function deleteEvent(context: RouteContext) {
  const { services } = context;
  const event = requireOwnEvent(context);
  if (event.organizerUserId === context.principal.userId) {
    for (const copy of copiesOf(services, event)) {
      copy.isCancelled = true;
      copy.showAs = 'free';
    }
  }
  services.state.events.delete(event.id);
  return noContent();
}

const AVAILABILITY: Readonly<Record<string, number>> = { free: 0, tentative: 1, busy: 2, oof: 3, workingElsewhere: 0, unknown: 0 };

function getSchedule(context: RouteContext) {
  const { services } = context;
  const body = readJsonObject(context.request);
  const schedules = body.schedules;
  if (!Array.isArray(schedules) || schedules.length === 0 || !schedules.every((entry) => typeof entry === 'string')) {
    throw outlookError(400, 'ErrorInvalidParameter', 'schedules must be a non-empty array of SMTP addresses.');
  }
  if (schedules.length > MAX_SCHEDULES) throw outlookError(400, 'ErrorInvalidParameter', `At most ${MAX_SCHEDULES} schedules can be requested at once.`);
  const start = parseDateTimeTimeZone(body.startTime, 'startTime').instant;
  const end = parseDateTimeTimeZone(body.endTime, 'endTime').instant;
  if (end <= start) throw outlookError(400, 'ErrorInvalidParameter', 'endTime must be after startTime.');
  if (end.getTime() - start.getTime() >= MAX_SCHEDULE_RANGE_DAYS * DAY_MS) {
    throw outlookError(400, 'ErrorInvalidParameter', `The requested time range must be less than ${MAX_SCHEDULE_RANGE_DAYS} days.`);
  }
  const interval = body.availabilityViewInterval ?? 30;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 5 || interval > 1440) {
    throw outlookError(400, 'ErrorInvalidParameter', 'availabilityViewInterval must be between 5 and 1440 minutes.');
  }
  const zone = responseZone(context);
  const slotMs = interval * 60 * 1000;
  const slots = Math.ceil((end.getTime() - start.getTime()) / slotMs);
  const value = (schedules as string[]).map((address) => {
    const user = services.state.findUser(address);
    if (user === undefined) {
      return { scheduleId: address, availabilityView: '', scheduleItems: [], error: { message: `The user or group '${address}' could not be found.`, responseCode: 'ErrorMailRecipientNotFound' } };
    }
    const events = [...services.state.events.values()].filter(
      (event) => event.mailboxUserId === user.id && !event.isCancelled && event.start < end && event.end > start,
    );
    let view = '';
    for (let slot = 0; slot < slots; slot += 1) {
      const slotStart = start.getTime() + slot * slotMs;
      const slotEnd = slotStart + slotMs;
      const level = events
        .filter((event) => event.start.getTime() < slotEnd && event.end.getTime() > slotStart)
        .reduce((max, event) => Math.max(max, AVAILABILITY[event.showAs] ?? 2), 0);
      view += String(level);
    }
    return {
      scheduleId: address,
      availabilityView: view,
      scheduleItems: events.map((event) => ({
        isPrivate: event.sensitivity === 'private',
        status: event.showAs,
        subject: event.sensitivity === 'private' ? undefined : event.subject,
        location: event.sensitivity === 'private' ? undefined : event.location.displayName,
        start: { dateTime: instantToLocal(event.start, zone.iana), timeZone: zone.label },
        end: { dateTime: instantToLocal(event.end, zone.iana), timeZone: zone.label },
      })),
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: 'GMT Standard Time' },
      },
    };
  });
  return json(200, { '@odata.context': `${context.request.serviceRoot}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value }, zoneHeaders(zone));
}

export const calendarRoutes: RouteDefinition[] = [
  {
    method: 'GET', pattern: 'me/calendar', scopes: SCOPES.calendarsRead, cost: 1,
    handle: (context) => {
      const user = context.services.state.requireUser(context.principal.userId);
      return json(200, {
        id: `AAMkAGI2${user.id.replace(/-/g, '')}`,
        name: 'Calendar',
        color: 'auto',
        isDefaultCalendar: true,
        canEdit: true,
        canShare: true,
        canViewPrivateItems: true,
        owner: { name: user.displayName, address: user.mail },
        allowedOnlineMeetingProviders: user.allowedOnlineMeetingProviders,
        defaultOnlineMeetingProvider: user.allowedOnlineMeetingProviders[0] ?? 'unknown',
      });
    },
  },
  {
    method: 'GET', pattern: 'me/events', scopes: SCOPES.calendarsRead, cost: 2,
    handle: (context) => {
      const zone = responseZone(context);
      const value = [...context.services.state.events.values()]
        .filter((event) => event.mailboxUserId === context.principal.userId)
        .sort((a, b) => a.start.getTime() - b.start.getTime())
        .map((event) => serializeEvent(context.services, event, zone, context.request.serviceRoot));
      return json(200, { value }, zoneHeaders(zone));
    },
  },
  { method: 'POST', pattern: 'me/events', scopes: SCOPES.calendarsWrite, cost: 2, handle: createEvent },
  {
    method: 'GET', pattern: 'me/events/:eventId', scopes: SCOPES.calendarsRead, cost: 1,
    handle: (context) => {
      const zone = responseZone(context);
      return json(200, serializeEvent(context.services, requireOwnEvent(context), zone, context.request.serviceRoot), zoneHeaders(zone));
    },
  },
  { method: 'PATCH', pattern: 'me/events/:eventId', scopes: SCOPES.calendarsWrite, cost: 2, handle: updateEvent },
  { method: 'DELETE', pattern: 'me/events/:eventId', scopes: SCOPES.calendarsWrite, cost: 2, handle: deleteEvent },
  { method: 'POST', pattern: 'me/events/:eventId/cancel', scopes: SCOPES.calendarsWrite, cost: 2, handle: cancelEvent },
  { method: 'POST', pattern: 'me/calendar/getSchedule', scopes: SCOPES.schedule, cost: 2, handle: getSchedule },
];

