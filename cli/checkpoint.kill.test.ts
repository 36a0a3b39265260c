/**
 * The kill test of durable CLI runs: one run of the bundled CLI, several
 * seconds long with a checkpoint every 150 ms, killed with SIGKILL at six
 * seeded random moments spread over the run and resumed with --resume each
 * time; the final results file must equal an uninterrupted run's byte for
 * byte (no row missing, none twice), for NDJSON and for CSV.
 *
 * A kill moment is a seeded amount of output written after the resumed run
 * cut its file back, once the run has written a checkpoint of its own (the
 * state the run has reached, not a time, so a busy machine moves the
 * moments with the run instead of bunching them; and each run gets on).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, writeCsv } from '../bench/fileData';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'cli', 'bin.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'windowpane-ckpt-kill-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ROWS = 600_000;
const KILLS = 6;
const SEED = 0x5eed17;
const input = join(scratch, 'in.csv');
const pipelineFile = join(scratch, 'p.json');

/** The bench's ts,key,value CSV (bench/fileData.ts): 1,000 keys, a row a millisecond with up to 50 ms of disorder (late rows too, after the watermark). */
const writeInput = (): Promise<void> => writeCsv(input, ROWS);

const PIPELINE = {
  format: 'windowpane.pipeline', version: 1, name: 'kill test',
  nodes: [
    { id: 'file', kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: '20ms' } },
    { id: 'byKey', kind: 'transform.keyBy', position: { x: 0, y: 0 }, params: { fields: ['key'] } },
    { id: 'window', kind: 'window.tumbling', position: { x: 0, y: 0 }, params: { size: '1s' } },
    { id: 'stats', kind: 'aggregate', position: { x: 0, y: 0 }, params: { aggregations: [
      { name: 'n', fn: 'count' }, { name: 'sum', fn: 'sum', field: 'value' }, { name: 'avg', fn: 'avg', field: 'value' }, { name: 'hi', fn: 'max', field: 'value' },
    ] } },
    { id: 'results', kind: 'sink.collect', position: { x: 0, y: 0 } },
  ],
  edges: [{ id: 'e1', from: 'file', to: 'byKey' }, { id: 'e2', from: 'byKey', to: 'window' }, { id: 'e3', from: 'window', to: 'stats' }, { id: 'e4', from: 'stats', to: 'results' }],
};

const runArgs = (out: string): string[] => ['run', pipelineFile, '--input', input, '--out', out];

beforeAll(async () => {
  await writeInput();
  writeFileSync(pipelineFile, JSON.stringify(PIPELINE));
}, 120_000);

const sizeOf = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/**
 * One resumed run, killed once `grow` bytes were written after its resume
 * point (or left to finish when `grow` is null). Returns whether it was
 * killed, its exit code and its standard error.
 */
async function resumedRun(out: string, dir: string, grow: number | null): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...runArgs(out), '--checkpoint', dir, '--checkpoint-every', '50ms', '--resume'], { cwd: root });
  let stderr = '';
  let base: number | null = null;
  let killed = false;
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  /** Checkpoints this run wrote (renamed into place): a kill before the first would undo the run's progress. */
  let written = 0;
  const check = (): void => {
    if (killed || grow === null) return;
    // The resume point is known once the run said where it starts (after cutting the file back).
    if (base === null) {
      if (/resuming from/.test(stderr)) base = sizeOf(out);
      else if (/no checkpoint in/.test(stderr)) base = 0;
      else return;
    }
    if (written > 0 && sizeOf(out) >= base + grow) killed = child.kill('SIGKILL');
  };
  const outWatcher = watch(out, check);
  const dirWatcher = watch(dir, (_event, name) => {
    if (base !== null && name === 'checkpoint.bin') written++;
    check();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => { stderr += text; check(); });
  const code = await exited;
  outWatcher.close();
  dirWatcher.close();
  return { killed, code, stderr };
}

describe('windowpane run --checkpoint, killed with SIGKILL and resumed', () => {
  for (const format of ['ndjson', 'csv'] as const) {
    it(`ends with the ${format.toUpperCase()} of an uninterrupted run, byte for byte, after ${KILLS} kills (seed ${SEED})`, async () => {
      const reference = join(scratch, `reference.${format}`);
      const plain = spawnSync(process.execPath, [bin, ...runArgs(reference)], { cwd: root, encoding: 'utf8' });
      expect(plain.status, plain.stderr).toBe(0);
      const expected = readFileSync(reference);
      expect(expected.length).toBeGreaterThan(10_000_000);

      const out = join(scratch, `killed.${format}`);
      const dir = join(scratch, `checkpoints-${format}`);
      writeFileSync(out, ''); // watched from the first run on
      mkdirSync(dir);
      // Seeded: the kill moments are the same on every run of the test.
      const next = seededRandom(SEED + (format === 'csv' ? 1 : 0));
      let kills = 0;
      let resumes = 0;
      for (let i = 0; i < KILLS; i++) {
        // About a twelfth of the output per run, give or take: six kills spread over the first half or more of the run,
        // leaving the last runs time to write a checkpoint of their own before the end.
        const grow = Math.floor(expected.length * (0.04 + next() * 0.08));
        const { killed, code, stderr } = await resumedRun(out, dir, grow);
        if (/resuming from/.test(stderr)) resumes++;
        if (killed) kills++;
        else expect(code, stderr).toBe(0);
      }
      const last = await resumedRun(out, dir, null);
      expect(last.code, last.stderr).toBe(0);
      expect(last.stderr).toMatch(/resuming from/);
      expect(kills).toBeGreaterThanOrEqual(5);
      expect(resumes).toBeGreaterThanOrEqual(3);
      const actual = readFileSync(out);
      if (!actual.equals(expected)) {
        const a = actual.toString('utf8').split('\n');
        const e = expected.toString('utf8').split('\n');
        const at = e.findIndex((line, n) => a[n] !== line);
        throw new Error(`the resumed output differs from the uninterrupted one: ${a.length} lines against ${e.length}, first at line ${at + 1}: '${a[at]}' instead of '${e[at]}'`);
      }
    }, 300_000);
  }
});
