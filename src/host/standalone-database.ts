/** The IndexedDB database standalone mode keeps its reviews in. */
export const STANDALONE_DATABASE = 'learning-together';

/** Whether the address opens the reviews list, the screen a quick list read serves (ADR 0852). */
export const opensReviewsList = (hash: string): boolean => hash === '' || hash === '#' || hash === '#/';
