/**
 * `windowpane run --checkpoint DIR`, in process: what is refused and why,
 * a resume that finds no checkpoint, one from a mid-run checkpoint, and the
 * checkpoints a resume must not trust (changed input, corrupt, another
 * version of the pipeline or of the format), each with its message naming
 * the file and exit code 1, the output left as it was.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleStreamFields } from '../src/engine/sources/sample';
import { memoryBytes } from './inputs/streamBytes';
import { main } from './main';
import { memoryIo } from './testIo';
import { CHECKPOINT_FORMAT } from './checkpoint/format';
import { checkpointPath, encodeCheckpoint, readCheckpoint } from './checkpoint/store';

const scratch = mkdtempSync(join(tmpdir(), 'windowpane-ckpt-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const input = join(scratch, 'in.csv');
const pipelineFile = join(scratch, 'p.json');

/** `rows` rows of 50 keys, a row every 7 ms. */
function writeData(path: string, rows: number): void {
  let text = 'ts,key,value\n';
  // Every 100th row 3 s behind: late for its window, so --late has rows to keep across a resume.
  for (let i = 0; i < rows; i++) text += `${1_767_225_600_000 + i * 7 - (i % 100 === 99 ? 3000 : 0)},k${(i * 31) % 50},${i % 97}\n`;
  writeFileSync(path, text);
}

function doc(size = '1s'): string {
  return JSON.stringify({
    format: 'windowpane.pipeline', version: 1, name: 'checkpoint test',
    nodes: [
      { id: 'file', kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: '0ms' } },
      { id: 'byKey', kind: 'transform.keyBy', position: { x: 0, y: 0 }, params: { fields: ['key'] } },
      { id: 'window', kind: 'window.tumbling', position: { x: 0, y: 0 }, params: { size } },
      { id: 'stats', kind: 'aggregate', position: { x: 0, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'sum', fn: 'sum', field: 'value' }] } },
      { id: 'results', kind: 'sink.collect', position: { x: 0, y: 0 } },
    ],
    edges: [{ id: 'e1', from: 'file', to: 'byKey' }, { id: 'e2', from: 'byKey', to: 'window' }, { id: 'e3', from: 'window', to: 'stats' }, { id: 'e4', from: 'stats', to: 'results' }],
  });
}

/** Runs the CLI in process (a run without --checkpoint writes its output into `files`, one with it to the disk). */
async function run(args: readonly string[]): Promise<{ code: number; err: string; files: Map<string, string> }> {
  const io = memoryIo();
  const code = await main(['run', pipelineFile, '--input', input, ...args], io);
  return { code, err: io.err.join(''), files: io.files };
}

let reference = '';
beforeAll(async () => {
  writeData(input, 30_000);
  writeFileSync(pipelineFile, doc());
  const out = join(scratch, 'reference.csv');
  const plain = await run(['--out', out]);
  expect(plain.code).toBe(0);
  reference = plain.files.get(out) ?? '';
  expect(reference.split('\n').length).toBeGreaterThan(5000);
});

