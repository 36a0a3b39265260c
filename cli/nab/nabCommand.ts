import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scoreDetector, type ProfileResult } from '../../src/nab/benchmark';
import { checkWindows } from '../../src/nab/corpusFiles';
import { column, parseNabCsv } from '../../src/nab/csv';
import { resultCsv } from '../../src/nab/resultCsv';
import type { ScoredFile } from '../../src/nab/types';
import type { CliCommand } from '../args';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../exitCodes';
import type { CliIo } from '../io';
import { prepareDocument, reportProblems } from '../load';
import { DEFAULT_CORPUS, readCorpus, readDataFile, type NabCorpus } from './corpus';
import { nabPipeline, nabTime, prepareNabRun, scoresOf, stepToEnd } from './detect';

/** NAB names result files `<detector>_<file>` and reads the detector back up to the first `_`. */
const DETECTOR_NAME = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * `windowpane nab`: runs a detector pipeline over every file of NAB's corpus (one parameter
 * set for all, as NAB requires), writes NAB's result files and prints the three profiles'
 * normalised scores, scored as NAB's own scorer does (src/nab/).
 */
export async function nabCommand(io: CliIo, cmd: Extract<CliCommand, { command: 'nab' }>): Promise<number> {
  const prepared = await prepareDocument(io, cmd.pipeline, [], () => Promise.resolve({ ok: true, files: {} }), { needsData: false });
  if (!prepared.ok) return prepared.exitCode;
  const refuse = (message: string): number => {
    io.stderr(`windowpane nab: ${message}\n`);
    return EXIT_USAGE;
  };
  const found = nabPipeline(prepared.doc);
  if (!found.ok) return refuse(`${cmd.pipeline} ${found.message}`);
  const pipeline = found.pipeline;
  const detector = cmd.detector ?? prepared.doc.name ?? '';
  if (!DETECTOR_NAME.test(detector)) {
    return refuse(`the detector's name ${JSON.stringify(detector)} cannot name NAB's result files (letters, digits, '.' and '-', no '_'): pass --detector NAME`);
  }
  const corpusDir = cmd.corpus ?? DEFAULT_CORPUS;
  if (cmd.corpus === undefined && !existsSync(corpusDir)) return refuse(`no NAB corpus at ${DEFAULT_CORPUS}: pass --corpus DIR`);
  let corpus: NabCorpus;
  try {
    corpus = await readCorpus(corpusDir);
  } catch (error) {
    io.stderr(`windowpane nab: ${describe(error)}\n`);
    return EXIT_INVALID;
  }
  const started = io.now();
  const scored: ScoredFile[] = [];
  let records = 0;
  for (const file of corpus.files) {
    let text: string;
    try {
      text = await readDataFile(corpus, file);
    } catch (error) {
      io.stderr(`windowpane nab: ${file}: cannot read the corpus file: ${describe(error)}\n`);
      return EXIT_INVALID;
    }
    const windows = corpus.windows.get(file) ?? [];
    let timestamps: string[];
    let values: string[];
    try {
      const table = parseNabCsv(text, file);
      timestamps = column(table, 'timestamp', file);
      values = column(table, 'value', file);
      checkWindows(timestamps, windows, file);
    } catch (error) {
      io.stderr(`windowpane nab: ${describe(error)}\n`);
      return EXIT_INVALID;
    }
    const run = prepareNabRun(pipeline, text);
    if (!run.ok) {
      reportProblems(io, cmd.pipeline, run.problems);
      io.stderr(`windowpane nab: ${cmd.pipeline} cannot run on ${file}; nothing was scored\n`);
      return EXIT_INVALID;
    }
    const rows = stepToEnd(pipeline, run.prepared);
    for (const d of run.prepared.runtime.diagnostics.slice(0, 3)) io.stderr(`warning: ${file}: node '${d.nodeId}': ${d.message}\n`);
    const scores = scoresOf(pipeline, rows, timestamps.map(nabTime));
    if (!scores.ok) return refuse(`${cmd.pipeline} ${scores.message} (${file})`);
    const out = resultPath(cmd.out, detector, file);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, resultCsv({ timestamps, values, scores: scores.scores, windows }));
    scored.push({ path: file, timestamps, scores: scores.scores, windows });
    records += timestamps.length;
  }
  const results = scoreDetector(scored, corpus.profiles);
  io.stdout(report(detector, scored.length, records, (io.now() - started) / 1000, results, path.join(cmd.out, detector)));
  return EXIT_OK;
}

/** `OUT/<detector>/<category>/<detector>_<file>.csv`, NAB's layout. */
export function resultPath(out: string, detector: string, file: string): string {
  const category = path.posix.dirname(file);
  return path.join(out, detector, category, `${detector}_${path.posix.basename(file)}`);
}

function report(detector: string, files: number, records: number, seconds: number, results: readonly ProfileResult[], dir: string): string {
  const lines = [
    `NAB scores of '${detector}' over ${files} files (${records} records, ${seconds.toFixed(1)} s):`,
    '  profile              score  threshold',
    ...results.map((r) => `  ${r.profile.padEnd(19)}${r.normalized.toFixed(2).padStart(7)}  ${r.threshold}`),
    `Result files (NAB's format): ${dir}`,
  ];
  return `${lines.join('\n')}\n`;
}
