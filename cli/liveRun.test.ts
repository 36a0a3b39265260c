import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SampleServer } from '../server/createServer';
import { sampleStreamFields } from '../src/engine/sources/sample';
import { main } from './main';
import { memoryIo, ndjson } from './testIo';

const root = resolve(import.meta.dirname, '..');
let server: SampleServer;

beforeAll(async () => {
  server = await createServer({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

interface Doc { nodes: { id: string; kind: string; params?: Record<string, unknown> }[] }

/**
 * The card-spend example (tumbling windows, 10% late payments, allowed lateness)
 * with its sample source replaced by the same stream read from the sample server.
 */
async function documents(query: string, overrides: Record<string, unknown> = {}): Promise<{ builtIn: string; live: string }> {
  const doc = JSON.parse(await readFile(resolve(root, 'examples/card-spend.json'), 'utf8')) as Doc;
  const source = doc.nodes.find((n) => n.kind === 'source.sample')!;
  const p = Object.assign(source.params!, overrides);
  const text = JSON.stringify(doc);
  const url = `ws://127.0.0.1:${server.port}/streams/${String(p.stream)}?rate=${String(p.rate)}&keys=${String(p.keys)}&seed=${String(p.seed)}`
    + `&maxOutOfOrderness=${String(p.maxOutOfOrderness)}&lateFraction=${String(p.lateFraction ?? 0)}&limit=${String(p.limit)}`
    + `${p.startTime === undefined ? '' : `&startTime=${String(p.startTime)}`}${query}`;
  const live = structuredClone(doc);
  live.nodes = live.nodes.map((n) => n.id !== source.id ? n : {
    ...n, kind: 'source.websocket',
    params: { url, fields: sampleStreamFields('payments'), eventTime: 'ts', maxOutOfOrderness: p.maxOutOfOrderness },
  });
  return { builtIn: text, live: JSON.stringify(live) };
}

async function run(docText: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  io.files.set('/doc.json', docText);
  const code = await main(['run', '/doc.json', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('windowpane run with a WebSocket source', () => {
  it('gives the same windowed results, revisions and late events as the built-in source with the same seed', async () => {
    const { builtIn, live } = await documents('&speed=max&batch=250');
    const expected = await run(builtIn);
    const got = await run(live);
    expect(got.code, got.err).toBe(0);
    expect(ndjson(got.out).length).toBeGreaterThan(100);
    expect(got.out).toBe(expected.out);
    expect(got.err).toMatch(/connection closed \(code 1000: end of stream\)/);
  });

  it('stops after --limit events, mid-message, exactly as the built-in source does', async () => {
    // In order: a generator capped at N gives the first N events of the uncapped stream
    // (with disorder, a capped generator flushes its reorder buffer early instead).
    const { builtIn, live } = await documents('&speed=max&batch=500', { maxOutOfOrderness: '0ms', lateFraction: 0 });
    const expected = await run(builtIn, '--limit', '1234');
    const got = await run(live, '--limit', '1234');
    expect(got.code, got.err).toBe(0);
    expect(got.out).toBe(expected.out);
  });

  it('runs on past corrupt messages and reports them', async () => {
    const { builtIn, live } = await documents('&speed=max&batch=100&corrupt=0.3');
    const got = await run(live);
    expect(got.out).toBe((await run(builtIn)).out);
    expect(got.err).toMatch(/node 'payments': \d+ unreadable messages or events \(last: message \d+: not JSON/);
  });

  it('ends with a clear line and exit code 3 when the server cannot be reached', async () => {
    const { live } = await documents('');
    const got = await run(live.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:1'));
    expect(got.code).toBe(3);
    expect(got.err).toMatch(/cannot read ws:\/\/127\.0\.0\.1:1\/streams\/payments.*ECONNREFUSED/);
    expect(got.err).toMatch(/windowpane: incomplete run, a live source ended early/);
  });

  it('says so and exits 3, with the results so far, when the live server dies mid-run', async () => {
    // One process (tsx's own CLI would start the server in a child that outlives a SIGKILL).
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'server/main.ts'), '--port', '0', '--host', '127.0.0.1', '--no-topics'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let banner = '';
      while (!/localhost:(\d+)/.test(banner)) banner += String((await once(child.stdout, 'data'))[0]);
      const port = /localhost:(\d+)/.exec(banner)![1]!;
      // Endless at 3,000 events per second: only the server's death ends it.
      const { live } = await documents('&speed=60', { limit: 'none' });
      const io = memoryIo();
      io.files.set('/doc.json', live.replace(/&limit=none/, '').replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`));
      const stderr = io.stderr;
      let kills = 0;
      io.stderr = (text) => {
        stderr(text);
        // Kill it once some windows have fired (the log sink prints late events as they arrive).
        if (text.startsWith('[') && ++kills === 3) child.kill('SIGKILL');
      };
      const code = await main(['run', '/doc.json', '--out', 'out.ndjson'], io);
      const err = io.err.join('');
      expect(code, err).toBe(3);
      expect(err).toMatch(/windowpane: incomplete run, a live source ended early \(node 'payments': connection closed \(code 1006\)\); the results above are partial/);
      expect(ndjson(io.files.get('out.ndjson')!).length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('runs a file source beside the live one, each to its own sink', async () => {
    const { builtIn, live } = await documents('&speed=max&batch=250');
    const doc = JSON.parse(live) as Doc & { edges: { id: string; from: string; to: string }[] };
    doc.nodes.push(
      { id: 'file', kind: 'source.file', params: { eventTime: 'ts', timeFormat: 'epochMillis' } },
      { id: 'fileWindow', kind: 'window.tumbling', params: { size: '1s' } },
      { id: 'fileCount', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
      { id: 'fileResults', kind: 'sink.collect' },
    );
    doc.edges.push({ id: 'f1', from: 'file', to: 'fileWindow' }, { id: 'f2', from: 'fileWindow', to: 'fileCount' }, { id: 'f3', from: 'fileCount', to: 'fileResults' });
    const io = memoryIo();
    io.files.set('/doc.json', JSON.stringify(doc));
    io.files.set('/events.csv', ['ts,v', ...Array.from({ length: 20_000 }, (_, i) => `${1_700_000_000_000 + i * 10},${i}`)].join('\n'));
    const code = await main(['run', '/doc.json', '--input', '/events.csv'], io);
    expect(code, io.err.join('')).toBe(0);
    const rows = ndjson(io.out.join(''));
    const fileRows = rows.filter((r) => r['sink'] === 'fileResults');
    expect(fileRows.reduce((n, r) => n + (r['n'] as number), 0)).toBe(20_000);
    // The live branch gives what it gives alone.
    const expected = ndjson((await run(builtIn)).out).map((r) => JSON.stringify(r));
    const liveRows = rows.filter((r) => r['sink'] === 'results').map(({ sink: _sink, ...r }) => JSON.stringify(r));
    expect(liveRows).toEqual(expected);
  });
});
