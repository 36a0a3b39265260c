import { describe, expect, it } from 'vitest';
import { createKeyedSinks, heldRows } from './keyedSinks';

describe('keyed sinks', () => {
  it('append results in order while nothing is produced again', () => {
    const s = createKeyedSinks<readonly string[]>();
    s.deliver('t', ['a', 'b'], 2);
    s.deliver('t', ['c'], 1);
    expect(heldRows(s, 't')).toEqual(['a', 'b', 'c']);
    expect(s.positions()).toEqual([['t', 3]]);
  });

  it('replace the results of output positions produced again after a rewind, splitting segments', () => {
    const s = createKeyedSinks<readonly string[]>();
    s.deliver('t', ['a', 'b', 'c'], 3);
    s.deliver('t', ['d', 'e'], 2);
    s.rewind([['t', 1]]);
    s.deliver('t', ['B', 'C', 'D'], 3);
    expect(heldRows(s, 't')).toEqual(['a', 'B', 'C', 'D', 'e']);
    s.deliver('t', ['E', 'F'], 2);
    expect(heldRows(s, 't')).toEqual(['a', 'B', 'C', 'D', 'E', 'F']);
  });

  it('rewind a sink the checkpoint did not name to the start', () => {
    const s = createKeyedSinks<readonly string[]>();
    s.deliver('late', ['x'], 1);
    s.rewind([]);
    s.deliver('late', ['x'], 1);
    expect(heldRows(s, 'late')).toEqual(['x']);
  });

  it('keep the newest results up to the cap, in whole segments', () => {
    const s = createKeyedSinks<readonly number[]>(() => 3);
    s.deliver('t', [1, 2], 2);
    s.deliver('t', [3, 4], 2);
    s.deliver('t', [5], 1);
    expect(heldRows(s, 't')).toEqual([3, 4, 5]);
    // Produced again from before what is held: the part let go stays let go.
    s.rewind([['t', 1]]);
    s.deliver('t', [20, 30, 40], 3);
    expect(heldRows(s, 't')).toEqual([30, 40, 5]);
  });

  it('refuse a delivery that would leave a gap (a programmer mistake)', () => {
    const s = createKeyedSinks<readonly number[]>();
    s.deliver('t', [1], 1);
    s.rewind([['t', 5]]);
    expect(() => s.deliver('t', [2], 1)).toThrow(/gap/);
  });

  it('drop what comes after output positions a run went back to', () => {
    const s = createKeyedSinks<readonly number[]>();
    s.deliver('t', [1, 2, 3], 3);
    s.truncate([['t', 2]]);
    expect(heldRows(s, 't')).toEqual([1, 2]);
    s.deliver('t', [9], 1);
    expect(heldRows(s, 't')).toEqual([1, 2, 9]);
  });
});
