// Seeded randomness so that ids, faults and batch ordering are reproducible run to run.

export type Random = () => number;

/** mulberry32: tiny, fast and good enough for test data. Returns numbers in [0, 1). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives independent streams from one seed, so drawing ids never shifts which request gets a fault. */
export function deriveSeed(seed: number, stream: string): number {
  let hash = seed >>> 0;
  for (const char of stream) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

const HEX = '0123456789abcdef';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export class IdFactory {
  constructor(private readonly random: Random) {}

  private pick(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet.charAt(Math.floor(this.random() * alphabet.length));
    return out;
  }

  hex(length: number): string {
    return this.pick(HEX, length);
  }

  /** A version-4 shaped GUID in lower case. */
  guid(): string {
    const variant = HEX.charAt(8 + Math.floor(this.random() * 4));
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }

  /** SharePoint drive item ids look like 01H7CFEKENJSSIUHGADZBKODARINQC5JMD. */
  driveItemId(): string {
    return `01${this.pick(BASE32, 32)}`;
  }

  digits(length: number): string {
    return this.pick('0123456789', length);
  }

  /** Opaque URL-safe token. */
  token(length = 24): string {
    return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', length);
  }
}

/** Deterministic Fisher–Yates shuffle. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) continue;
    out[i] = b;
    out[j] = a;
  }
  return out;
}
