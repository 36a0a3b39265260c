/**
 * Distributions over a pure-rand generator.
 *
 * Only + - * / floor, round and sqrt are used (all exactly specified by
 * IEEE 754), never Math.exp/log/sin, whose last bits differ between JS
 * engines: the same seed must give the same events in Node and every browser.
 */
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

const TWO_POW_32 = 4294967296;
const SQRT_3 = 1.7320508075688772;

/** Uniform in [0, 1) with 32 bits of randomness: one draw per value keeps generation fast. */
export function unit(rng: RandomGenerator): number {
  return (rng.next() >>> 0) / TWO_POW_32;
}

/** Uniform integer in [0, n); the bias (n / 2^32) is far below what a sample stream can show. */
export function intBelow(rng: RandomGenerator, n: number): number {
  return Math.floor(((rng.next() >>> 0) / TWO_POW_32) * n);
}

/**
 * Approximately standard normal (mean 0, variance 1, bounded by ±3.46): the sum of
 * four 16-bit uniforms (Irwin–Hall), which needs no transcendental functions.
 */
export function gauss(rng: RandomGenerator): number {
  const a = rng.next();
  const b = rng.next();
  const sum = (a & 0xffff) + (a >>> 16) + (b & 0xffff) + (b >>> 16);
  return (sum / 65536 - 2) * SQRT_3;
}

/** Index drawn from a table of cumulative weights ending with the total. */
export function pickWeighted(rng: RandomGenerator, cumulative: readonly number[]): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const x = unit(rng) * total;
  let i = 0;
  while (i < cumulative.length - 1 && x >= (cumulative[i] ?? 0)) i++;
  return i;
}

/** Cumulative sums of `weights`, for {@link pickWeighted}. */
export function cumulativeWeights(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** Rounds to cents (or any 2-decimal unit). */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * A generator for `seed` (any safe integer), warmed up: pure-rand seeds
 * xoroshiro128+ with the raw seed, so its first outputs for nearby seeds are
 * nearly equal.
 */
export function seededRng(seed: number): JumpableRandomGenerator {
  const high = Math.floor(seed / TWO_POW_32) | 0;
  const rng = xoroshiro128plus((seed | 0) ^ Math.imul(high, 0x9e3779b1));
  for (let i = 0; i < 32; i++) rng.next();
  return rng;
}
