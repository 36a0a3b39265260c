import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_NAMES, scoreDetector } from './benchmark';
import { column, parseNabCsv } from './csv';
import { scoredFileFromCsv } from './corpusFiles';
import { parseProfiles, parseScoreboard, parseWindows } from './labels';
import { rowScores } from './rowScores';
import { optimizeThreshold } from './score';
import type { ScoredFile } from './types';

/**
 * NAB's own result files for two detectors (../shared/data/nab/results, read in place) and
 * their published normalised scores: our scorer must reproduce both.
 */
const NAB = path.resolve(import.meta.dirname, '../../../shared/data/nab');
const windows = parseWindows(JSON.parse(readFileSync(path.join(NAB, 'combined_windows.json'), 'utf8')));
const profiles = parseProfiles(JSON.parse(readFileSync(path.join(NAB, 'profiles.json'), 'utf8')));
const published = parseScoreboard(JSON.parse(readFileSync(path.join(NAB, 'final_results.json'), 'utf8')));

interface ResultFile { readonly file: ScoredFile; readonly text: string; readonly name: string }

function resultFiles(detector: string): ResultFile[] {
  const root = path.join(NAB, 'results', detector);
  const out: ResultFile[] = [];
  for (const category of readdirSync(root).sort()) {
    for (const name of readdirSync(path.join(root, category)).sort()) {
      const corpusPath = `${category}/${name.slice(detector.length + 1)}`;
      const text = readFileSync(path.join(root, category, name), 'utf8');
      out.push({ file: scoredFileFromCsv(text, corpusPath, windows.get(corpusPath) ?? [], name), text, name });
    }
  }
  return out;
}

/** NAB v1.0 (Python 2) printed floats with str(), 12 significant digits. */
function printed(x: number): number {
  return Number(x.toPrecision(12));
}

describe.each(['windowedGaussian', 'null'])('NAB scoring of %s', (detector) => {
  const files = resultFiles(detector);
  const scored = files.map((f) => f.file);

  it('reads all 58 corpus files', () => {
    expect(files).toHaveLength(58);
  });

  it.each(PROFILE_NAMES)('reproduces every row of the S(t)_%s column at the optimised threshold', (profile) => {
    const cost = profiles.get(profile)!;
    const { threshold } = optimizeThreshold(scored, cost);
    if (detector === 'windowedGaussian') expect(threshold).toBe(1.0); // NAB's config/thresholds.json
    let rows = 0;
    for (const { file, text, name } of files) {
      const expected = column(parseNabCsv(text, name), `S(t)_${profile}`, name).map(Number);
      const ours = rowScores(file, cost, threshold).map(printed);
      expect({ name, rows: ours }).toEqual({ name, rows: expected });
      rows += expected.length;
    }
    expect(rows).toBeGreaterThan(365_000);
  });

  it('reproduces the published normalised scores to the last bit, with raw totals kept to 12 digits as NAB kept them', () => {
    for (const result of scoreDetector(scored, profiles, { rawDigits: 12 })) {
      expect(result.normalized, result.profile).toBe(published.get(detector)!.get(result.profile)!);
    }
  });

  it('matches the published normalised scores within 1e-9 at full precision', () => {
    for (const result of scoreDetector(scored, profiles)) {
      const expected = published.get(detector)!.get(result.profile)!;
      expect(Math.abs(result.normalized - expected), `${result.profile}: ${result.normalized} vs ${expected}`).toBeLessThan(1e-9);
      expect(result.normalized.toFixed(2)).toBe(expected.toFixed(2));
    }
  });
});
