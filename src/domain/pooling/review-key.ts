/**
 * A review's pooled key: `rk-` and 16 hex digits from two FNV-1a hashes of the source and the review id. Stable, so
 * pooling again replaces the record; opaque, so the key says nothing of the codename or the review id (which may
 * carry a place name). Whoever holds the review can compute its key, which is how drill-down finds it.
 */
export function pooledReviewKey(source: string, reviewId: string): string {
  const text = `${source}\u0000${reviewId}`;
  return `rk-${hex(fnv1a(text, 0x811c9dc5))}${hex(fnv1a(text, 0x01000193 ^ 0x5bd1e995))}`;
}

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const hex = (value: number): string => value.toString(16).padStart(8, '0');
