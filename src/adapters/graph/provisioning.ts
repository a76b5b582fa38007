// Idempotent provisioning from the schema in ./schema: compare what a site has with what this build
// needs, then create missing lists, add missing columns, index what is filtered, backfill new derived
// columns and record the schema version. Only ever adds: nothing is dropped, renamed or retyped, so no
// data can be lost, and a second run finds nothing to do and sends no writes.
import type { Failure } from '../../domain/failures';
import type { ProvisioningProgress } from '../../ports/workspace-provisioner';
import { err, ok, type Result } from '../../domain/result';
import { sendBatch, type PartOutcome } from './http/batch';
import { failureFromOutcome, responseOf } from './http/failures';
import type { SendOutcome } from './http/transport';
import { readCollections } from './http/paging';
import { itemQueryUrl, itemUrl, itemsUrl, listUrl, queryString, selectedColumns } from './http/urls';
import { decodeItem, encodeProjection } from './mapping/item-mapper';
import type { GraphContext } from './options';
import { asStoredItem } from './sites/register';
import { columnAdditionBody, indexChangeBody, listCreationBody } from './schema/payloads';
import { COMMON_COLUMNS, CURRENT_SCHEMA_VERSION, SCHEMA_INFO_LIST, isRecordList, listsOfLayout, type ListSpec, type RecordListSpec, type SiteLayout } from './schema/lists';
import { columnsAt } from './schema/versions';
import type { ColumnKind, ColumnSpec } from './schema/columns';
import { downloadPayloads } from './files/payload-files';

export type { ProvisioningProgress };

export type ProvisioningAction =
  | { readonly kind: 'createList'; readonly spec: ListSpec }
  | { readonly kind: 'addColumn'; readonly spec: ListSpec; readonly column: ColumnSpec }
  | { readonly kind: 'indexColumn'; readonly spec: ListSpec; readonly column: ColumnSpec; readonly columnId: string }
  | { readonly kind: 'backfill'; readonly spec: RecordListSpec; readonly column: ColumnSpec }
  | { readonly kind: 'recordVersion'; readonly version: number; readonly itemId: string | null };

export interface ProvisioningPlan {
  readonly siteId: string;
  readonly layout: SiteLayout;
  /** The version the site says it has, or null when it was never fully provisioned. */
  readonly fromVersion: number | null;
  readonly toVersion: number;
  readonly actions: readonly ProvisioningAction[];
  /** Differences provisioning will not touch (it never retypes or removes), for a person to look at. */
  readonly warnings: readonly string[];
}

export interface ProvisioningReport {
  readonly siteId: string;
  readonly layout: SiteLayout;
  readonly fromVersion: number | null;
  readonly toVersion: number;
  /** Steps carried out; 0 when the site already matched. */
  readonly applied: number;
  readonly warnings: readonly string[];
}

export function describeAction(action: ProvisioningAction): string {
  switch (action.kind) {
    case 'createList':
      return `Create list ${action.spec.listName}`;
    case 'addColumn':
      return `Add column ${action.column.name} to ${action.spec.listName}`;
    case 'indexColumn':
      return `Index column ${action.column.name} in ${action.spec.listName}`;
    case 'backfill':
      return `Fill ${action.column.name} on the existing items of ${action.spec.listName}`;
    case 'recordVersion':
      return `Record schema version ${action.version}`;
  }
}

// ---------------------------------------------------------------- inspecting a site

interface ExistingColumn {
  readonly id: string;
  readonly name: string;
  readonly indexed: boolean;
  readonly kind: ColumnKind | 'other';
}

interface ExistingList {
  readonly id: string;
  readonly displayName: string;
  readonly columns: readonly ExistingColumn[];
}

function kindOfColumn(raw: Record<string, unknown>): ColumnKind | 'other' {
  const textFacet = raw.text as { allowMultipleLines?: unknown; textType?: unknown; appendChangesToExistingText?: unknown } | undefined;
  if (textFacet !== undefined) {
    if (textFacet.allowMultipleLines !== true) return 'text';
    // Rich text (answered as HTML) or append-only text cannot hold a JSON payload: a person must look at it.
    return textFacet.textType === 'richText' || textFacet.appendChangesToExistingText === true ? 'other' : 'multilineText';
  }
  if (raw.number !== undefined) return 'number';
  if (raw.boolean !== undefined) return 'boolean';
  if (raw.choice !== undefined) return 'choice';
  const dateFacet = raw.dateTime as { format?: unknown } | undefined;
  if (dateFacet !== undefined) return dateFacet.format === 'dateOnly' ? 'date' : 'dateTime';
  return 'other';
}

