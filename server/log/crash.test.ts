/**
 * A server killed with SIGKILL while its producers append: on the next start
 * every partition reads back contiguous, valid offsets, and nothing it had
 * listed as appended before the kill is lost (appends are write(2)s, which a
 * killed process cannot take back).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TopicInfo } from '../../src/model/logProtocol';
import { TopicStore } from './topicStore';

const dir = mkdtempSync(join(tmpdir(), 'wp-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = resolve(import.meta.dirname, '../..');

describe('a killed server', () => {
  it('keeps every appended record and continues with contiguous offsets', async () => {
    let listed: TopicInfo[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts'), '--port', '0', '--host', '127.0.0.1', '--data-dir', dir, '--live-rate', '5000', '--partitions', '3'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<number>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /http:\/\/localhost:(\d+)\/api\/streams/.exec(out);
          if (match !== null) done(Number(match[1]));
        });
        child.on('exit', (code) => fail(new Error(`server exited with ${code}: ${out}`)));
      });
      // Wait until the producers have appended a good many records, then kill mid-append.
      for (let total = 0; total < 10_000;) {
        listed = ((await (await fetch(`http://127.0.0.1:${port}/api/streams`)).json()) as { topics: TopicInfo[] }).topics;
        total = listed.reduce((n, t) => n + t.partitions.reduce((m, p) => m + p.next, 0), 0);
      }
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    } finally {
      child.kill('SIGKILL');
    }
    const store = TopicStore.open({ dataDir: dir, produce: false });
    try {
      expect(store.list().map((t) => t.name)).toEqual(['bids', 'clicks', 'payments', 'sensors', 'trades']);
      for (const topic of store.list()) {
        // What the server had listed as appended before the kill is all there.
        const before = listed.find((t) => t.name === topic.name)!.partitions.map((p) => p.next);
        expect(topic.partitions.map((log) => log.next >= before[topic.partitions.indexOf(log)]!)).toEqual(before.map(() => true));
        for (const log of topic.partitions) {
          const offsets: number[] = [];
          for (let at = log.earliest; at < log.next;) {
            const batch = log.read(at, 5000, 1 << 20);
            for (const record of batch) {
              offsets.push(record.offset);
              expect(() => JSON.parse(record.json) as unknown).not.toThrow();
            }
            at = batch[batch.length - 1]!.offset + 1;
          }
          expect(offsets).toEqual(Array.from({ length: log.next - log.earliest }, (_, i) => log.earliest + i));
        }
      }
    } finally {
      await store.close();
    }
  });
});
