import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreDetector } from '../../src/nab/benchmark';
import { column, parseNabCsv } from '../../src/nab/csv';
import { parseProfiles, parseWindows } from '../../src/nab/labels';
import { main } from '../main';
import { memoryIo } from '../testIo';
import { nabPipeline, scoresOf } from './detect';
import { loadPipeline } from '../../src/model';

const root = path.resolve(import.meta.dirname, '../..');
const NAB = path.resolve(root, '../shared/data/nab');
const nullExample = path.join(root, 'examples/nab-null.json');

async function nab(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(['nab', ...argv], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** A pipeline over a NAB file: `middle` nodes between the file source and a collect sink. */
function pipeline(dir: string, name: string, middle: readonly { id: string; kind: string; params?: unknown }[], extra: readonly { id: string; kind: string; params?: unknown }[] = []): string {
  const nodes = [
    { id: 'series', kind: 'source.file', params: { format: 'csv', eventTime: 'timestamp' } },
    ...middle,
    { id: 'scores', kind: 'sink.collect' },
    ...extra,
  ];
  const chain = nodes.slice(0, middle.length + 2);
  const edges = chain.slice(1).map((n, i) => ({ id: `e${i}`, from: chain[i]!.id, to: n.id }));
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ format: 'windowpane.pipeline', version: 1, name, nodes, edges }));
  return file;
}

const scoreOfValue = { id: 'detect', kind: 'transform.map', params: { fields: [{ name: 'anomaly_score', expr: 'value / 1000' }] } };

/** Two files of 200 five-minute rows, values 0..999 (so value / 1000 is a score), one window in the first. */
function tinyCorpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nab-corpus-'));
  const stamp = (i: number): string => new Date(Date.UTC(2015, 0, 1) + i * 300_000).toISOString().slice(0, 19).replace('T', ' ');
  const files = ['realA/first.csv', 'realB/second.csv'];
  files.forEach((file, f) => {
    mkdirSync(path.join(dir, 'corpus', path.dirname(file)), { recursive: true });
    const rows = Array.from({ length: 200 }, (_, i) => `${stamp(i)},${(i * 37 + f * 101) % 1000}`);
    writeFileSync(path.join(dir, 'corpus', file), `timestamp,value\n${rows.join('\n')}\n`);
  });
  writeFileSync(path.join(dir, 'combined_windows.json'), JSON.stringify({ [files[0]!]: [[`${stamp(120)}.000000`, `${stamp(140)}.000000`]], [files[1]!]: [] }));
  writeFileSync(path.join(dir, 'profiles.json'), readFileSync(path.join(NAB, 'profiles.json')));
  return dir;
}

