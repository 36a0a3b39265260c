/**
 * `npm run bench:nab`: every detector pipeline in examples/nab-*.json over NAB's corpus
 * (../shared/data/nab, or --corpus DIR): its three normalised scores beside NAB's published
 * scoreboard (final_results.json, every entry, sorted by the standard profile), and its
 * throughput in events per second: the pipeline stepped over all 58 files' rows in one
 * process, excluding reading and parsing the files (done before the clock starts), best of
 * --runs (3). Scores come from src/nab/, as `windowpane nab` prints them.
 *
 *   npm run bench:nab
 *   npm run bench:nab -- --runs 1 --only nab-null.json
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadPipeline } from '../src/model';
import { PROFILE_NAMES, scoreDetector } from '../src/nab/benchmark';
import { column, parseNabCsv } from '../src/nab/csv';
import { parseScoreboard } from '../src/nab/labels';
import type { ProfileName, ScoredFile } from '../src/nab/types';
import { DEFAULT_CORPUS, readCorpus, readDataFile } from '../cli/nab/corpus';
import { nabPipeline, nabTime, prepareNabRun, scoresOf, stepToEnd, type NabPipeline } from '../cli/nab/detect';

interface CorpusFile { readonly path: string; readonly text: string; readonly timestamps: string[]; readonly times: number[] }

interface Measured { readonly name: string; readonly scores: ReadonlyMap<ProfileName, number>; readonly eventsPerSecond: number }

/** One pass over the corpus: the scores and the time spent stepping the pipelines (compiling and parsing excluded). */
function detect(pipeline: NabPipeline, files: readonly CorpusFile[], windows: ReadonlyMap<string, readonly { start: string; end: string }[]>): { scored: ScoredFile[]; ms: number } {
  const scored: ScoredFile[] = [];
  let ms = 0;
  for (const file of files) {
    const run = prepareNabRun(pipeline, file.text);
    if (!run.ok) throw new Error(`${file.path}: ${run.problems.map((p) => p.message).join('; ')}`);
    const start = performance.now();
    const rows = stepToEnd(pipeline, run.prepared);
    ms += performance.now() - start;
    const scores = scoresOf(pipeline, rows, file.times);
    if (!scores.ok) throw new Error(`${file.path}: ${scores.message}`);
    scored.push({ path: file.path, timestamps: file.timestamps, scores: scores.scores, windows: windows.get(file.path) ?? [] });
  }
  return { scored, ms };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, runs: { type: 'string' }, only: { type: 'string' } } });
  // npm runs scripts in the package's root; the bundle's own location says nothing (it is built to a cache).
  const root = process.cwd();
  const corpusDir = values.corpus ?? DEFAULT_CORPUS;
  const corpus = await readCorpus(corpusDir);
  const runs = Math.max(1, Number(values.runs ?? 3));
  const files: CorpusFile[] = [];
  for (const file of corpus.files) {
    const text = await readDataFile(corpus, file);
    const timestamps = column(parseNabCsv(text, file), 'timestamp', file);
    files.push({ path: file, text, timestamps, times: timestamps.map(nabTime) });
  }
  const events = files.reduce((n, f) => n + f.timestamps.length, 0);
  const examples = readdirSync(path.join(root, 'examples')).filter((f) => /^nab-.+\.json$/.test(f) && (values.only === undefined || f === values.only)).sort();
  const ours: Measured[] = [];
  for (const example of examples) {
    const loaded = loadPipeline(readFileSync(path.join(root, 'examples', example), 'utf8'));
    if (!loaded.ok) throw new Error(`${example}: ${loaded.problems.map((p) => p.message).join('; ')}`);
    const found = nabPipeline(loaded.document);
    if (!found.ok) throw new Error(`${example} ${found.message}`);
    let best = Infinity;
    let scored: ScoredFile[] = [];
    for (let r = 0; r < runs; r++) {
      const pass = detect(found.pipeline, files, corpus.windows);
      best = Math.min(best, pass.ms);
      scored = pass.scored;
    }
    const results = scoreDetector(scored, corpus.profiles);
    const name = `${example.slice('nab-'.length, -'.json'.length)} (ours)`;
    ours.push({ name, scores: new Map(results.map((r) => [r.profile, r.normalized])), eventsPerSecond: (events / best) * 1000 });
    process.stderr.write(`${name}: ${results.map((r) => `${r.profile} ${r.normalized.toFixed(2)} at ${r.threshold}`).join(', ')}; ${events} events in ${best.toFixed(0)} ms\n`);
  }
  const publishedPath = path.join(corpusDir, 'final_results.json');
  const published = parseScoreboard(JSON.parse(readFileSync(publishedPath, 'utf8')));
  const rows: Measured[] = [...ours, ...[...published].map(([name, scores]) => ({ name, scores, eventsPerSecond: Number.NaN }))];
  rows.sort((a, b) => (b.scores.get('standard') ?? 0) - (a.scores.get('standard') ?? 0));
  const lines = [
    `NAB: ${files.length} files, ${events} events; ours scored by src/nab (as \`windowpane nab\`), NAB's from final_results.json`,
    '',
    '| detector | standard | low FP | low FN | events/s |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${PROFILE_NAMES.map((p) => (r.scores.get(p) ?? Number.NaN).toFixed(2)).join(' | ')} | ${Number.isNaN(r.eventsPerSecond) ? '' : Math.round(r.eventsPerSecond).toLocaleString('en-US')} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:nab: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
