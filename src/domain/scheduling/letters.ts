import type { Meeting, Participant, ReviewSnapshot } from '../model';
import { formatLondonDate } from '../time';
import { CONFIDENTIALITY, CONVERSATION_PURPOSE, CONVERSATION_SHARING, INTRODUCTION, RECORDING, SCIE_CREDIT, whenAndWhere } from './invitation-text';

/**
 * The Appendix 1 introductory letter and the Appendix 2 communication about one-to-one conversations, with the
 * scheduled dates and places filled in: what a participant without a Microsoft 365 account receives (by post or
 * email) with the .ics file, instead of an invitation.
 */

const teamSignature = (snapshot: ReviewSnapshot): string =>
  snapshot.teamMembers
    .filter((member) => member.role === 'leadReviewer' || member.role === 'facilitator')
    .map((member) => member.name)
    .join(', ');

const scheduledOf = (snapshot: ReviewSnapshot, purpose: Meeting['purpose'], participantId?: string): Meeting | undefined =>
  snapshot.meetings
    .filter((meeting) => meeting.status === 'scheduled' && meeting.purpose === purpose)
    .filter(
      (meeting) =>
        participantId === undefined || meeting.attendees.some((attendee) => attendee.as === 'participant' && attendee.participantId === participantId),
    )
    .sort((a, b) => a.start.localeCompare(b.start))[0];

/** Appendix 1, with the introductory meeting's date and place and the conversation's month when they are known. */
export function introductoryLetter(snapshot: ReviewSnapshot, participant: Participant): string {
  const introduction = scheduledOf(snapshot, 'introductory');
  const conversation = scheduledOf(snapshot, 'conversation', participant.id);
  const intro = introduction ? whenAndWhere(introduction) : null;
  const organiser = introduction ? snapshot.teamMembers.find((member) => member.id === introduction.organiserId)?.name : undefined;
  return [
    `Dear ${participant.realName},`,
    `Someone from your team or organisation may have spoken to you about the plan to conduct the case review ${snapshot.review.codename}. With this letter, we would like to give you a brief summary of the approach that is going to be taken and the role that we would like you to play.`,
    'THE APPROACH',
    INTRODUCTION,
    'YOUR ROLE',
    'The experiences and perspectives of people like yourself, who were directly involved in this case, are central to a systems review. We would like to invite you to talk with us about the case on a number of different occasions.',
    'INTRODUCTION TO SYSTEMS ANALYSIS',
    intro
      ? `On ${intro.when}, at ${intro.where}, ${organiser ?? 'the review team'} will be giving an introduction to systems analysis.`
      : 'The date and place of the introduction to systems analysis will follow.',
    'ONE-TO-ONE CONVERSATIONS',
    `${CONVERSATION_PURPOSE} ${
      conversation ? `We hope to talk with you on ${formatLondonDate(conversation.start)}.` : 'We will contact you to arrange a time.'
    } Conversations will take up to one hour and a half.`,
    'FEEDBACK MEETINGS',
    'A joint meeting of the review team and all the people involved in the case will be arranged after the individual conversations have taken place.',
    'All the best,',
    teamSignature(snapshot),
    SCIE_CREDIT,
  ].join('\n\n');
}

/** Appendix 2, with this participant's conversation's date and place. */
export function conversationLetter(snapshot: ReviewSnapshot, participant: Participant, meeting: Meeting | undefined): string {
  const scheduled = meeting ?? scheduledOf(snapshot, 'conversation', participant.id);
  const at = scheduled ? whenAndWhere(scheduled) : null;
  return [
    `Dear ${participant.realName},`,
    'ONE-TO-ONE CONVERSATION',
    at
      ? `We would like to talk with you one-to-one about the case on ${at.when} (UK time). Where: ${at.where}.`
      : 'We will be contacting you shortly to arrange a time to talk with you one-to-one about the case.',
    CONVERSATION_PURPOSE,
    CONVERSATION_SHARING,
    'CONFIDENTIALITY',
    CONFIDENTIALITY,
    RECORDING,
    'All the best,',
    teamSignature(snapshot),
    SCIE_CREDIT,
  ].join('\n\n');
}
