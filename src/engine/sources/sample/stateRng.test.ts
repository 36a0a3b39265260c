import fc from 'fast-check';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { StateRng } from './stateRng';

/** pure-rand's state after `n` draws from `state`. */
function advanced(state: readonly number[], n: number): readonly number[] {
  const rng = xoroshiro128plusFromState(state);
  for (let i = 0; i < n; i++) rng.next();
  return rng.getState();
}

describe('StateRng', () => {
  it('draws what pure-rand\'s xoroshiro128+ draws from the same state, and leaves the same state', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -0x80000000, max: 0x7fffffff }), { minLength: 4, maxLength: 4 }), fc.nat(1000), (state, n) => {
        const ours = new StateRng(state);
        const theirs = xoroshiro128plusFromState(state);
        for (let i = 0; i < n; i++) expect(ours.next()).toBe(theirs.next());
        expect(ours.getState()).toEqual(theirs.getState());
        // A clone goes on alone.
        const clone = ours.clone();
        expect(clone.next()).toBe(theirs.next());
        expect(ours.getState()).toEqual(advanced(state, n));
      }),
    );
  });

  it('gives pure-rand\'s state after every draw, across refills of its buffer', () => {
    const start = [0x12345678, -0x6789abcd, 0x7fffffff, -0x80000000];
    const ours = new StateRng(start);
    for (let n = 0; n <= 600; n++) {
      expect(ours.getState()).toEqual(advanced(start, n));
      ours.next();
    }
  });

  it('refuses a state of another generator', () => {
    expect(() => new StateRng([1, 2, 3])).toThrow(/xoroshiro128plus/);
  });
});
