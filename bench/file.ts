/**
 * `npm run bench:file`: the CLI end to end on real-sized CSV files against
 * DuckDB doing the same GROUP BY, each case its own process, with seconds,
 * rows per second and peak RSS, checked for the same answer.
 *
 * Untimed first: the 5 M row CSV (~129 MB) and the 2 GB one are generated
 * and cached (bench/fileData.ts), and the CLI is started once (a bundled CLI
 * builds itself then). Then, for each file and for 1 s and 1 h windows:
 * `node cli/bin.mjs run PIPE --input CSV --out OUT.ndjson`, and DuckDB
 * (bench/fileDuck.mjs) with one thread and with all threads, writing NDJSON
 * too. Targets print as PASS/MISS; a MISS never fails the process.
 *
 *   npm run bench:file -- --skip-2gb --runs 3
 *   npm run bench:file -- --rows 200000 --skip-2gb      (a quick look while developing)
 *
 * Also times the result writers alone: 3.2 M rows as NDJSON, CSV, Parquet.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { spotCheck } from './fileCheck';
import { benchCsv, benchPipeline, CACHE_DIR, type WindowName } from './fileData';
import { runMeasured, type ProcessRun } from './fileProcess';
import { measureWriters } from './fileWriters';

const { values: args } = parseArgs({
  options: {
    'skip-2gb': { type: 'boolean', default: false },
    'skip-writers': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    rows: { type: 'string', default: '5000000' },
    'big-rows': { type: 'string', default: '80000000' },
    'writer-rows': { type: 'string', default: '3200000' },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const RSS_TARGET_MB = 400;
const WINDOW_MS = new Map<WindowName, number>([['1s', 1000], ['1h', 3_600_000]]);

type Engine = 'CLI' | 'DuckDB 1 thread' | 'DuckDB all threads';

interface CaseResult {
  readonly file: string;
  readonly window: WindowName;
  readonly engine: Engine;
  readonly inputRows: number;
  readonly seconds: number;
  readonly peakMb: number;
  readonly resultRows: number;
  readonly note: string;
}

const log = (line: string): void => { console.log(line); };

/** Runs a case RUNS times: the median time and the largest peak. */
async function measureCase(args: readonly string[], rowsOf: (run: ProcessRun) => number): Promise<{ seconds: number; peakMb: number; resultRows: number; failure: string | null }> {
  const runs: ProcessRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await runMeasured(args);
    if (run.code !== 0) return { seconds: run.seconds, peakMb: run.peakMb, resultRows: NaN, failure: `exit ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}` };
    runs.push(run);
  }
  const times = runs.map((r) => r.seconds).sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)]!, peakMb: Math.max(...runs.map((r) => r.peakMb)), resultRows: rowsOf(runs[0]!), failure: null };
}

function cliResultRows(run: ProcessRun): number {
  const match = /(\d+) result rows(?:, (\d+) late events)?/.exec(run.stderr);
  return match === null ? NaN : Number(match[1]);
}

async function benchFile(label: string, rows: number): Promise<CaseResult[]> {
  const { path: csv, bytes } = await benchCsv(rows, log);
  log(`\n${label}: ${csv} (${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(0)} MB)`);
  const results: CaseResult[] = [];
  for (const window of ['1s', '1h'] as const) {
    const pipeline = await benchPipeline(window);
    const cliOut = join(CACHE_DIR, `out-cli-${window}.ndjson`);
    const duckOut = join(CACHE_DIR, `out-duckdb-${window}.ndjson`);
    const cli = await measureCase(['cli/bin.mjs', 'run', pipeline, '--input', csv, '--out', cliOut], cliResultRows);
    const note: string[] = cli.failure === null ? [] : [cli.failure];
    results.push({ file: label, window, engine: 'CLI', inputRows: rows, seconds: cli.seconds, peakMb: cli.peakMb, resultRows: cli.resultRows, note: '' });
    let duckRows = NaN;
    for (const threads of ['1', 'all'] as const) {
      const duck = await measureCase(['bench/fileDuck.mjs', csv, String(WINDOW_MS.get(window)), threads, duckOut], (run) => Number(run.stdout.trim()));
      duckRows = duck.resultRows;
      results.push({ file: label, window, engine: threads === '1' ? 'DuckDB 1 thread' : 'DuckDB all threads', inputRows: rows, seconds: duck.seconds, peakMb: duck.peakMb, resultRows: duck.resultRows, note: duck.failure ?? '' });
    }
    if (cli.failure === null) {
      if (cli.resultRows !== duckRows) note.push(`WRONG: ${cli.resultRows} result rows, DuckDB has ${duckRows}`);
      const problems = await spotCheck(csv, WINDOW_MS.get(window)!, cliOut);
      note.push(problems.length === 0 ? 'same rows and sampled values as DuckDB' : `WRONG: ${problems.slice(0, 3).join('; ')}`);
    }
    const cliResult = results.find((r) => r.window === window && r.engine === 'CLI')!;
    results[results.indexOf(cliResult)] = { ...cliResult, note: note.join('; ') };
    await rm(cliOut, { force: true });
    await rm(duckOut, { force: true });
    for (const r of results.filter((x) => x.window === window)) printRow(r);
  }
  return results;
}

