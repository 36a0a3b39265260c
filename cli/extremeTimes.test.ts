/**
 * Issue 12, item 3: one absurd event time in the input made `windowpane run`
 * spin at 100% CPU forever. It runs as a child process here, with a kill
 * timer, so a regression fails this test instead of hanging the suite.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, 'bin.mjs');
const dir = mkdtempSync(join(tmpdir(), 'windowpane-extreme-'));

const pipeline = (format: string, size: string) => JSON.stringify({
  format: 'windowpane.pipeline', version: 1, name: 'extreme times',
  nodes: [
    { id: 'src', kind: 'source.file', params: { eventTime: 'ts', format, timeFormat: 'epochMillis' } },
    { id: 'k', kind: 'transform.keyBy', params: { fields: ['k'] } },
    { id: 'w', kind: 'window.tumbling', params: { size } },
    { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
    { id: 's', kind: 'sink.collect' },
  ],
  edges: [{ id: 'e1', from: 'src', to: 'k' }, { id: 'e2', from: 'k', to: 'w' }, { id: 'e3', from: 'w', to: 'a' }, { id: 'e4', from: 'a', to: 's' }],
});

interface Ran { code: number | null; out: string; err: string; killed: boolean }

function runCli(args: string[]): Promise<Ran> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { timeout: 20_000 }, (error, out, err) => {
      const failure = error as (Error & { code?: number; killed?: boolean }) | null;
      done({ code: failure === null ? 0 : failure.code ?? null, out, err, killed: failure?.killed === true });
    });
  });
}

describe('windowpane run with absurd event times', () => {
  const t0 = 1_700_000_000_000;
  const cases = [
    { name: '1e20 in CSV, 1s windows', format: 'csv', size: '1s', text: `ts,k\n${t0},a\n1e20,a\n${t0 + 1000},a\n`, line: 3 },
    { name: '1e308 in NDJSON', format: 'ndjson', size: '1m', text: `{"ts":${t0},"k":"a"}\n{"ts":1e308,"k":"a"}\n{"ts":${t0 + 1000},"k":"a"}\n`, line: 2 },
    { name: '-1e308 first, in a JSON array', format: 'json', size: '1m', text: `[{"ts":-1e308,"k":"a"},\n{"ts":${t0},"k":"a"},\n{"ts":${t0 + 1000},"k":"a"}]`, line: 1 },
  ];

  it.each(cases)('finishes with the bad row reported: $name', async ({ format, size, text, line }) => {
    const name = `${format}-${size}`;
    writeFileSync(join(dir, `${name}.json`), pipeline(format, size));
    writeFileSync(join(dir, `${name}.data`), text);
    const ran = await runCli(['run', join(dir, `${name}.json`), '--input', join(dir, `${name}.data`)]);
    expect(ran.killed, 'the run did not finish within 20 s').toBe(false);
    expect(ran.code, ran.err).toBe(0);
    expect(ran.err).toMatch(new RegExp(`warning: node 'src': line ${line}: event time "ts": .* is outside the accepted years 1900 to 2300`));
    const rows = ran.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // The two good events, in one or two windows; the bad one in none.
    expect(rows.reduce((n, r) => n + (r['n'] as number), 0)).toBe(2);
  }, 30_000);
});
