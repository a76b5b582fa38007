/** The domain never reads the time itself; it is told. */
export interface Clock {
  /** Now, as an ISO 8601 instant in UTC. */
  now(): string;
}
