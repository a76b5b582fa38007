import { formatIssuePath, type FieldIssue } from '../failures';
import { RECORD_LABELS } from '../labels';
import { CHILD_RECORD_KINDS, COLLECTION_OF_KIND, type AnyChildRecord, type ReviewSnapshot } from '../model';

type Path = ReadonlyArray<string | number>;

/**
 * Checks that a review holds together: ids unique per kind, every record belongs to this review, and every
 * reference resolves within it. Runs on a snapshot that already passed schema validation.
 * Paths start at `root` (e.g. "snapshot") so they point into the file the person is looking at.
 */
export function checkIntegrity(snapshot: ReviewSnapshot, root: Path = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const at = (path: Path, message: string) => issues.push({ path: formatIssuePath([...root, ...path]), message });
  const reviewId = snapshot.review.id;

  const agencyIds = uniqueIds(snapshot.review.agencies, ['review', 'agencies'], 'agency', root, at);
  const ids = {
    teamMember: new Set<string>(),
    participant: new Set<string>(),
    document: new Set<string>(),
    conversation: new Set<string>(),
    narrativeEntry: new Set<string>(),
    episode: new Set<string>(),
    pattern: new Set<string>(),
    reportStage: new Set<string>(),
  };
  for (const kind of CHILD_RECORD_KINDS) {
    const collection = COLLECTION_OF_KIND[kind];
    const records = snapshot[collection] as AnyChildRecord[];
    const seen = uniqueIds(records, [collection], kindWords(kind), root, at);
    if (kind in ids) ids[kind as keyof typeof ids] = seen;
    records.forEach((record, index) => {
      if (record.reviewId !== reviewId) at([collection, index, 'reviewId'], `expected the review's id ${reviewId}, found ${record.reviewId}`);
    });
  }

  const expect = (known: ReadonlySet<string>, what: string) => (id: string | null, path: Path) => {
    if (id !== null && !known.has(id)) at(path, `no ${what} with id ${id} in this review`);
  };
  const agency = expect(agencyIds, 'agency');
  const teamMember = expect(ids.teamMember, 'team member');
  const participant = expect(ids.participant, 'participant');
  const document = expect(ids.document, 'document');
  const conversation = expect(ids.conversation, 'conversation');
  const narrativeEntry = expect(ids.narrativeEntry, 'narrative entry');
  const episode = expect(ids.episode, 'key practice episode');
  const pattern = expect(ids.pattern, 'pattern');
  const reportStage = expect(ids.reportStage, 'report stage');
  const each = (values: readonly string[], path: Path, check: (id: string, path: Path) => void) => values.forEach((id, index) => check(id, [...path, index]));

  snapshot.participants.forEach((record, index) => agency(record.agencyId, ['participants', index, 'agencyId']));
  snapshot.documents.forEach((record, index) => agency(record.agencyId, ['documents', index, 'agencyId']));

  snapshot.conversations.forEach((record, index) => {
    const path = ['conversations', index];
    participant(record.participantId, [...path, 'participantId']);
    teamMember(record.leadQuestionerId, [...path, 'leadQuestionerId']);
    teamMember(record.leadNoteTakerId, [...path, 'leadNoteTakerId']);
    uniqueIds(record.wentWell, [...path, 'wentWell'], 'item', root, at);
    uniqueIds(record.suggestedChanges, [...path, 'suggestedChanges'], 'item', root, at);
    for (const [speaker, who] of Object.entries(record.writtenRecord?.speakerMap ?? {})) {
      const speakerPath = [...path, 'writtenRecord', 'speakerMap', speaker];
      if (who.as === 'participant') participant(who.participantId, [...speakerPath, 'participantId']);
      if (who.as === 'teamMember') teamMember(who.teamMemberId, [...speakerPath, 'teamMemberId']);
    }
  });

  const stepsSeen = new Map<string, number>();
  snapshot.stepNotes.forEach((record, index) => {
    conversation(record.conversationId, ['stepNotes', index, 'conversationId']);
    const key = `${record.conversationId}\u0000${record.step}`;
    const first = stepsSeen.get(key);
    if (first !== undefined) {
      at(['stepNotes', index, 'step'], `conversation ${record.conversationId} already has notes for step ${record.step} (stepNotes[${first}])`);
    } else {
      stepsSeen.set(key, index);
    }
  });

  snapshot.narrative.forEach((record, index) => {
    const path = ['narrative', index];
    if (record.perspective.of === 'participant') participant(record.perspective.participantId, [...path, 'perspective', 'participantId']);
    if (record.perspective.of === 'agency') agency(record.perspective.agencyId, [...path, 'perspective', 'agencyId']);
    if (record.source.kind === 'conversation') conversation(record.source.conversationId, [...path, 'source', 'conversationId']);
    if (record.source.kind === 'document') document(record.source.documentId, [...path, 'source', 'documentId']);
    each(record.relatedEntryIds, [...path, 'relatedEntryIds'], narrativeEntry);
    each(record.involvesParticipantIds, [...path, 'involvesParticipantIds'], participant);
  });

  const factorTagsSeen = new Map<string, string>();
  snapshot.episodes.forEach((record, index) => {
    const path = ['episodes', index];
    each(record.narrativeEntryIds, [...path, 'narrativeEntryIds'], narrativeEntry);
    each(record.participantIds, [...path, 'participantIds'], participant);
    conversation(record.raisedInConversationId, [...path, 'raisedInConversationId']);
    record.factors.forEach((tag, tagIndex) => {
      const tagPath = formatIssuePath([...root, ...path, 'factors', tagIndex]);
      const first = factorTagsSeen.get(tag.id);
      if (first !== undefined) at([...path, 'factors', tagIndex, 'id'], `factor tag id ${tag.id} is already used at ${first}`);
      else factorTagsSeen.set(tag.id, tagPath);
    });
  });

  snapshot.patterns.forEach((record, index) => {
    each(record.episodeIds, ['patterns', index, 'episodeIds'], episode);
    each(record.narrativeEntryIds, ['patterns', index, 'narrativeEntryIds'], narrativeEntry);
  });
  snapshot.recommendations.forEach((record, index) => each(record.patternIds, ['recommendations', index, 'patternIds'], pattern));
  snapshot.comments.forEach((record, index) => {
    reportStage(record.reportStageId, ['comments', index, 'reportStageId']);
    participant(record.participantId, ['comments', index, 'participantId']);
  });
  snapshot.meetings.forEach((record, index) => {
    conversation(record.conversationId, ['meetings', index, 'conversationId']);
    reportStage(record.reportStageId, ['meetings', index, 'reportStageId']);
    teamMember(record.organiserId, ['meetings', index, 'organiserId']);
    record.attendees.forEach((attendee, attendeeIndex) => {
      if (attendee.as === 'teamMember') teamMember(attendee.teamMemberId, ['meetings', index, 'attendees', attendeeIndex, 'teamMemberId']);
      else participant(attendee.participantId, ['meetings', index, 'attendees', attendeeIndex, 'participantId']);
    });
  });
  snapshot.identifiers.forEach((record, index) => {
    if (record.refersTo.to === 'participant') participant(record.refersTo.participantId, ['identifiers', index, 'refersTo', 'participantId']);
    if (record.refersTo.to === 'agency') agency(record.refersTo.agencyId, ['identifiers', index, 'refersTo', 'agencyId']);
  });
  return issues;
}

const kindWords = (kind: keyof typeof RECORD_LABELS): string => RECORD_LABELS[kind].toLocaleLowerCase('en-GB');

/** Collects ids, reporting each repeat at its own path with where the id was first used. */
function uniqueIds(
  items: ReadonlyArray<{ readonly id: string }>,
  path: Path,
  what: string,
  root: Path,
  at: (path: Path, message: string) => void,
): Set<string> {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first !== undefined) at([...path, index, 'id'], `duplicate ${what} id ${item.id}: also used by ${formatIssuePath([...root, ...path, first])}`);
    else firstIndex.set(item.id, index);
  });
  return new Set(firstIndex.keys());
}
