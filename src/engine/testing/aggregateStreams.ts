/**
 * Generated event streams for the aggregate oracle tests: seeded, keyed,
 * out of order within a watermark bound, with a share of events delayed past
 * it (late), event times on a coarse tick (so equal times, the ties of first
 * and last, are common), and value families that stress the numerics: large
 * offsets, negative values, values below 1e-6, and missing values.
 */

/** One event, in arrival order (`i` is its arrival index). */
export interface OracleEvent {
  readonly i: number;
  readonly t: number;
  readonly k: string;
  /** The number field; null when missing. */
  readonly v: number | null;
  /** A string field with a few distinct values; null when missing. */
  readonly s: string | null;
}

/**
 * How values are drawn:
 * - plain: 100 +- 50, two decimals (many repeats).
 * - large: 1e9 + a spread of a few hundred, two decimals (epoch seconds, prices in cents).
 * - huge: 1e12 + whole numbers up to +-1000 (byte counters).
 * - signed: whole numbers from -50 to 50, zero included.
 * - tiny: magnitudes from 1e-12 to 1e-6, either sign.
 */
export const VALUE_FAMILIES = ['plain', 'large', 'huge', 'signed', 'tiny'] as const;
export type ValueFamily = (typeof VALUE_FAMILIES)[number];

export interface StreamSpec {
  readonly seed: number;
  readonly events: number;
  readonly keys: number;
  readonly family: ValueFamily;
  /** Mean ms between consecutive event times. */
  readonly spacing: number;
  /** Event times are multiples of this many ms (equal times are then common). */
  readonly tick: number;
  /** The watermark bound (maxOutOfOrderness), ms, at least 1: on-time events are delayed by less. */
  readonly bound: number;
  /** The share of events delayed by bound + up to `lateDelay` ms, which may arrive late. */
  readonly lateFraction: number;
  readonly lateDelay: number;
  /** The share of missing values (v and s each). */
  readonly missing: number;
  readonly startTime: number;
}

/** mulberry32: a small seeded generator, so a failing case replays from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['DE', 'FR', 'GB', 'ES', 'IT', 'NL', 'SE', 'PL', 'US', 'MX', 'JP', 'BR'];

/** A value of `family` from `random`. */
export function drawValue(family: ValueFamily, random: () => number): number {
  const cents = (x: number): number => Math.round(x * 100) / 100;
  switch (family) {
    case 'plain': return cents(50 + 100 * random());
    case 'large': return 1e9 + cents(600 * random() - 300);
    case 'huge': return 1e12 + Math.round(2000 * random() - 1000);
    case 'signed': return Math.round(100 * random() - 50);
    case 'tiny': return (random() < 0.5 ? -1 : 1) * 10 ** (-12 + 5.9 * random());
  }
}

/** The events of `spec`, in arrival order. */
export function generateStream(spec: StreamSpec): OracleEvent[] {
  if (!(spec.bound >= 1)) throw new Error('the bound must be at least 1 ms: on-time events are delayed by less');
  const random = seededRandom(spec.seed);
  const drafts: { arrival: number; n: number; t: number; k: string; v: number | null; s: string | null }[] = [];
  for (let n = 0; n < spec.events; n++) {
    const t = spec.startTime + Math.round((n * spec.spacing) / spec.tick) * spec.tick;
    const late = random() < spec.lateFraction;
    const delay = late ? spec.bound + Math.floor(random() * (spec.lateDelay + 1)) : Math.floor(random() * spec.bound);
    const k = `k${Math.floor(random() * spec.keys)}`;
    // The first event has both values: a file whose field is always missing has no such field to aggregate.
    const v = random() < spec.missing && n > 0 ? null : drawValue(spec.family, random);
    const s = random() < spec.missing && n > 0 ? null : COUNTRIES[Math.floor(random() * COUNTRIES.length)]!;
    drafts.push({ arrival: t + delay, n, t, k, v, s });
  }
  drafts.sort((a, b) => a.arrival - b.arrival || a.n - b.n);
  return drafts.map((d, i) => ({ i, t: d.t, k: d.k, v: d.v, s: d.s }));
}
