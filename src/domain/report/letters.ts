/**
 * SCIE's Appendix 1 (introductory letter for participants) and Appendix 2 (communication about the one-to-one
 * conversations), filled from the review: the introductory meeting's date and place, the month and time of each
 * participant's conversation, and the review team's names. Wording adapted from "Learning together to safeguard
 * children" (Fish, Munro and Bairstow, SCIE 2008); see SCIE_SOURCE.
 */
import { TEAM_ROLE_LABELS } from '../labels';
import type { Conversation, Participant, ReviewSnapshot } from '../model';
import { formatLondonDate, formatLondonDateTime } from '../time';

export type LetterKind = 'introductory' | 'conversation';

export interface Letter {
  readonly kind: LetterKind;
  readonly participantId: string;
  /** No name in the file name: a list of files must not identify anyone either. */
  readonly fileName: string;
  readonly title: string;
  readonly salutation: string;
  readonly sections: ReadonlyArray<{ readonly heading: string | null; readonly paragraphs: readonly string[] }>;
  readonly signOff: readonly string[];
}

const NOT_YET = 'to be confirmed';
const monthFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', month: 'long', year: 'numeric' });

function teamSignOff(snapshot: ReviewSnapshot): string[] {
  const team = snapshot.teamMembers.filter((member) => member.role !== 'observer');
  return ['All the best,', ...team.map((member) => `${member.name}, ${TEAM_ROLE_LABELS[member.role].toLowerCase()}`)];
}

function conversationOf(snapshot: ReviewSnapshot, participant: Participant): Conversation | undefined {
  return snapshot.conversations.find((conversation) => conversation.participantId === participant.id && conversation.status !== 'cancelled');
}

function whereAndHow(conversation: Conversation): string {
  if (conversation.mode === 'video') return 'by video call (the link comes with the invitation)';
  if (conversation.mode === 'telephone') return 'by telephone';
  return conversation.location ? `at ${conversation.location}` : 'at a place to be agreed with you';
}

export function introductoryLetter(snapshot: ReviewSnapshot, participant: Participant): Letter {
  const meeting = snapshot.meetings.find((candidate) => candidate.purpose === 'introductory' && candidate.status === 'scheduled');
  const lead = snapshot.teamMembers.find((member) => member.role === 'leadReviewer')?.name ?? 'the lead reviewer';
  const conversation = conversationOf(snapshot, participant);
  const month = conversation?.scheduledStart ? monthFormat.format(new Date(conversation.scheduledStart)) : 'the coming weeks';
  const when = meeting
    ? `On ${formatLondonDateTime(meeting.start)}${meeting.online ? ', online' : meeting.place ? `, at ${meeting.place}` : ''}`
    : `On a date ${NOT_YET}`;
  return {
    kind: 'introductory',
    participantId: participant.id,
    fileName: `introductory-letter-${participant.id}.docx`,
    title: 'Introductory letter for participants',
    salutation: `Dear ${participant.realName},`,
    sections: [
      {
        heading: null,
        paragraphs: [
          `Someone from your team or organisation may have spoken to you about the plan to conduct a case review (${snapshot.review.codename}). With this letter, we would like to give you a brief summary of the approach that is going to be taken and the role that we would like you to play.`,
        ],
      },
      {
        heading: 'The approach',
        paragraphs: [
          'In this case review we are going to use a method called systems analysis.',
          'A systems approach concentrates not on judging people’s work. Instead, by taking account of the situation they were in, the tasks they were performing and the tools they were using, it focuses on understanding why someone acted in a certain way: what factors in the system made their actions make sense to them at the time. Importantly, it also highlights what is working well and patterns of good practice.',
        ],
      },
      {
        heading: 'Your role',
        paragraphs: [
          'The experiences and perspectives of people like yourself, who were directly involved in this case, are central to a systems review. The review is very much a joint venture which we hope you will take an active part in. We would like to invite you to talk with us about the case on a number of occasions.',
        ],
      },
      {
        heading: 'Introduction to systems analysis',
        paragraphs: [
          `${when}, ${lead} will give an introduction to systems analysis. We then hope to discuss plans for using this method in this case, including one-to-one conversations with everyone involved.`,
        ],
      },
      {
        heading: 'One-to-one conversations',
        paragraphs: [
          `The purpose of this conversation is to understand how you saw the situation at the time, how you understood your role, and your perspective on what aspects of the whole system influenced you. We hope to arrange a time to talk one-to-one in ${month}. Conversations take up to one and a half hours.`,
        ],
      },
      {
        heading: 'Feedback meetings',
        paragraphs: [
          'A joint meeting of the review team and all the people involved in the case will be arranged after the individual conversations have taken place.',
        ],
      },
      {
        heading: 'Organisational backing',
        paragraphs: [
          'The use of the systems approach has the full backing of the local safeguarding children board and the agencies to which they are accountable. This process is not about blame or disciplinary action, but about open and transparent learning from practice, in order to improve inter-agency working. If serious malpractice were to emerge in the course of the review, disciplinary procedures would, of course, come into play.',
          'If you have any queries, please do not hesitate to contact one of us.',
        ],
      },
    ],
    signOff: teamSignOff(snapshot),
  };
}

