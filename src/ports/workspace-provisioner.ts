import type { Failure } from '../domain/failures';
import type { Result } from '../domain/result';

/** One step of setting up (or upgrading) where reviews are kept, as a progress display shows it. */
export interface ProvisioningProgress {
  /** What kind of step, e.g. inspect, createList, addColumn, indexColumn, backfill, recordVersion, done. */
  readonly step: string;
  readonly done: number;
  readonly total: number;
  /** A short UK English description of the step. */
  readonly message: string;
}

export interface WorkspaceSetupReport {
  /** The storage schema version everything is now at. */
  readonly schemaVersion: number;
  /** Changes made; 0 when everything was already in place (running setup twice changes nothing). */
  readonly changes: number;
  /** Review workspaces that were brought up to date. */
  readonly reviewsUpgraded: number;
  /** Things a person should look at (left alone, never overwritten), and workspaces that could not be reached. */
  readonly notes: readonly string[];
}

/**
 * Sets up the storage a team of reviewers shares (in Microsoft 365: SharePoint lists) and upgrades it to
 * what this version of the app needs. Idempotent: safe to run again at any time; it never removes data.
 */
export interface WorkspaceProvisioner {
  provision(onProgress: (progress: ProvisioningProgress) => void): Promise<Result<WorkspaceSetupReport, Failure>>;
}