function printRow(r: CaseResult): void {
  const rate = (r.inputRows / r.seconds / 1e6).toFixed(2);
  log(`  ${r.window.padEnd(3)} ${r.engine.padEnd(19)} ${r.seconds.toFixed(2).padStart(7)} s  ${rate.padStart(6)} M rows/s  peak ${r.peakMb.toFixed(0).padStart(5)} MB  ${String(r.resultRows).padStart(9)} result rows  ${r.note}`);
}

function targets(all: readonly CaseResult[], mainLabel: string): void {
  log('\nRatios (CLI / DuckDB 1 thread, time):');
  for (const file of [...new Set(all.map((r) => r.file))]) {
    for (const window of ['1s', '1h'] as const) {
      const cli = all.find((r) => r.file === file && r.window === window && r.engine === 'CLI');
      const one = all.find((r) => r.file === file && r.window === window && r.engine === 'DuckDB 1 thread');
      const many = all.find((r) => r.file === file && r.window === window && r.engine === 'DuckDB all threads');
      if (cli === undefined || one === undefined || many === undefined) continue;
      log(`  ${file} ${window}: ${(cli.seconds / one.seconds).toFixed(2)}x DuckDB 1 thread, ${(cli.seconds / many.seconds).toFixed(2)}x DuckDB all threads (${os.availableParallelism()}); memory ${(cli.peakMb / one.peakMb).toFixed(2)}x DuckDB 1 thread`);
    }
  }
  log('\nTargets:');
  for (const window of ['1s', '1h'] as const) {
    const cli = all.find((r) => r.file === mainLabel && r.window === window && r.engine === 'CLI');
    const one = all.find((r) => r.file === mainLabel && r.window === window && r.engine === 'DuckDB 1 thread');
    if (cli === undefined || one === undefined) continue;
    const pass = cli.seconds <= one.seconds && !cli.note.includes('WRONG') && !cli.note.includes('exit');
    log(`  ${pass ? 'PASS' : 'MISS'} ${mainLabel} ${window}: CLI ${cli.seconds.toFixed(2)} s <= DuckDB 1 thread ${one.seconds.toFixed(2)} s`);
  }
  for (const cli of all.filter((r) => r.engine === 'CLI')) {
    log(`  ${cli.peakMb <= RSS_TARGET_MB ? 'PASS' : 'MISS'} ${cli.file} ${cli.window}: CLI peak RSS ${cli.peakMb.toFixed(0)} MB <= ${RSS_TARGET_MB} MB`);
  }
  const wrong = all.filter((r) => r.note.includes('WRONG'));
  if (wrong.length > 0) log(`  MISS results differ from DuckDB in ${wrong.length} case(s): see the notes above`);
}

async function main(): Promise<void> {
  const rows = Number(args.rows);
  const mainLabel = rows === 5_000_000 ? '5M' : `${(rows / 1e6).toFixed(2)}M`;
  log(`bench:file on ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} thread(s) available, node ${process.version}, runs ${RUNS} (median time, largest peak)`);
  // The CLI may build its bundle on first start: not part of any timing.
  await runMeasured(['cli/bin.mjs', '--help']);
  const all = await benchFile(mainLabel, rows);
  if (!args['skip-2gb']) all.push(...await benchFile('2GB', Number(args['big-rows'])));
  if (!args['skip-writers']) {
    log(`\nResult writers alone (${Number(args['writer-rows']).toLocaleString('en')} rows of window_start, window_end, key, count, sum, avg, min, max; in this process):`);
    for (const line of await measureWriters(Number(args['writer-rows']))) log(`  ${line}`);
  }
  targets(all, mainLabel);
}

await main();
