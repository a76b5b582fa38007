// Change detection with list-item delta queries: take a token for "now", then ask each list (in one
// $batch) what changed since. A 410 Gone means the token is no longer usable: follow the Location to
// re-sync from scratch and report a change, since what changed in between cannot be known.
import { sendBatch } from '../http/batch';
import type { GraphTransport } from '../http/transport';

export interface DeltaTarget {
  readonly key: string;
  /** Service-relative delta URL without a token, e.g. /sites/{s}/lists/{l}/items/delta?$expand=fields($select=reviewKey). */
  readonly url: string;
  /** Whether a changed item concerns what is watched (items of other reviews in a shared list do not). */
  readonly concerns: (item: { readonly deleted: boolean; readonly fields: Readonly<Record<string, unknown>> }) => boolean;
}

/** One changed item as delta reported it: a deletion carries only the item id. */
export interface DeltaItem {
  readonly itemId: string;
  readonly deleted: boolean;
  /** The listItem as delta gave it (id, eTag, fields), for the store's mapper. */
  readonly raw: unknown;
}

export interface DeltaRound {
  /** Targets with a change that concerns the watcher. */
  readonly changed: ReadonlySet<string>;
  /** The items that concern the watcher, per target (not filled for a re-sync, whose enumeration is not a change list). */
  readonly items: ReadonlyMap<string, readonly DeltaItem[]>;
  /** Targets whose token had expired (410) and were re-synced. */
  readonly resynced: ReadonlySet<string>;
  /** Targets that could not be read this time (tried again next round). */
  readonly failed: ReadonlySet<string>;
}

const withToken = (url: string, token: string): string => `${url}${url.includes('?') ? '&' : '?'}token=${token}`;

interface PageBody {
  readonly value?: unknown;
  readonly '@odata.nextLink'?: unknown;
  readonly '@odata.deltaLink'?: unknown;
}

export class DeltaTracker {
  /** The deltaLink to ask next, per target. */
  private readonly links = new Map<string, string>();

  constructor(
    private readonly transport: GraphTransport,
    private readonly targets: readonly DeltaTarget[],
  ) {}

  /** Takes a token for the current state of every target (token=latest: no items are enumerated). */
  async start(): Promise<boolean> {
    const round = await this.follow(new Map(this.targets.map((target) => [target.key, withToken(target.url, 'latest')])));
    return round.failed.size === 0;
  }

  /** Asks every target what changed since the last round. */
  async poll(): Promise<DeltaRound> {
    const pending = new Map<string, string>();
    for (const target of this.targets) {
      const link = this.links.get(target.key);
      pending.set(target.key, link ?? withToken(target.url, 'latest'));
    }
    return this.follow(pending);
  }

  private async follow(start: ReadonlyMap<string, string>): Promise<DeltaRound> {
    const changed = new Set<string>();
    const resynced = new Set<string>();
    const failed = new Set<string>();
    const changedItems = new Map<string, DeltaItem[]>();
    const byKey = new Map(this.targets.map((target) => [target.key, target]));
    let round = new Map(start);
    while (round.size > 0) {
      const next = new Map<string, string>();
      const parts = [...round].map(([key, url]) => ({ id: key, method: 'GET' as const, url: this.transport.relativeUrl(url) ?? url }));
      const answers = await sendBatch(this.transport, parts);
      for (const [key] of round) {
        const outcome = answers.get(key);
        const response = outcome?.kind === 'response' ? outcome.response : undefined;
        if (response?.status === 410) {
          // Re-sync: the Location starts a fresh enumeration; whatever it lists counts as changed.
          const location = response.headers.location;
          resynced.add(key);
          changed.add(key);
          if (location !== undefined) next.set(key, location);
          else failed.add(key);
          continue;
        }
        if (response?.status !== 200) {
          failed.add(key);
          continue;
        }
        const body = (response.body ?? {}) as PageBody;
        const target = byKey.get(key);
        const items = Array.isArray(body.value) ? (body.value as Array<Record<string, unknown>>) : [];
        const concerning = items.filter(
          (item) => target !== undefined && target.concerns({ deleted: item.deleted !== undefined, fields: (item.fields ?? {}) as Record<string, unknown> }),
        );
        if (concerning.length > 0) {
          changed.add(key);
          if (!resynced.has(key)) {
            const list = changedItems.get(key) ?? [];
            list.push(...concerning.map((item) => ({ itemId: String(item.id), deleted: item.deleted !== undefined, raw: item })));
            changedItems.set(key, list);
          }
        }
        if (typeof body['@odata.nextLink'] === 'string') next.set(key, body['@odata.nextLink']);
        else if (typeof body['@odata.deltaLink'] === 'string') this.links.set(key, body['@odata.deltaLink']);
      }
      round = next;
    }
    return { changed, items: changedItems, resynced, failed };
  }
}

/** Polls a tracker every `intervalMs` and calls back with each round that changed something. Returns a stop function. */
export function startPolling(
  tracker: () => Promise<DeltaTracker | undefined>,
  intervalMs: number,
  onChange: (round: DeltaRound) => void | Promise<void>,
  onRound?: (round: DeltaRound) => void,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    const active = await tracker();
    if (active === undefined || stopped) return;
    const tick = async () => {
      if (stopped) return;
      const round = await active.poll();
      onRound?.(round);
      if (!stopped && round.changed.size > 0) await onChange(round);
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    };
    timer = setTimeout(() => void tick(), intervalMs);
  };
  void run();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
