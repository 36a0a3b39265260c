/**
 * xoroshiro128+ as pure-rand computes it, with its state in an Int32Array.
 * pure-rand keeps the four 32-bit words in object fields; under pointer
 * compression (Chrome's V8, not Node's) a small integer has 31 bits, so
 * most words are boxed as heap numbers and each draw costs several times
 * what it does in Node: in the app's worker, generating sample events took
 * most of a P2 run. Typed-array words are never boxed. Same numbers, same
 * state layout (`getState`: [s01, s00, s11, s10]) as pure-rand's.
 */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export class StateRng implements RandomGenerator {
  private readonly s: Int32Array;

  constructor(state: ArrayLike<number>) {
    if (state.length !== 4) throw new Error('The state must have been produced by a xoroshiro128plus RandomGenerator');
    this.s = Int32Array.from(state);
  }

  clone(): StateRng {
    return new StateRng(this.s);
  }

  next(): number {
    const s = this.s;
    const s01 = s[0]!;
    const s00 = s[1]!;
    const s11 = s[2]!;
    const s10 = s[3]!;
    const out = (s00 + s10) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    s[1] = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    s[0] = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s[3] = (a1 << 5) ^ (a0 >>> 27);
    s[2] = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }

  getState(): readonly number[] {
    return Array.from(this.s);
  }
}
