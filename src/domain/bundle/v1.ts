import { CONVERSATION_STEP_IDS, type ConversationStepId } from '../method/conversation-steps';
import type { FieldIssue } from '../failures';
import { formatIssuePath } from '../failures';

/**
 * Format version 1, the first bundles. Two things differ from version 2:
 *  - each conversation kept its step notes inside itself, as `notes: { "1": "…", "3a": "…" }`, and there was
 *    no `stepNotes` collection (version 2 makes each step's notes a record, so two facilitators can edit
 *    different steps without conflict);
 *  - a narrative entry's `source` was a string: "conversation:<id>", "document:<id>" or "reviewTeam".
 * The envelope had no `producer` or `fictional` fields. Everything else is the same as version 2.
 */
export const V1_FORMAT_VERSION = 1 as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface MigrationOutcome {
  /** The bundle in the next version's shape, as far as it could be carried over. */
  readonly bundle: Json;
  /** Problems in the old shape, with paths into the file as it was written. */
  readonly issues: readonly FieldIssue[];
}

/** Step notes made from a v1 conversation get ids derived from it, so migrating twice gives the same ids. */
export const migratedStepNoteId = (conversationId: string, step: ConversationStepId): string => `${conversationId}.step-${step}`;

const STAMP_KEYS = ['schemaVersion', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'reviewId'] as const;

/** Migrates a version 1 bundle to version 2. Pure; never throws on malformed input, it reports it. */
export function migrateV1ToV2(bundle: Json): MigrationOutcome {
  const issues: FieldIssue[] = [];
  const snapshot = bundle.snapshot;
  if (!isObject(snapshot)) return { bundle: { ...bundle, formatVersion: 2 }, issues };

  const stepNotes: Json[] = [];
  const conversations = Array.isArray(snapshot.conversations)
    ? snapshot.conversations.map((conversation: unknown, index) => {
        if (!isObject(conversation)) return conversation;
        const { notes, ...rest } = conversation;
        const path: PropertyKey[] = ['snapshot', 'conversations', index, 'notes'];
        if (notes === undefined) return rest;
        if (!isObject(notes)) {
          issues.push({ path: formatIssuePath(path), message: 'expected an object of step notes keyed by step ("1", "2", "3a" … "9")' });
          return rest;
        }
        // Notes are made in the method's step order, whatever order the keys were written in.
        for (const step of CONVERSATION_STEP_IDS) {
          if (!(step in notes)) continue;
          const text = notes[step];
          if (typeof text !== 'string') {
            issues.push({ path: formatIssuePath([...path, step]), message: 'expected the step’s notes as text' });
          } else if (typeof conversation.id === 'string') {
            stepNotes.push(stepNoteFrom(conversation, step, text));
          }
        }
        for (const key of Object.keys(notes).filter((candidate) => !(CONVERSATION_STEP_IDS as readonly string[]).includes(candidate))) {
          issues.push({ path: formatIssuePath([...path, key]), message: `expected one of the steps ${CONVERSATION_STEP_IDS.join(', ')}` });
        }
        return rest;
      })
    : snapshot.conversations;

  const narrative = Array.isArray(snapshot.narrative)
    ? snapshot.narrative.map((entry: unknown, index) => {
        if (!isObject(entry) || !('source' in entry)) return entry;
        const source = parseV1Source(entry.source);
        if (source === null) {
          issues.push({
            path: formatIssuePath(['snapshot', 'narrative', index, 'source']),
            message: 'expected "conversation:<id>", "document:<id>" or "reviewTeam"',
          });
          const { source: _dropped, ...rest } = entry;
          return rest;
        }
        return { ...entry, source };
      })
    : snapshot.narrative;

  return {
    bundle: { ...bundle, formatVersion: 2, snapshot: { ...snapshot, conversations, narrative, stepNotes } },
    issues,
  };
}

function stepNoteFrom(conversation: Json, step: ConversationStepId, text: string): Json {
  const note: Json = {};
  for (const key of STAMP_KEYS) if (key in conversation) note[key] = conversation[key];
  return {
    ...note,
    version: 1,
    id: migratedStepNoteId(conversation.id as string, step),
    conversationId: conversation.id,
    step,
    text,
    checked: [],
  };
}

function parseV1Source(source: unknown): Json | null {
  if (source === 'reviewTeam') return { kind: 'reviewTeam' };
  if (typeof source !== 'string') return null;
  const match = /^(conversation|document):(.+)$/.exec(source);
  if (!match) return null;
  const [, kind, id] = match;
  return kind === 'conversation' ? { kind: 'conversation', conversationId: id } : { kind: 'document', documentId: id };
}
