import type { Failure } from '../domain/failures';
import type { ChannelRole } from '../domain/access/membership';
import type { Result } from '../domain/result';

/** A person who can open a review in Microsoft 365: a member of its private channel. */
export interface ChannelMember {
  /** The channel's own id for this membership (changing a role or removing names it). */
  readonly membershipId: string;
  readonly email: string;
  readonly displayName: string;
  /** Guests (people from outside the organisation) keep the role guest. */
  readonly role: ChannelRole | 'guest';
}

/**
 * Who can open a review: its private channel's members (Microsoft 365). Adding someone not yet in the LSCB's team
 * adds them to the team first. Only the channel's owners may make changes; the adapter reports a refusal as a failure.
 */
export interface ReviewChannelDirectory {
  members(reviewId: string): Promise<Result<readonly ChannelMember[], Failure>>;
  add(reviewId: string, person: { readonly email: string; readonly role: ChannelRole }): Promise<Result<ChannelMember, Failure>>;
  setRole(reviewId: string, membershipId: string, role: ChannelRole): Promise<Result<void, Failure>>;
  remove(reviewId: string, membershipId: string): Promise<Result<void, Failure>>;
}
