/**
 * Seeded randomness. Every value in the data set comes from a generator keyed by (seed, what,
 * which), never from a shared sequence, so any entity's attributes can be recomputed on demand
 * (names are not stored for a million organizations, they are re-derived when the row is
 * written) and the order in which tables are produced cannot change their content.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 32-bit integer arithmetic only,
 * so it is exact and identical on every platform, passes PractRand, and reseeding costs a few
 * nanoseconds, which matters when it is reseeded once per row.
 */

/** MurmurHash3's finaliser: a bijective scramble of 32 bits. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then scrambled: a stable salt from a name. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(k1: number, k2 = 0, k3 = 0) {
    this.reseed(k1, k2, k3);
  }

  /** Restarts the generator on the stream named by the keys (any 32-bit integers). */
  reseed(k1: number, k2 = 0, k3 = 0): this {
    this.a = mix32(k1 ^ 0x243f6a88);
    this.b = mix32((k2 ^ 0x85a308d3) + Math.imul(this.a, 0x9e3779b9));
    this.c = mix32((k3 ^ 0x13198a2e) + Math.imul(this.b, 0x9e3779b9));
    this.d = 1;
    // sfc32 needs a dozen rounds before nearby seeds diverge.
    for (let i = 0; i < 12; i++) this.u32();
    return this;
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** Index drawn with probability proportional to the gaps of a cumulative weight table. */
  weighted(cumulative: ArrayLike<number>): number {
    const n = cumulative.length;
    const x = this.float() * cumulative[n - 1];
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Standard normal (Box–Muller, one of the pair; the other is dropped to keep streams simple). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k++;
      p *= this.float();
    }
    return k;
  }
}

/** Cumulative sums of weights, for Rng.weighted. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    out[i] = sum;
  }
  return out;
}

/** Picks `k` distinct indices of [0, n) in increasing order (Knuth's selection sampling). */
export function sampleIndices(rng: Rng, n: number, k: number): number[] {
  const out: number[] = [];
  let needed = Math.min(k, n);
  for (let i = 0; i < n && needed > 0; i++) {
    if (rng.float() * (n - i) < needed) {
      out.push(i);
      needed--;
    }
  }
  return out;
}
