/**
 * `npm run server` / `tsx server/main.ts [--port N] [--host H] [--data-dir DIR] ...`
 * (see serverArgs.ts): the sample server on its own. The port comes from
 * --port, else WINDOWPANE_SERVER_PORT, else 8787. Topics live in --data-dir,
 * by default `.windowpane-data/` in the project (relative paths are the project's).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_STREAMS } from '../src/engine/sources/sample';
import { createServer } from './createServer';
import type { TopicSpec } from './log/topicStore';
import { parseServerArgs } from './serverArgs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2), process.env);
  if ('error' in args) {
    console.error(`windowpane sample server: ${args.error}`);
    process.exit(2);
  }
  const finite = new Set(args.topics.map((t) => t.name));
  // One live topic per sample stream, unless a finite topic takes its name.
  const live: TopicSpec[] = args.liveRate === null ? [] : SAMPLE_STREAMS.filter((s) => !finite.has(s)).map((stream) => ({ name: stream, stream, limit: null, rate: args.liveRate!, maxOutOfOrdernessMs: 2000 }));
  const dataDir = args.dataDir === null ? null : resolve(projectRoot, args.dataDir);
  const topics = dataDir === null ? undefined : { dataDir, partitions: args.partitions, retention: args.retention, topics: [...live, ...args.topics], produce: args.liveRate !== null };
  const log = (line: string): void => console.log(`sample server: ${line}`);
  const server = await createServer({ port: args.port, host: args.host, topics: topics === undefined ? undefined : { ...topics, log } }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`windowpane sample server: cannot ${code === 'EADDRINUSE' ? `listen on port ${args.port} (already in use; pass --port or set WINDOWPANE_SERVER_PORT)` : 'start'}: ${String(error)}`);
    process.exit(1);
  });
  console.log(`Sample server at http://localhost:${server.port}/api/streams and ws://localhost:${server.port}/streams/NAME`);
  if (dataDir !== null) console.log(`Topics in ${dataDir}: ws://localhost:${server.port}/topics/NAME?from=earliest (${server.topics?.list().map((t) => t.name).join(', ')})`);
  const shutdown = (): void => {
    void server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

await main();
