/**
 * `npm run server` / `tsx server/main.ts [--port N] [--host H]`: the sample
 * server on its own. The port comes from --port, else WINDOWPANE_SERVER_PORT,
 * else 8787.
 */
import { createServer } from './createServer';
import { parseServerArgs } from './serverArgs';

async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2), process.env);
  if ('error' in args) {
    console.error(`windowpane sample server: ${args.error}`);
    process.exit(2);
  }
  const server = await createServer({ port: args.port, host: args.host }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`windowpane sample server: cannot listen on port ${args.port}${code === 'EADDRINUSE' ? ' (already in use; pass --port or set WINDOWPANE_SERVER_PORT)' : ''}: ${String(error)}`);
    process.exit(1);
  });
  console.log(`Sample server at http://localhost:${server.port}/api/streams and ws://localhost:${server.port}/streams/NAME`);
  const shutdown = (): void => {
    void server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

await main();
