import { describe, expect, it } from 'vitest';
import { markRows, type HeldTable } from './replayTable';

describe('markRows', () => {
  it('tells a row the same in both runs, one whose window and key has other values, and one in this run only', () => {
    const before: HeldTable = { columns: ['window_start', 'window_end', 'device', 'n'], rows: [['0', '1000', 'a', '5'], ['0', '1000', 'b', '3'], ['1000', '2000', 'a', '4']] };
    const after: HeldTable = { columns: ['window_start', 'window_end', 'device', 'n'], rows: [['0', '1000', 'a', '5'], ['0', '1000', 'b', '7'], ['0', '500', 'a', '2']] };
    const identity = ['window_start', 'window_end', 'device'];
    expect(markRows(before, after, identity)).toEqual(['same', 'changed', 'only']);
    expect(markRows(after, before, identity)).toEqual(['same', 'changed', 'only']);
  });

  it('compares rows by column name, whatever the column order', () => {
    const a: HeldTable = { columns: ['window_start', 'window_end', 'n'], rows: [['0', '1000', '5']] };
    const b: HeldTable = { columns: ['n', 'window_start', 'window_end'], rows: [['5', '0', '1000']] };
    expect(markRows(a, b, ['window_start', 'window_end'])).toEqual(['same']);
  });
});
