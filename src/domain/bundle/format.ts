import { z } from 'zod';
import { ReviewSnapshotSchema, CHILD_RECORD_KINDS, COLLECTION_OF_KIND, type AnyChildRecord, type ReviewSnapshot } from '../model';
import { InstantSchema, LIMITS, optionalText, requiredText, type Instant } from '../primitives';

/**
 * A review bundle: one whole review as one versioned JSON file. It is the backup, the way a review moves
 * between standalone and Microsoft 365 mode, the CLI's input and the tests' fixture format.
 *
 * formatVersion is the version of this envelope and of the snapshot's layout; each record also carries its
 * own schemaVersion. Older formats are migrated on read (see ./v1.ts); newer ones are refused.
 */
export const BUNDLE_FORMAT = 'learning-together/review-bundle' as const;
export const CURRENT_BUNDLE_FORMAT_VERSION = 2 as const;
export const SUPPORTED_BUNDLE_FORMAT_VERSIONS: readonly number[] = [1, 2];
export const BUNDLE_SCHEMA_ID = 'https://learning-together.example/schema/review-bundle.schema.json';

/** The snapshot as it appears in a bundle: every collection present, and nothing else. */
export const BundleSnapshotSchema = z.strictObject(ReviewSnapshotSchema.shape).meta({
  description: 'The whole review: the review record and every record that belongs to it, grouped by kind.',
});

export const ReviewBundleSchema = z
  .strictObject({
    $schema: z.string().max(LIMITS.shortText).optional().meta({ description: 'Optional link to this JSON Schema, for editors.' }),
    format: z.literal(BUNDLE_FORMAT).meta({ description: 'Always "learning-together/review-bundle".' }),
    formatVersion: z.literal(CURRENT_BUNDLE_FORMAT_VERSION).meta({ description: 'The bundle layout version. Version 1 bundles are migrated when read.' }),
    exportedAt: InstantSchema.meta({ description: 'When the bundle was made, as an ISO 8601 instant.' }),
    exportedBy: requiredText(LIMITS.shortText, 'Exported by').meta({ description: 'Who made the bundle, as shown in the audit trail.' }),
    producer: optionalText(LIMITS.shortText, 'Producer')
      .default('')
      .meta({ description: 'The program that made it, e.g. "Learning Together for Teams 0.1.0 (command line)".' }),
    fictional: z
      .boolean()
      .optional()
      .meta({ description: 'True for training and test data. When present it must agree with snapshot.review.fictional.' }),
    snapshot: BundleSnapshotSchema,
  })
  .meta({
    title: 'Learning Together review bundle',
    description:
      'One whole multi-agency case review (SCIE systems approach) as a versioned JSON document. Confidential unless fictional is true.',
  });

export type ReviewBundle = z.infer<typeof ReviewBundleSchema>;

/** What a parsed bundle says about itself, beside the review it holds. */
export interface BundleMeta {
  readonly exportedAt: Instant;
  readonly exportedBy: string;
  readonly producer: string;
  readonly fictional: boolean;
  /** The format version the file was written in (1 if it was migrated). */
  readonly readFromFormatVersion: number;
}

export interface ParsedBundle {
  readonly meta: BundleMeta;
  readonly snapshot: ReviewSnapshot;
}

/**
 * A canonical record order, so the same review always exports to the same text whatever order a store
 * returned it in: by creation time, then id.
 */
export function canonicalSnapshot(snapshot: ReviewSnapshot): ReviewSnapshot {
  const ordered = { ...snapshot };
  for (const kind of CHILD_RECORD_KINDS) {
    const collection = COLLECTION_OF_KIND[kind];
    const records = [...(snapshot[collection] as AnyChildRecord[])].sort(compareRecords);
    (ordered as Record<string, unknown>)[collection] = records;
  }
  return ordered;
}

const compareRecords = (a: AnyChildRecord, b: AnyChildRecord): number => {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

export interface BundleWrapping {
  readonly exportedAt: Instant;
  readonly exportedBy: string;
  readonly producer?: string;
}

/** Wraps a review in the current bundle format. `fictional` is copied from the review so it cannot disagree. */
export function createBundle(snapshot: ReviewSnapshot, wrapping: BundleWrapping): ReviewBundle {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: CURRENT_BUNDLE_FORMAT_VERSION,
    exportedAt: wrapping.exportedAt,
    exportedBy: wrapping.exportedBy,
    producer: wrapping.producer ?? '',
    fictional: snapshot.review.fictional,
    snapshot: canonicalSnapshot(snapshot),
  };
}

/** The text written to a .json file: two-space indented, with a final newline. */
export function serialiseBundle(bundle: ReviewBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
