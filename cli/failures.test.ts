import { Writable } from 'node:stream';
/** Issue 12, finding 7: the CLI's counts match its files, and an error never ends a run silently with 0. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { memoryIo, ndjson } from './testIo';

const cardSpend = resolve(import.meta.dirname, '../examples/card-spend.json');

describe('windowpane run when things go wrong', () => {
  it('prints as many late events as it writes to --late', async () => {
    const io = memoryIo();
    expect(await main(['run', cardSpend, '--out', 'out.ndjson', '--late', 'late.ndjson', '--limit', '20000'], io)).toBe(0);
    const late = ndjson(io.files.get('late.ndjson')!).length;
    expect(late).toBeGreaterThan(0);
    expect(io.err.at(-1)).toBe(`${ndjson(io.files.get('out.ndjson')!).length} result rows, ${late} late events\n`);
  });

  it('writes the results computed before an unexpected error, says what happened and exits 4', async () => {
    const full = memoryIo();
    await main(['run', cardSpend, '--out', 'out.ndjson'], full);
    const all = ndjson(full.files.get('out.ndjson')!).length;
    // The log sink's tenth line fails to print, in the middle of the run.
    const io = memoryIo();
    let logLines = 0;
    io.stderr = (text) => {
      if (text.startsWith('[tooLate]') && ++logLines === 10) throw new Error('injected: standard error is gone');
      io.err.push(text);
    };
    const code = await main(['run', cardSpend, '--out', 'out.ndjson'], io);
    const err = io.err.join('');
    expect(code, err).toBe(4);
    expect(err).toMatch(/windowpane: the run stopped on an unexpected error: node 'tooLate': injected: standard error is gone; the results above are those computed before it/);
    const rows = ndjson(io.files.get('out.ndjson')!).length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(all);
    expect(err).toContain(`${rows} result rows`);
  });

  it('says so and exits 4 when the results cannot be written', async () => {
    const io = memoryIo();
    // Results go out through a stream (cli/out); the disk fills up while it writes.
    io.openOutput = async () => new Writable({ write(_chunk, _encoding, callback) { callback(new Error('ENOSPC: no space left on device')); } });
    expect(await main(['run', cardSpend, '--out', 'out.ndjson'], io)).toBe(4);
    expect(io.err.join('')).toMatch(/windowpane: unexpected error: ENOSPC: no space left on device\n$/);
  });
});