describe('windowpane nab', () => {
  it('writes NAB\'s result files whose rows read back with the pipeline\'s scores, and prints the scores of those files', async () => {
    const corpus = tinyCorpus();
    const out = mkdtempSync(path.join(tmpdir(), 'nab-out-'));
    const file = pipeline(out, 'byValue', [scoreOfValue]);
    const { code, out: printed, err } = await nab(file, '--out', out, '--corpus', corpus);
    expect(err).toBe('');
    expect(code).toBe(0);
    const first = parseNabCsv(readFileSync(path.join(out, 'byValue/realA/byValue_first.csv'), 'utf8'), 'first');
    expect(first.header).toEqual(['timestamp', 'value', 'anomaly_score', 'label']);
    const values = column(first, 'value', 'first').map(Number);
    expect(column(first, 'anomaly_score', 'first').map(Number)).toEqual(values.map((v) => v / 1000));
    expect(column(first, 'label', 'first').filter((l) => l === '1')).toHaveLength(21);
    expect(readdirSync(path.join(out, 'byValue/realB'))).toEqual(['byValue_second.csv']);
    // The printed scores are the scorer's on the files written.
    const windows = parseWindows(JSON.parse(readFileSync(path.join(corpus, 'combined_windows.json'), 'utf8')));
    const written = ['realA/first.csv', 'realB/second.csv'].map((p) => {
      const t = parseNabCsv(readFileSync(path.join(out, 'byValue', path.dirname(p), `byValue_${path.basename(p)}`), 'utf8'), p);
      return { path: p, timestamps: column(t, 'timestamp', p), scores: column(t, 'anomaly_score', p).map(Number), windows: windows.get(p)! };
    });
    const profiles = parseProfiles(JSON.parse(readFileSync(path.join(corpus, 'profiles.json'), 'utf8')));
    for (const r of scoreDetector(written, profiles)) expect(printed).toContain(`${r.profile.padEnd(19)}${r.normalized.toFixed(2).padStart(7)}`);
    expect(printed).toContain("NAB scores of 'byValue' over 2 files (400 records");
  });

  it.each([
    ['two sources', (dir: string) => pipeline(dir, 'two', [scoreOfValue], [{ id: 'more', kind: 'source.sample', params: { stream: 'sensors', limit: 10 } }]), /needs exactly one source, a source\.file .*'more' \(source\.sample\)/],
    ['no sink', (dir: string) => {
      const file = path.join(dir, 'nosink.json');
      writeFileSync(file, JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: 'nosink', nodes: [{ id: 'series', kind: 'source.file', params: { format: 'csv', eventTime: 'timestamp' } }], edges: [] }));
      return file;
    }, /needs one sink\.collect to read the anomaly scores from; it has none/],
    ['no anomaly_score', (dir: string) => pipeline(dir, 'plain', [{ id: 'twice', kind: 'transform.map', params: { fields: [{ name: 'double', expr: 'value * 2' }] } }]), /gets no anomaly_score field/],
    ['dropped records', (dir: string) => pipeline(dir, 'dropping', [scoreOfValue, { id: 'some', kind: 'transform.filter', params: { expr: 'value > 500' } }]), /must pass every record on once: the file has 200 records, sink 'scores' got \d+/],
    ['a name NAB cannot use', (dir: string) => pipeline(dir, 'my_detector', [scoreOfValue]), /pass --detector NAME/],
  ])('refuses a pipeline with %s (exit 2, one line)', async (_label, make, message) => {
    const corpus = tinyCorpus();
    const out = mkdtempSync(path.join(tmpdir(), 'nab-out-'));
    const { code, err } = await nab(make(out), '--out', out, '--corpus', corpus);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses records out of the file\'s order', () => {
    const loaded = loadPipeline(readFileSync(nullExample, 'utf8'));
    if (!loaded.ok) throw new Error('example invalid');
    const found = nabPipeline(loaded.document);
    if (!found.ok) throw new Error(found.message);
    const rows = [{ timestamp: 2, anomaly_score: 0 }, { timestamp: 1, anomaly_score: 0 }];
    expect(scoresOf(found.pipeline, rows, [1, 2])).toEqual({ ok: false, message: "must keep the file's order: record 1 at sink 'scores' has timestamp 2, the file's record 1 1" });
    expect(scoresOf(found.pipeline, [...rows].reverse(), [1, 2])).toEqual({ ok: true, scores: [0, 0] });
    expect(scoresOf(found.pipeline, [{ timestamp: 1, anomaly_score: 1.5 }], [1])).toMatchObject({ ok: false, message: expect.stringMatching(/anomaly_score 1.5, not a number in \[0, 1\]/) });
  });

  it('scores the null detector 0 in all three profiles over the whole corpus, writing all 58 files', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'nab-out-'));
    const { code, out: printed, err } = await nab(nullExample, '--out', out, '--corpus', NAB);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(printed).toMatch(/over 58 files \(365558 records/);
    for (const profile of ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate']) expect(printed).toMatch(new RegExp(`${profile} +0\\.00`));
    const categories = readdirSync(path.join(out, 'null'));
    expect(categories.flatMap((c) => readdirSync(path.join(out, 'null', c)))).toHaveLength(58);
    // The written files carry NAB's own columns: timestamps, values and labels as in NAB's null results.
    const ours = parseNabCsv(readFileSync(path.join(out, 'null/realKnownCause/null_nyc_taxi.csv'), 'utf8'), 'ours');
    const theirs = parseNabCsv(readFileSync(path.join(NAB, 'results/null/realKnownCause/null_nyc_taxi.csv'), 'utf8'), 'theirs');
    for (const name of ['timestamp', 'label']) expect(column(ours, name, 'ours')).toEqual(column(theirs, name, 'theirs'));
  }, 300_000);
});
