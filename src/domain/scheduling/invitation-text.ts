import type { Meeting, MeetingPurpose, ReviewSnapshot } from '../model';
import { formatLondonDateTime } from '../time';

/**
 * What an invitation and the letters say. The wording of the conversation paragraphs is SCIE's (Appendix 2 of
 * "Learning together to safeguard children", Fish, Munro and Bairstow, 2008), filled only with the review's own
 * details: its codename, the time and place, and the review team's names. Nothing about the case itself goes
 * into a calendar, which people outside the review may see.
 */

export const PURPOSE_TITLES: Record<MeetingPurpose, string> = {
  introductory: 'Introduction to systems analysis',
  conversation: 'One-to-one conversation',
  followUp: 'Follow-up conversation',
  groupMeeting: 'Group meeting',
};

const STAGE_MEETING_TITLES: Record<string, string> = {
  preliminary: 'Preliminary group meeting',
  interim: 'Interim group meeting',
  finalDraft: 'Closing group meeting',
};

/** The calendar title: the purpose and the codename, nothing else. */
export function meetingTitle(purpose: MeetingPurpose, codename: string, stageKind?: string): string {
  const what =
    purpose === 'groupMeeting' && stageKind !== undefined ? (STAGE_MEETING_TITLES[stageKind] ?? PURPOSE_TITLES.groupMeeting) : PURPOSE_TITLES[purpose];
  return `${what}: case review ${codename}`;
}

export const CONVERSATION_PURPOSE =
  'The main purpose of this conversation is to get your view of what was going on in and around this case, how you understood your role or the part you were playing and your perspective on what aspects of the whole system influenced you as a worker.';
export const CONVERSATION_SHARING =
  'It is also a chance for us to share with you something of our emerging overview of the case so that together we can begin to explore any differences between your own view and other accounts that we have been told. Discussing differences of opinion and judging the adequacy of people’s judgements and actions is not about criticising or blaming anyone: it is a necessary step in order that we can better understand what factors in the work environment support or hinder you in doing a good job.';
export const CONFIDENTIALITY =
  'What you and others tell us during this conversation is vital data. We will refer to it in our interim and final report, as well as various draft versions of the final report. Other participants will have the chance to read and discuss these reports, so we are asking everyone to keep them confidential within the group and not to share them with colleagues or managers who are not directly involved. We will not be using your name in either of the reports: we will need to identify you but only by your position, and in the public report there will not be any mention of geographic location. The family will be referred to by pseudonyms.';
export const RECORDING =
  'We are going to be recording our discussion in order to take data from it for analysis, but once that is done the recording will be destroyed.';
export const INTRODUCTION =
  'A systems approach concentrates not on judging people’s work. Instead, by taking account of the situation they were in, the tasks they were performing and the tools they were using, it focuses on understanding why someone acted in a certain way, and highlights what is working well and patterns of good practice.';
export const SCIE_CREDIT = 'Wording from SCIE, Learning together to safeguard children (Fish, Munro and Bairstow, 2008), Appendices 1 and 2.';

/** Where and when, as people read it. */
export function whenAndWhere(meeting: Pick<Meeting, 'start' | 'end' | 'online' | 'place'>): { when: string; where: string } {
  const when = `${formatLondonDateTime(meeting.start)} to ${formatLondonDateTime(meeting.end).split(' at ')[1] ?? formatLondonDateTime(meeting.end)}`;
  const where = meeting.online ? (meeting.place.trim() === '' ? 'Online' : `Online, or at ${meeting.place.trim()}`) : meeting.place.trim() || 'To be confirmed';
  return { when, where };
}

const teamNames = (meeting: Pick<Meeting, 'organiserId' | 'attendees'>, snapshot: ReviewSnapshot): string => {
  const ids = new Set([meeting.organiserId, ...meeting.attendees.flatMap((attendee) => (attendee.as === 'teamMember' ? [attendee.teamMemberId] : []))]);
  return snapshot.teamMembers
    .filter((member) => ids.has(member.id))
    .map((member) => member.name)
    .join(', ');
};

/** The invitation's body, as plain paragraphs: the same text in the Outlook event and in the .ics DESCRIPTION. */
export function invitationParagraphs(meeting: Meeting, snapshot: ReviewSnapshot): string[] {
  const { when, where } = whenAndWhere(meeting);
  const header = [`${meeting.title}.`, `When: ${when} (UK time).`, `Where: ${where}.`, `With: ${teamNames(meeting, snapshot)} (review team).`];
  switch (meeting.purpose) {
    case 'conversation':
    case 'followUp':
      return [...header, CONVERSATION_PURPOSE, CONVERSATION_SHARING, `Confidentiality. ${CONFIDENTIALITY}`, `Recording. ${RECORDING}`, SCIE_CREDIT];
    case 'introductory':
      return [...header, INTRODUCTION, SCIE_CREDIT];
    case 'groupMeeting':
      return [
        ...header,
        'A joint meeting of the review team and the people involved in the case, to discuss the draft report. The draft stays confidential within the group.',
      ];
  }
}
