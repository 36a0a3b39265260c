/**
 * xoroshiro128+ as pure-rand computes it, with its state in an Int32Array.
 * pure-rand keeps the four 32-bit words in object fields; under pointer
 * compression (Chrome's V8, not Node's) a small integer has 31 bits, so
 * most words are boxed as heap numbers and each draw costs several times
 * what it does in Node. Typed-array words are never boxed. Same numbers,
 * same state layout (`getState`: [s01, s00, s11, s10]) as pure-rand's.
 *
 * Draws come from a buffer filled WORDS at a time: `next` is then a few
 * bytecodes that TurboFan inlines at every call site of a stream's fill.
 * Computing each draw in `next` made it too big to inline everywhere, and a
 * call that is not inlined returns its 32-bit word boxed as a heap number
 * in Chrome (half of all words are beyond 31 bits), one allocation per draw.
 * The state before each buffered word is kept too, so `getState` is exactly
 * pure-rand's after the draws made, whatever was buffered ahead.
 */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Words per refill: small against a batch's draws (a sensors event takes 7 or 8), large against the call. */
const WORDS = 256;

export class StateRng implements RandomGenerator {
  /** The state after the last buffered word. */
  private readonly s: Int32Array;
  private readonly words = new Int32Array(WORDS);
  /** The state before each buffered word, 4 words each. */
  private readonly before = new Int32Array(4 * WORDS);
  /** The next buffered word to hand out; WORDS when the buffer is used up. */
  private pos = WORDS;

  constructor(state: ArrayLike<number>) {
    if (state.length !== 4) throw new Error('The state must have been produced by a xoroshiro128plus RandomGenerator');
    this.s = Int32Array.from(state);
  }

  clone(): StateRng {
    return new StateRng(this.getState());
  }

  next(): number {
    if (this.pos === WORDS) this.refill();
    return this.words[this.pos++]!;
  }

  getState(): readonly number[] {
    if (this.pos === WORDS) return Array.from(this.s);
    const at = 4 * this.pos;
    return Array.from(this.before.subarray(at, at + 4));
  }

  private refill(): void {
    const s = this.s;
    const words = this.words;
    const before = this.before;
    let s01 = s[0]!;
    let s00 = s[1]!;
    let s11 = s[2]!;
    let s10 = s[3]!;
    for (let i = 0; i < WORDS; i++) {
      const at = 4 * i;
      before[at] = s01;
      before[at + 1] = s00;
      before[at + 2] = s11;
      before[at + 3] = s10;
      words[i] = (s00 + s10) | 0;
      const a0 = s10 ^ s00;
      const a1 = s11 ^ s01;
      const n00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      const n01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      s00 = n00;
      s01 = n01;
    }
    s[0] = s01;
    s[1] = s00;
    s[2] = s11;
    s[3] = s10;
    this.pos = 0;
  }
}
