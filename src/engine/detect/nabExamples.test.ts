import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../model';
import { runPipeline } from '../run/runPipeline';
import { ewmaAlgorithm } from './ewma';
import { madAlgorithm } from './mad';
import { changepointParamsSchema, thresholdParamsSchema } from '../../model';
import { changepointAlgorithm } from './changepointAlgorithm';
import { referenceDetector } from './detectorHarness';
import { thresholdAlgorithm } from './thresholdAlgorithm';
import type { DetectorAlgorithm } from './types';
import { zscoreAlgorithm } from './zscore';

/** A NAB file read in place (../shared/data/nab, never copied in). */
const NAB = path.resolve(import.meta.dirname, '../../../../shared/data/nab');
const EXAMPLES = path.resolve(import.meta.dirname, '../../../examples');
const text = readFileSync(path.join(NAB, 'ec2_request_latency_system_failure.csv'), 'utf8');
const values = text.trim().split('\n').slice(1).map((line) => Number(line.split(',')[1]));

const cases: [string, (p: Record<string, unknown>) => DetectorAlgorithm<unknown>][] = [
  ['nab-zscore', (p) => zscoreAlgorithm(p['window'] as number, p['sigmas'] as number) as DetectorAlgorithm<unknown>],
  ['nab-ewma', (p) => ewmaAlgorithm(p['alpha'] as number, p['sigmas'] as number) as DetectorAlgorithm<unknown>],
  ['nab-mad', (p) => madAlgorithm(p['window'] as number, p['method'] as 'mad' | 'iqr', p['limit'] as number) as DetectorAlgorithm<unknown>],
  ['nab-threshold', (p) => thresholdAlgorithm(thresholdParamsSchema.parse(p)) as DetectorAlgorithm<unknown>],
  ['nab-changepoint', (p) => changepointAlgorithm(changepointParamsSchema.parse(p)) as DetectorAlgorithm<unknown>],
];

describe('the NAB detector examples', () => {
  for (const [slug, make] of cases) {
    it(`${slug}: its file source, detector and sink run a NAB file and score every row as the algorithm does (with its warm-up and hold-off)`, () => {
      const checked = validate(JSON.parse(readFileSync(path.join(EXAMPLES, `${slug}.json`), 'utf8')));
      if (!checked.ok) throw new Error(`${slug} is not valid`);
      const doc = checked.document;
      const source = doc.nodes.find((n) => n.kind === 'source.file')!;
      const detector = doc.nodes.find((n) => n.kind.startsWith('detect.'))!;
      const run = runPipeline(doc, { fileInputs: { [source.id]: text } });
      if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('; '));
      const rows = [...run.results.values()][0]!;
      expect(rows).toHaveLength(values.length);
      const params = detector.params as Record<string, unknown>;
      const holdoff = typeof params['holdoff'] === 'number' ? params['holdoff'] : 0;
      const expected = referenceDetector(make(params), params['warmup'] as number, values.map((v, t) => ({ t, key: 0, v })), false, holdoff);
      values.forEach((_, i) => {
        expect(rows[i]!['anomaly_score']).toBe(expected[i]!.score);
        expect(rows[i]!['is_anomaly']).toBe(expected[i]!.isAnomaly);
      });
      // The failure the file is labelled with shows up.
      expect(rows.some((r) => r['is_anomaly'] === true)).toBe(true);
    });
  }
});
