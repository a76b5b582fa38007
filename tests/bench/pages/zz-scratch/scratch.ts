import Dexie from 'dexie';
import { DexieReviewStore } from '../../../../src/adapters/local/dexie-review-store';
import { generateLargeFixture } from '../../../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../../../src/domain/fixtures/prng';
const DB = 'scratch-db';
function raw(reviewId: string, mode: 'parallel' | 'idx'): Promise<number> {
  return new Promise((resolve, reject) => {
    const o = indexedDB.open(DB);
    o.onsuccess = () => { const db = o.result; const s = performance.now(); const t = db.transaction(['reviews', 'records'], 'readonly');
      t.objectStore('reviews').get(reviewId); const r = t.objectStore('records').index('reviewId').getAll(reviewId);
      if (mode === 'parallel') r.onsuccess = () => { void r.result.length; };
      t.oncomplete = () => { const e = performance.now() - s; db.close(); resolve(e); }; t.onerror = () => reject(t.error); };
  });
}
(window as any).go = async (scale: number) => {
  await Dexie.delete(DB);
  const snap = generateLargeFixture({ random: mulberry32(20260329), scale });
  const w = new DexieReviewStore(DB); const im = await w.importSnapshot(snap, { replace: true }); if (!im.ok) throw new Error(JSON.stringify(im.error)); w.close();
  const store = new DexieReviewStore(DB);
  await store.loadReview(snap.review.id as any);
  const d = new Dexie(DB); d.version(1).stores({ reviews: 'id', records: '[reviewId+kind+id], reviewId' }); await d.open();
  const out: Record<string, number[]> = { load: [], raw: [], rawNoResult: [], dexieToArray: [], dexieTx: [] };
  for (let i = 0; i < 7; i++) {
    let s = performance.now(); await store.loadReview(snap.review.id as any); out.load.push(performance.now() - s);
    out.raw.push(await raw(snap.review.id, 'parallel'));
    out.rawNoResult.push(await raw(snap.review.id, 'idx'));
    s = performance.now(); await d.table('records').where('reviewId').equals(snap.review.id).toArray(); out.dexieToArray.push(performance.now() - s);
    s = performance.now(); await d.transaction('r', d.table('reviews'), d.table('records'), () => Promise.all([d.table('reviews').get(snap.review.id), d.table('records').where('reviewId').equals(snap.review.id).toArray()])); out.dexieTx.push(performance.now() - s);
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1].toFixed(1);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, med(v)]));
};
(window as any).ready = true;
