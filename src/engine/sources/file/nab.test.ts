import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFileSource } from './index';

// Read in place from the shared data set: the data is not copied into the repository.
const NYC_TAXI = '/work/shared/data/nab/nyc_taxi.csv';

describe('parseFileSource on NAB data', () => {
  it('reads nyc_taxi.csv with its zone-less timestamps as UTC', () => {
    const result = parseFileSource(readFileSync(NYC_TAXI, 'utf8'), { format: 'auto', eventTime: 'timestamp', timeFormat: 'auto' });
    if (!result.ok) throw new Error(result.message);
    expect(result.block.length).toBe(10_320);
    expect(result.badRowCount).toBe(0);
    expect(result.block.time[0]).toBe(1_404_172_800_000);
    expect(result.block.time[0]).toBe(Date.parse('2014-07-01T00:00:00Z'));
    expect(result.fields).toEqual([
      { name: 'timestamp', type: 'time' },
      { name: 'value', type: 'number' },
    ]);
  });
});
