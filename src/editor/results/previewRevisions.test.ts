import { describe, expect, it } from 'vitest';
import { revisionMarks } from './previewRevisions';

const result = (device: string, end: number, n: number, revision: number) => ({ window_start: end - 5000, window_end: end, device, n, revision });

describe('revisionMarks', () => {
  it('marks revisions and the earlier results of the same key and window they replace', () => {
    const records = [result('a', 5000, 1, 0), result('b', 5000, 2, 0), result('a', 10_000, 1, 0), result('a', 5000, 2, 1), result('a', 5000, 3, 2)];
    expect(revisionMarks(records, ['device'])).toEqual(['superseded', null, null, 'superseded', 'revised']);
  });

  it('tells keys apart only by the key fields given, and marks nothing without a revision field', () => {
    expect(revisionMarks([result('a', 5000, 1, 0), result('b', 5000, 2, 1)], [])).toEqual(['superseded', 'revised']);
    expect(revisionMarks([result('a', 5000, 1, 0), result('b', 5000, 2, 1)], ['device'])).toEqual([null, 'revised']);
    expect(revisionMarks([{ ts: 1, device: 'a' }, { ts: 2, device: 'a' }], ['device'])).toEqual([null, null]);
  });
});
