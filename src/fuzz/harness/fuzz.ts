/**
 * Drives one area: replay its corpus, then fast-check's random cases, each in
 * the sandbox with its time limit. A failing random case is shrunk (for at
 * most SHRINK_BUDGET_MS), written to the corpus, and reported with its seed,
 * its fast-check path, its input and the corpus file it went to.
 */
import fc from 'fast-check';
import type { FuzzArea } from '../cases/types';
import { knownOpenCase } from '../knownOpen';
import { loadCorpus, saveCase } from './corpus';
import type { CaseResult, Sandbox } from './sandbox';

const SHRINK_BUDGET_MS = 30_000;

export interface AreaStats {
  readonly area: FuzzArea;
  corpus: number;
  corpusSkipped: string[];
  random: number;
  readonly outcomes: Map<string, number>;
  /** Summed case time per outcome, to see where the time goes. */
  readonly outcomeMs: Map<string, number>;
  slowestMs: number;
  wallMs: number;
}

export function newStats(area: FuzzArea): AreaStats {
  return { area, corpus: 0, corpusSkipped: [], random: 0, outcomes: new Map(), outcomeMs: new Map(), slowestMs: 0, wallMs: 0 };
}

function count(stats: AreaStats, result: CaseResult): void {
  stats.outcomes.set(result.outcome, (stats.outcomes.get(result.outcome) ?? 0) + 1);
  stats.outcomeMs.set(result.outcome, (stats.outcomeMs.get(result.outcome) ?? 0) + result.ms);
  stats.slowestMs = Math.max(stats.slowestMs, result.ms);
}

/** The seed: FUZZ_SEED (a number, or `random`), else a fixed one so CI runs the same cases every time. */
export function fuzzSeed(): number {
  const text = process.env['FUZZ_SEED'];
  if (text === 'random') return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  if (text !== undefined && text !== '' && Number.isSafeInteger(Number(text))) return Number(text);
  return 1206;
}

/** Random cases for an area whose default is `runs`: FUZZ_RUNS scales every area to that total. */
export function runsFor(runs: number): number {
  const total = Number(process.env['FUZZ_RUNS']);
  return Number.isFinite(total) && total > 0 ? Math.max(1, Math.round((runs * total) / DEFAULT_TOTAL)) : runs;
}

/** The sum of every area's default runs (see the *.fuzz.test.ts files); FUZZ_RUNS is read against it. */
export const DEFAULT_TOTAL = 5500;

/** The vitest timeout for `runs` cases: generous, a case that hangs costs its 2 s limit. */
export function timeoutFor(runs: number): number {
  return 60_000 + runs * 40;
}

function clip(text: string, length = 3000): string {
  return text.length <= length ? text : `${text.slice(0, length)}... (${text.length} characters)`;
}

function failureText(name: string, result: CaseResult, input: unknown): string {
  return `${name}: ${result.violations.join('\n  ')}\n  input: ${clip(JSON.stringify(input))}`;
}

/**
 * Runs a case; one over its time limit gets a second try on a fresh thread,
 * because on a loaded machine (2 cores, many jobs) a blip is not a hang. It
 * fails only when both tries are over the limit.
 */
export async function runChecked(sandbox: Sandbox, area: FuzzArea, input: unknown): Promise<CaseResult> {
  const first = await sandbox.run(area, input);
  if (!first.overLimit) return first;
  const second = await sandbox.run(area, input);
  if (!second.overLimit) return second;
  return { ...second, violations: [...second.violations, `over the limit on the first try too (${Math.round(first.ms)} ms)`] };
}

/** Replays the corpus of `area`; returns one line per case that failed (known open cases are skipped and listed in stats). */
export async function replayCorpus(sandbox: Sandbox, area: FuzzArea, stats: AreaStats): Promise<string[]> {
  const failures: string[] = [];
  for (const { name, entry } of loadCorpus(area)) {
    const open = knownOpenCase(name);
    if (open !== undefined) {
      stats.corpusSkipped.push(`${name} (issue 12 item ${open.issueItem}: ${open.what})`);
      continue;
    }
    const result = await runChecked(sandbox, area, entry.input);
    stats.corpus++;
    count(stats, result);
    if (result.violations.length > 0) failures.push(failureText(name, result, entry.input));
  }
  return failures;
}

/**
 * Runs `runs` random cases of `arbitrary`. Resolves when every case held;
 * rejects with the seed, path, shrunk input and corpus file of the first that did not.
 */
export async function fuzzRandom<T>(sandbox: Sandbox, area: FuzzArea, arbitrary: fc.Arbitrary<T>, runs: number, stats: AreaStats): Promise<void> {
  const seed = fuzzSeed();
  let failedAt: number | null = null;
  let last: { input: T; result: CaseResult } | null = null;
  const started = performance.now();
  const property = fc.asyncProperty(arbitrary, async (input) => {
    // Past the shrink budget every candidate "holds": fast-check keeps the smallest failure found so far.
    if (failedAt !== null && performance.now() - failedAt > SHRINK_BUDGET_MS) return true;
    const result = await runChecked(sandbox, area, input);
    if (failedAt === null) {
      stats.random++;
      count(stats, result);
    }
    if (result.violations.length === 0) return true;
    failedAt ??= performance.now();
    last = { input, result };
    return false;
  });
  const path = process.env['FUZZ_PATH'];
  const details = await fc.check(property, { seed, numRuns: runs, ...(path === undefined || path === '' ? {} : { path }) });
  stats.wallMs += performance.now() - started;
  if (!details.failed) return;
  const failure = last as { input: T; result: CaseResult } | null;
  if (failure === null) throw new Error(`fuzz ${area}: failed without a case (seed ${seed}): ${String(details.errorInstance)}`);
  const name = saveCase({
    area,
    what: `a random ${area} case (shrunk)`,
    why: failure.result.violations.join('\n'),
    found: `FUZZ_SEED=${seed} FUZZ_PATH=${details.counterexamplePath ?? ''}`,
    input: failure.input,
  }, failure.result.outcome);
  throw new Error(
    `fuzz ${area} failed after ${details.numRuns} cases; replay with FUZZ_SEED=${seed} FUZZ_PATH='${details.counterexamplePath ?? ''}'\n` +
    `written to src/fuzz/corpus/${name}\n${failureText('case', failure.result, failure.input)}`,
  );
}

/** One line for the log: counts, outcomes and times. */
export function summary(stats: AreaStats): string {
  const outcomes = [...stats.outcomes].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n} in ${((stats.outcomeMs.get(name) ?? 0) / 1000).toFixed(1)} s`).join(', ');
  const skipped = stats.corpusSkipped.length === 0 ? '' : `; ${stats.corpusSkipped.length} known open skipped: ${stats.corpusSkipped.join('; ')}`;
  return `fuzz ${stats.area}: ${stats.random} random + ${stats.corpus} corpus cases in ${(stats.wallMs / 1000).toFixed(1)} s, slowest ${Math.round(stats.slowestMs)} ms (${outcomes})${skipped}`;
}
