import type { ParticipantId, TeamMemberId } from '../ids';
import type { ReviewSnapshot, TeamRole } from '../model';
import { participantRoleOf, type AccessRole, type ParticipantRole } from './matrix';

/** The person a command is done by, in this review: a team member in a role, or a participant. */
export type Actor =
  | { readonly kind: 'team'; readonly role: TeamRole; readonly name: string; readonly teamMemberId: TeamMemberId | null }
  | { readonly kind: 'participant'; readonly role: ParticipantRole; readonly name: string; readonly participantId: ParticipantId };

export const roleOf = (actor: Actor): AccessRole => actor.role;

/** The actor when nobody has said otherwise (the CLI, tests, a session opened without a choice): the lead reviewer. */
export const leadReviewerActor = (name: string): Actor => ({ kind: 'team', role: 'leadReviewer', name, teamMemberId: null });

/** Who someone is acting as, by record: a team member's id, or a participant's. */
export type ActingAs = { readonly as: 'teamMember'; readonly id: string } | { readonly as: 'participant'; readonly id: string };

/** The actor for a choice of who to act as, or null when that person is no longer in the review. */
export function actorFor(snapshot: ReviewSnapshot, choice: ActingAs): Actor | null {
  if (choice.as === 'teamMember') {
    const member = snapshot.teamMembers.find((candidate) => candidate.id === choice.id);
    return member ? { kind: 'team', role: member.role, name: member.name, teamMemberId: member.id } : null;
  }
  const participant = snapshot.participants.find((candidate) => candidate.id === choice.id);
  return participant ? { kind: 'participant', role: participantRoleOf(participant.kind), name: participant.reportLabel, participantId: participant.id } : null;
}

/**
 * The signed-in person's actor in Microsoft 365 mode: the team member with their email address. Someone who can open
 * the review (SharePoint let them in) but is on no team list is the lead reviewer only while the review has no lead
 * reviewer with an email address yet (it is being set up) or the review is the fictional training case; otherwise an
 * observer, who can read but not change it.
 */
export function actorForSignedIn(snapshot: ReviewSnapshot, person: { readonly name: string; readonly email: string }): Actor {
  const email = person.email.trim().toLocaleLowerCase('en-GB');
  const member = email === '' ? undefined : snapshot.teamMembers.find((candidate) => candidate.email.toLocaleLowerCase('en-GB') === email);
  if (member) return { kind: 'team', role: member.role, name: person.name, teamMemberId: member.id };
  // The fictional training case is for practice: whoever opens it may try everything.
  const namedLead = !snapshot.review.fictional && snapshot.teamMembers.some((candidate) => candidate.role === 'leadReviewer' && candidate.email !== '');
  return { kind: 'team', role: namedLead ? 'observer' : 'leadReviewer', name: person.name, teamMemberId: null };
}
