// Seeded randomness so that ids, faults and batch ordering are reproducible run to run.
// The generator itself is the app's fixture PRNG (pure, dependency-free), so there is one mulberry32 to trust;
// the double adds only what Graph-shaped data needs (derived streams, ids, shuffles).
import { mulberry32, type Random } from '../../../src/domain/fixtures/prng';

export type { Random };

/** Numbers in [0, 1); the same seed always gives the same sequence. */
export const createRandom: (seed: number) => Random = mulberry32;

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