describe('run --checkpoint', () => {
  it('refuses what cannot be rolled back or read again: standard output, Parquet, standard input', async () => {
    const dir = join(scratch, 'refused');
    const cases: [string[], RegExp][] = [
      [['--checkpoint', dir], /--checkpoint needs --out FILE: results written to standard output cannot be rolled back/],
      [['--checkpoint', dir, '--out', join(scratch, 'r.parquet')], /a Parquet file is complete only when its footer is written/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run(args);
      expect(code, err).toBe(2);
      expect(err).toMatch(message);
    }
    const io = memoryIo();
    const code = await main(['run', pipelineFile, '--input', '-', '--checkpoint', dir, '--out', join(scratch, 'r.csv')], io);
    expect(code).toBe(2);
    expect(io.err.join('')).toMatch(/--checkpoint cannot resume standard input \(--input -\): it can be read only once/);
    const usage = memoryIo();
    expect(await main(['run', pipelineFile, '--resume'], usage)).toBe(2);
    expect(usage.err.join('')).toMatch(/--resume needs --checkpoint DIR/);
    expect(await main(['run', pipelineFile, '--checkpoint', dir, '--checkpoint-every', 'often'], usage)).toBe(2);
    expect(usage.err.join('')).toMatch(/--checkpoint-every must be a positive duration such as 200ms, 5s or 1m, got 'often'/);
  });

  it('refuses a live WebSocket source that is not read as a log: what it sent before a checkpoint cannot be read again', async () => {
    const io = memoryIo();
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'card-spend.json'), 'utf8')) as { nodes: { id: string; kind: string; params: Record<string, unknown> }[] };
    const source = doc.nodes.find((n) => n.kind === 'source.sample')!;
    source.kind = 'source.websocket';
    source.params = { url: 'ws://127.0.0.1:9/streams/payments', fields: sampleStreamFields('payments'), eventTime: 'ts' };
    io.files.set('/live.json', JSON.stringify(doc));
    const code = await main(['run', '/live.json', '--out', join(scratch, 'live.ndjson'), '--checkpoint', join(scratch, 'live')], io);
    expect(io.err.join('')).toContain(`--checkpoint cannot resume WebSocket source '${source.id}': what a live stream sent before a checkpoint cannot be read again`);
    expect(code).toBe(2);
  });

  it('a fresh run drops the checkpoint an earlier run left, so a resume after it failed early starts over', async () => {
    const dir = join(scratch, 'stale');
    const out = join(scratch, 'stale.csv');
    expect((await run(['--out', out, '--checkpoint', dir])).code).toBe(0);
    expect(existsSync(checkpointPath(dir))).toBe(true);
    // A fresh run that fails before its first checkpoint: its input cannot be read past 100 KB after the head.
    const io = memoryIo();
    let reads = 0;
    io.openInput = async (path) => {
      const bytes = memoryBytes(path, readFileSync(path), 4093);
      return {
        ...bytes,
        async *read(offset: number) {
          let given = 0;
          const first = reads++ === 0;
          for await (const chunk of bytes.read(offset)) {
            if (!first && given > 100_000) throw new Error('the disk went away');
            given += chunk.length;
            yield chunk;
          }
        },
      };
    };
    const code = await main(['run', pipelineFile, '--input', input, '--out', out, '--checkpoint', dir, '--checkpoint-every', '1h'], io);
    expect(io.err.join('')).toContain('the disk went away');
    expect(code).toBe(4);
    expect(existsSync(checkpointPath(dir))).toBe(false);
    const again = await run(['--out', out, '--checkpoint', dir, '--resume']);
    expect(again.err).toContain('starting from the beginning');
    expect(readFileSync(out, 'utf8')).toBe(reference);
  });

  it('--resume without a checkpoint starts from the beginning and says so', async () => {
    const dir = join(scratch, 'fresh');
    const out = join(scratch, 'fresh.csv');
    const { code, err } = await run(['--out', out, '--checkpoint', dir, '--resume']);
    expect(code, err).toBe(0);
    expect(err).toContain(`no checkpoint in ${dir} (${checkpointPath(dir)}): starting from the beginning`);
    expect(readFileSync(out, 'utf8')).toBe(reference);
    const read = await readCheckpoint(dir);
    expect(read.kind === 'ok' && read.checkpoint.finished).toBe(true);
  });

  it('resumes from a checkpoint in the middle: what followed it is rolled back and computed once more, nothing twice', async () => {
    const dir = join(scratch, 'middle');
    const out = join(scratch, 'middle.csv');
    const mid = join(scratch, 'middle-ckpt.bin');
    // Each io.now() call moves 1 s on: a checkpoint after every step. Keep the first that is written (an early one).
    const io = memoryIo();
    let now = 0;
    let kept = false;
    io.now = () => {
      now += 1000;
      if (!kept && existsSync(checkpointPath(dir))) {
        copyFileSync(checkpointPath(dir), mid);
        kept = true;
      }
      return now;
    };
    const late = join(scratch, 'middle-late.ndjson');
    expect(await main(['run', pipelineFile, '--input', input, '--out', out, '--late', late, '--checkpoint', dir, '--checkpoint-every', '1s'], io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(reference);
    const lateRows = io.files.get(late) ?? '';
    expect(lateRows.split('\n').length).toBeGreaterThan(100);
    copyFileSync(mid, checkpointPath(dir));
    const read = await readCheckpoint(dir);
    if (read.kind !== 'ok') throw new Error('the middle checkpoint does not read');
    expect(read.checkpoint.finished).toBe(false);
    expect(read.checkpoint.output.bytes).toBeGreaterThan(0);
    expect(read.checkpoint.output.bytes).toBeLessThan(reference.length);
    // As a crash would leave it: more than was committed, and half a line.
    writeFileSync(out, `${reference.slice(0, read.checkpoint.output.bytes)}${reference.slice(read.checkpoint.output.bytes, read.checkpoint.output.bytes + 1000)}half a li`);
    const { code, err, files } = await run(['--out', out, '--late', late, '--checkpoint', dir, '--resume']);
    expect(code, err).toBe(0);
    expect(err).toContain(`resuming from ${checkpointPath(dir)}`);
    expect(readFileSync(out, 'utf8')).toBe(reference);
    // The late rows before the checkpoint came back from it, those after it were seen again: each once.
    expect(files.get(late)).toBe(lateRows);
  });

  it('refuses a changed input file, a corrupt checkpoint, another pipeline version or format, with exit code 1 and the output untouched', async () => {
    const dir = join(scratch, 'refuse');
    const out = join(scratch, 'refuse.csv');
    const changedInput = join(scratch, 'changing.csv');
    writeData(changedInput, 30_000);
    const good = async (): Promise<void> => {
      const io = memoryIo();
      expect(await main(['run', pipelineFile, '--input', changedInput, '--out', out, '--checkpoint', dir], io)).toBe(0);
    };
    const resume = async (): Promise<{ code: number; err: string }> => {
      const io = memoryIo();
      const code = await main(['run', pipelineFile, '--input', changedInput, '--out', out, '--checkpoint', dir, '--resume'], io);
      return { code, err: io.err.join('') };
    };
    const expectRefused = async (message: RegExp): Promise<void> => {
      appendFileSync(out, 'not committed');
      const before = readFileSync(out, 'utf8');
      const { code, err } = await resume();
      expect(code, err).toBe(1);
      expect(err).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /); // a message, not a stack
      expect(readFileSync(out, 'utf8')).toBe(before);
    };
    const file = checkpointPath(dir);
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

    await good();
    appendFileSync(changedInput, '1767225900000,k1,1\n');
    await expectRefused(new RegExp(`${escaped}: cannot resume: the input file .*changing\\.csv changed since the checkpoint: its size was \\d+ bytes, now \\d+`));
    writeData(changedInput, 30_000);
    const then = new Date(Date.UTC(2026, 0, 1));
    utimesSync(changedInput, then, then);
    await good();
    writeFileSync(changedInput, readFileSync(changedInput, 'utf8').replace('k1,', 'k2,'));
    utimesSync(changedInput, then, then); // same size, same time: only the bytes tell
    expect(statSync(changedInput).mtimeMs).toBe(then.getTime());
    await expectRefused(/changed since the checkpoint: its first or last bytes differ/);
    writeData(changedInput, 30_000);

    await good();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    await expectRefused(new RegExp(`${escaped}: cannot resume from this checkpoint: it is corrupt`));
    writeFileSync(file, 'garbage');
    await expectRefused(new RegExp(`${escaped}: cannot resume from this checkpoint: it is not a windowpane checkpoint`));

    await good();
    const read = await readCheckpoint(dir);
    if (read.kind !== 'ok') throw new Error('no checkpoint');
    writeFileSync(file, encodeCheckpoint({ ...read.checkpoint, format: CHECKPOINT_FORMAT + 1 }));
    await expectRefused(new RegExp(`${escaped}: cannot resume from this checkpoint: it is of checkpoint format ${CHECKPOINT_FORMAT + 1}`));
    writeFileSync(file, encodeCheckpoint({ ...read.checkpoint, snapshot: { ...read.checkpoint.snapshot, format: 99 } }));
    await expectRefused(new RegExp(`${escaped}: cannot resume: restore: the snapshot is of format 99`));

    await good();
    writeFileSync(pipelineFile, doc('2s'));
    try {
      await expectRefused(new RegExp(`${escaped}: cannot resume: it is of another version of the pipeline \\([0-9a-f]{16}, the document now is [0-9a-f]{16}\\)`));
    } finally {
      writeFileSync(pipelineFile, doc());
    }
  });
});