export function conversationLetter(snapshot: ReviewSnapshot, participant: Participant): Letter {
  const conversation = conversationOf(snapshot, participant);
  const when = conversation?.scheduledStart
    ? `Your conversation is arranged for ${formatLondonDateTime(conversation.scheduledStart)}, ${whereAndHow(conversation)}, and will take up to ${conversation.durationMinutes} minutes.`
    : `We will be contacting you shortly to arrange a time to talk with you one-to-one about the case (date ${NOT_YET}).`;
  const facilitators = [conversation?.leadQuestionerId, conversation?.leadNoteTakerId]
    .map((id) => snapshot.teamMembers.find((member) => member.id === id)?.name)
    .filter((name): name is string => name !== undefined);
  return {
    kind: 'conversation',
    participantId: participant.id,
    fileName: `conversation-letter-${participant.id}.docx`,
    title: 'Your one-to-one conversation',
    salutation: `Dear ${participant.realName},`,
    sections: [
      {
        heading: 'One-to-one conversations',
        paragraphs: [
          when,
          ...(facilitators.length > 0 ? [`You will be talking with ${facilitators.join(' and ')}.`] : []),
          'The main purpose of this conversation is to get your view of what was going on in and around this case, how you understood your role or the part you were playing, and your perspective on what aspects of the whole system influenced you.',
          'It is also a chance for us to share something of our emerging overview of the case, so that together we can explore any differences between your view and other accounts. Discussing differences of opinion and the adequacy of judgements and actions is not about criticising or blaming anyone: it helps us understand what in the work environment supports or hinders people in doing a good job.',
        ],
      },
      {
        heading: 'Confidentiality',
        paragraphs: [
          'What you and others tell us is vital data. We will refer to it in our interim and final reports, and in draft versions of the final report. Other participants will read and discuss these reports, so we ask everyone to keep them confidential within the group and not to share them with colleagues or managers who are not directly involved.',
          'We will not use your name in the reports. We will identify you only by your position, and in the public report there will be no mention of geographic location. The family will be referred to by pseudonyms.',
          'We would like to record our conversation in order to take data from it for analysis; once that is done the recording will be destroyed.',
        ],
      },
    ],
    signOff: teamSignOff(snapshot),
  };
}

/** Both letters for every participant; the conversation letter only for those with a conversation planned or to arrange. */
export function lettersForReview(snapshot: ReviewSnapshot): Letter[] {
  return snapshot.participants.flatMap((participant) => [
    introductoryLetter(snapshot, participant),
    ...(conversationOf(snapshot, participant) ? [conversationLetter(snapshot, participant)] : []),
  ]);
}

export const lettersDate = (instant: string): string => formatLondonDate(instant);
