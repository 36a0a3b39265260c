import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { column, parseNabCsv } from './csv';
import { parseWindows } from './labels';
import { pandasColumn, pythonFloat, resultCsv, windowLabels } from './resultCsv';

const NAB = path.resolve(import.meta.dirname, '../../../shared/data/nab');

describe('pythonFloat', () => {
  it('writes floats as Python 3 repr does', () => {
    const cases: [number, string][] = [
      [0, '0.0'], [-0, '-0.0'], [1, '1.0'], [0.5, '0.5'], [10844, '10844.0'], [-2.5, '-2.5'],
      [0.0001, '0.0001'], [0.00001, '1e-05'], [0.000123, '0.000123'], [1.5e-7, '1.5e-07'],
      [1e15, '1000000000000000.0'], [1e16, '1e+16'], [1.2345e20, '1.2345e+20'], [123456789012345.6, '123456789012345.6'],
      [0.1 + 0.2, '0.30000000000000004'], [0.585448693057, '0.585448693057'], [5e-324, '5e-324'], [1e100, '1e+100'],
    ];
    for (const [x, text] of cases) expect(pythonFloat(x), String(x)).toBe(text);
  });

  it('reads back as the same number', () => {
    for (let i = 0; i < 2000; i++) {
      const x = Math.sin(i * 12.9898) * 10 ** ((i % 40) - 20);
      expect(Number(pythonFloat(x))).toBe(x);
    }
  });
});

describe('pandasColumn', () => {
  it('keeps an all-integer column integral and writes any other as floats', () => {
    expect(pandasColumn(['10844', '8127', '-3', '007'])).toEqual(['10844', '8127', '-3', '7']);
    expect(pandasColumn(['1', '2.50', '73.967322183'])).toEqual(['1.0', '2.5', '73.967322183']);
  });
});

describe('resultCsv', () => {
  it('writes NAB\'s columns and labels exactly as NAB\'s result files have them', () => {
    const windows = parseWindows(JSON.parse(readFileSync(path.join(NAB, 'combined_windows.json'), 'utf8')));
    const key = 'realKnownCause/nyc_taxi.csv';
    const data = parseNabCsv(readFileSync(path.join(NAB, 'corpus', key), 'utf8'), key);
    const timestamps = column(data, 'timestamp', key);
    const nab = parseNabCsv(readFileSync(path.join(NAB, 'results/windowedGaussian/realKnownCause/windowedGaussian_nyc_taxi.csv'), 'utf8'), 'wg');
    const ours = parseNabCsv(resultCsv({ timestamps, values: column(data, 'value', key), scores: timestamps.map(() => 0.5), windows: windows.get(key)! }), 'ours');
    expect(ours.header).toEqual(['timestamp', 'value', 'anomaly_score', 'label']);
    for (const name of ['timestamp', 'value', 'label']) expect(column(ours, name, 'ours')).toEqual(column(nab, name, 'wg'));
    expect(new Set(column(ours, 'anomaly_score', 'ours'))).toEqual(new Set(['0.5']));
    expect(windowLabels(['a', 'b', 'c'], [{ start: 'b', end: 'c' }])).toEqual([0, 1, 1]);
  });
});