function readLists(body: unknown): ExistingList[] {
  const value = (body as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw: Record<string, unknown>) => {
    if (typeof raw.id !== 'string' || typeof raw.displayName !== 'string') return [];
    const columns = Array.isArray(raw.columns) ? (raw.columns as Array<Record<string, unknown>>) : [];
    return [
      {
        id: raw.id,
        displayName: raw.displayName,
        columns: columns.flatMap((column) =>
          typeof column.name === 'string' && typeof column.id === 'string'
            ? [{ id: column.id, name: column.name, indexed: column.indexed === true, kind: kindOfColumn(column) }]
            : [],
        ),
      },
    ];
  });
}

const WHAT = 'Setting up SharePoint';

/** Every page of a collection, with plain GETs. */
async function readPages(context: GraphContext, url: string): Promise<Result<unknown[], SendOutcome>> {
  const values: unknown[] = [];
  let next: string | undefined = url;
  while (next !== undefined) {
    const sent: SendOutcome = await context.transport.send({ method: 'GET', url: next });
    const response = responseOf(sent);
    if (response?.status !== 200) return err(sent);
    const body = response.body as { value?: unknown; '@odata.nextLink'?: unknown } | null;
    if (Array.isArray(body?.value)) values.push(...(body.value as unknown[]));
    next = typeof body?.['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
  }
  return ok(values);
}

/** Compares the site with the schema at `targetVersion`. Reads only. */
export async function planProvisioning(
  context: GraphContext,
  siteId: string,
  layout: SiteLayout,
  targetVersion: number = CURRENT_SCHEMA_VERSION,
): Promise<Result<ProvisioningPlan, Failure>> {
  // Plain GETs rather than a $batch (itself a POST), so that a run with nothing to do sends no POST at all.
  const [listsSent, schemaItems] = await Promise.all([
    context.transport.send({ method: 'GET', url: `/sites/${siteId}/lists${queryString([['$expand', 'columns']])}` }),
    readPages(context, `${itemsUrl(siteId, SCHEMA_INFO_LIST)}${queryString([['$expand', 'fields'], ['$top', '10']])}`),
  ]);
  const listsAnswer = responseOf(listsSent);
  if (listsAnswer?.status !== 200) return err(failureFromOutcome(listsSent, WHAT));
  const existing = readLists(listsAnswer.body);
  const byName = new Map(existing.map((list) => [list.displayName.toLowerCase(), list]));

  let fromVersion: number | null = null;
  let schemaItemId: string | null = null;
  if (schemaItems.ok) {
    const items = schemaItems.value.flatMap((raw) => {
      const item = asStoredItem(raw);
      return item === undefined ? [] : [item];
    });
    const info = items.find((item) => item.fields.Title === 'schema') ?? items[0];
    if (info !== undefined) {
      schemaItemId = info.itemId;
      fromVersion = typeof info.fields.schemaVersion === 'number' ? info.fields.schemaVersion : null;
    }
  } else if (responseOf(schemaItems.error)?.status !== 404 && byName.has(SCHEMA_INFO_LIST.listName.toLowerCase())) {
    return err(failureFromOutcome(schemaItems.error, WHAT));
  }

  const actions: ProvisioningAction[] = [];
  const warnings: string[] = [];
  for (const spec of listsOfLayout(layout)) {
    const list = byName.get(spec.listName.toLowerCase());
    if (list === undefined) {
      actions.push({ kind: 'createList', spec });
      continue;
    }
    const columns = new Map(list.columns.map((column) => [column.name.toLowerCase(), column]));
    for (const expected of columnsAt(spec, targetVersion)) {
      const found = columns.get(expected.spec.name.toLowerCase());
      if (found === undefined) {
        actions.push({ kind: 'addColumn', spec, column: expected.spec });
        if (isRecordList(spec) && spec.projections.some((projection) => projection.column.name === expected.spec.name)) {
          actions.push({ kind: 'backfill', spec, column: expected.spec });
        }
        continue;
      }
      if (found.kind !== expected.spec.kind) {
        warnings.push(`Column ${expected.spec.name} in ${spec.listName} is ${found.kind}, not ${expected.spec.kind}; it was left as it is.`);
      }
      if (expected.indexed && !found.indexed) actions.push({ kind: 'indexColumn', spec, column: expected.spec, columnId: found.id });
      // A projection added by a version the site never finished recording is filled again (an interrupted run).
      const projection = isRecordList(spec) && spec.projections.some((candidate) => candidate.column.name === expected.spec.name);
      if (projection && isRecordList(spec) && fromVersion !== null && fromVersion < (expected.spec.since ?? 1)) {
        actions.push({ kind: 'backfill', spec, column: expected.spec });
      }
    }
  }
  if (fromVersion !== targetVersion || schemaItemId === null) actions.push({ kind: 'recordVersion', version: targetVersion, itemId: schemaItemId });
  return ok({ siteId, layout, fromVersion, toVersion: targetVersion, actions, warnings });
}

// ---------------------------------------------------------------- applying a plan

const ORDER: Record<ProvisioningAction['kind'], number> = { createList: 0, addColumn: 1, indexColumn: 2, backfill: 3, recordVersion: 4 };

function partFailure(outcome: PartOutcome | undefined): Failure {
  return failureFromOutcome(outcome ?? { kind: 'unknown', detail: 'no answer in the batch' }, WHAT);
}

/** Writes one group of actions as $batch parts; answers that mean "already there" count as done. */
async function applyBatched(
  context: GraphContext,
  actions: readonly ProvisioningAction[],
  toPart: (action: ProvisioningAction, id: string) => { method: 'POST' | 'PATCH'; url: string; body: unknown },
): Promise<Result<{ uncertain: boolean }, Failure>> {
  const parts = actions.map((action, index) => ({ id: String(index), ...toPart(action, String(index)) }));
  const answers = await sendBatch(context.transport, parts, { concurrency: context.batchConcurrency });
  let uncertain = false;
  for (const part of parts) {
    const outcome = answers.get(part.id);
    if (outcome?.kind === 'unknown') {
      uncertain = true;
      continue;
    }
    const status = responseOf(outcome)?.status;
    if (status !== undefined && status >= 200 && status < 300) continue;
    // A list or column that already exists was made by an earlier attempt whose answer was lost.
    if (status === 409) {
      uncertain = true;
      continue;
    }
    return err(partFailure(outcome));
  }
  return ok({ uncertain });
}

async function backfill(context: GraphContext, siteId: string, spec: RecordListSpec, column: ColumnSpec, warnings: string[]): Promise<Result<void, Failure>> {
  const url = itemQueryUrl(siteId, spec, {
    columns: selectedColumns(spec, CURRENT_SCHEMA_VERSION).filter((name) => name !== column.name),
    top: context.pageSize,
  });
  const read = await readCollections(context.transport, [{ key: 'items', url }]);
  if (!read.ok) return err(failureFromOutcome(read.outcome, WHAT));
  const patches: Array<{ id: string; method: 'PATCH'; url: string; headers: Record<string, string>; body: unknown }> = [];
  for (const raw of read.values.get('items') ?? []) {
    const item = asStoredItem(raw);
    if (item === undefined) continue;
    const reviewKey = String(item.fields[COMMON_COLUMNS.reviewKey.name] ?? '');
    const file = item.fields[COMMON_COLUMNS.payloadFile.name];
    let payloadText: string | undefined;
    if (typeof file === 'string' && file !== '') {
      const downloaded = await downloadPayloads(context, siteId, [file]);
      if (!downloaded.ok) return downloaded;
      payloadText = downloaded.value.get(file);
    }
    const decoded = decodeItem<Record<string, unknown>>(spec, item, { reviewId: reviewKey.split('#')[0] ?? reviewKey, payloadText });
    if (!decoded.ok) {
      warnings.push(`Item ${item.itemId} in ${spec.listName} could not be read, so ${column.name} was not filled for it.`);
      continue;
    }
    patches.push({
      id: item.itemId,
      method: 'PATCH',
      url: `${itemUrl(siteId, spec, item.itemId)}/fields`,
      headers: { 'if-match': item.eTag },
      body: encodeProjection(spec, decoded.value, column.name),
    });
  }
  const answers = await sendBatch(context.transport, patches, { concurrency: context.batchConcurrency });
  for (const patch of patches) {
    const outcome = answers.get(patch.id);
    const status = responseOf(outcome)?.status;
    if (status === 200) continue;
    // Someone saved the item meanwhile (their save wrote the column), or the batch dropped: the column is
    // derived, so the next save of the record fills it anyway.
    if (status === 412 || status === 404 || outcome?.kind === 'unknown') continue;
    return err(partFailure(outcome));
  }
  return ok(undefined);
}

async function recordVersion(context: GraphContext, plan: ProvisioningPlan, itemId: string | null): Promise<Result<void, Failure>> {
  const fields = { Title: 'schema', schemaVersion: plan.toVersion, layout: plan.layout, appliedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const sent =
    itemId === null
      ? await context.transport.send({ method: 'POST', url: itemsUrl(plan.siteId, SCHEMA_INFO_LIST), json: { fields } })
      : await context.transport.send({ method: 'PATCH', url: `${itemUrl(plan.siteId, SCHEMA_INFO_LIST, itemId)}/fields`, json: fields, idempotent: true });
  const status = responseOf(sent)?.status;
  if (status === 200 || status === 201) return ok(undefined);
  // A lost answer to the first record: the next run reads it back (or records it again).
  if (sent.kind === 'dropped') return ok(undefined);
  return err(failureFromOutcome(sent, WHAT));
}

/** Carries out a plan, reporting progress after each step. */
export async function applyProvisioning(
  context: GraphContext,
  plan: ProvisioningPlan,
  onProgress: (progress: ProvisioningProgress) => void = () => undefined,
): Promise<Result<{ applied: number; uncertain: boolean; warnings: string[] }, Failure>> {
  const actions = [...plan.actions].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const total = actions.length;
  const warnings: string[] = [];
  let done = 0;
  let uncertain = false;
  const report = (action: ProvisioningAction) => onProgress({ step: action.kind, done, total, message: describeAction(action) });
  for (const kind of ['createList', 'addColumn', 'indexColumn'] as const) {
    const group = actions.filter((action) => action.kind === kind);
    if (group.length === 0) continue;
    const applied = await applyBatched(context, group, (action) => {
      switch (action.kind) {
        case 'createList':
          return { method: 'POST', url: `/sites/${plan.siteId}/lists`, body: listCreationBody(action.spec, plan.toVersion) };
        case 'addColumn':
          return { method: 'POST', url: `${listUrl(plan.siteId, action.spec)}/columns`, body: columnAdditionBody(action.column, plan.toVersion) };
        case 'indexColumn':
          return { method: 'PATCH', url: `${listUrl(plan.siteId, action.spec)}/columns/${action.columnId}`, body: indexChangeBody() };
        default:
          throw new Error(`not a batched action: ${action.kind}`);
      }
    });
    if (!applied.ok) return applied;
    uncertain ||= applied.value.uncertain;
    for (const action of group) {
      done += 1;
      report(action);
    }
  }
  for (const action of actions) {
    if (action.kind === 'backfill') {
      const filled = await backfill(context, plan.siteId, action.spec, action.column, warnings);
      if (!filled.ok) return filled;
    } else if (action.kind === 'recordVersion') {
      // Recorded only when nothing above was left in doubt, so an interrupted run is finished next time.
      if (uncertain) continue;
      const recorded = await recordVersion(context, plan, action.itemId);
      if (!recorded.ok) return recorded;
    } else {
      continue;
    }
    done += 1;
    report(action);
  }
  return ok({ applied: done, uncertain, warnings });
}

/**
 * Plans and applies until the site matches (at most three rounds: a round can only be left in doubt by
 * a lost connection). Safe to run any number of times.
 */
export async function provisionSite(
  context: GraphContext,
  siteId: string,
  layout: SiteLayout,
  onProgress: (progress: ProvisioningProgress) => void = () => undefined,
  targetVersion: number = CURRENT_SCHEMA_VERSION,
): Promise<Result<ProvisioningReport, Failure>> {
  onProgress({ step: 'inspect', done: 0, total: 0, message: 'Looking at what the site already has' });
  let applied = 0;
  let fromVersion: number | null | undefined;
  const warnings: string[] = [];
  for (let round = 0; round < 3; round += 1) {
    const planned = await planProvisioning(context, siteId, layout, targetVersion);
    if (!planned.ok) return planned;
    fromVersion ??= planned.value.fromVersion;
    warnings.push(...planned.value.warnings.filter((warning) => !warnings.includes(warning)));
    if (planned.value.actions.length === 0) {
      onProgress({ step: 'done', done: applied, total: applied, message: applied === 0 ? 'Everything was already in place' : 'Finished' });
      return ok({ siteId, layout, fromVersion, toVersion: targetVersion, applied, warnings });
    }
    const result = await applyProvisioning(context, planned.value, onProgress);
    if (!result.ok) return result;
    applied += result.value.applied;
    warnings.push(...result.value.warnings);
  }
  return err({ kind: 'unavailable', what: WHAT, detail: 'the connection kept dropping while the lists were being set up', retryable: true });
}
