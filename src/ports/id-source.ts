/** The domain never invents random ids itself; it asks. */
export interface IdSource {
  next(prefix: string): string;
}
