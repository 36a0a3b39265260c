/**
 * A small stand-in for the sample server's partitioned log in tests: it
 * speaks the wire protocol (../src/model/logProtocol.ts) over a fixed,
 * in-memory log, lists the topic at /api/streams, and can drop a connection
 * after some messages or be stopped and started again on the same port (a
 * restart), so the consumer's resume is tested on its own.
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { WebSocketServer } from 'ws';
import { parseLogStart, type LogMessage } from '../src/model';

export interface FakeLogServer {
  readonly port: number;
  /** The `from` of every connection, in order. */
  readonly starts: string[];
  stop(): Promise<void>;
}

export interface FakeLogOptions {
  /** Per connection (by index), terminate it (code 1006) after sending this many messages. */
  readonly dropAfter?: readonly (number | undefined)[];
  /** Messages per frame. */
  readonly frame?: number;
  /** Also send the messages just before the start again (a server that replays a little). */
  readonly replay?: number;
}

/** Starts the fake on `port` (0: any) serving topic `name` of `log` (messages by partition, offsets from 0). */
export async function startFakeLog(name: string, log: readonly (readonly LogMessage[])[], port = 0, options: FakeLogOptions = {}, starts: string[] = []): Promise<FakeLogServer> {
  const http: Server = createServer((req, res) => {
    if (req.url !== '/api/streams') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ topics: [{ name, partitions: log.map((msgs, partition) => ({ partition, earliest: 0, next: msgs.length })), retention: { maxRecords: null, maxAgeMs: null }, url: '' }] }));
  });
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket, req) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const from = url.searchParams.get('from') ?? 'earliest';
    const index = starts.push(from) - 1;
    const start = parseLogStart(from);
    if (url.pathname !== `/topics/${name}` || 'error' in start) {
      socket.close(1008, 'error' in start ? start.error : 'no such topic');
      return;
    }
    const cursor = log.map((_, p) => Math.max(0, (start.kind === 'offsets' ? start.next.get(p) ?? 0 : start.kind === 'latest' ? log[p]!.length : 0) - (options.replay ?? 0)));
    // Round-robin over partitions, as a broker interleaves them.
    const order: LogMessage[] = [];
    for (let more = true; more;) {
      more = false;
      log.forEach((msgs, p) => {
        if (cursor[p]! < msgs.length) {
          order.push(msgs[cursor[p]!++]!);
          more = true;
        }
      });
    }
    const limit = options.dropAfter?.[index] ?? Infinity;
    const size = options.frame ?? 3;
    let sent = 0;
    for (let i = 0; i < order.length && sent < limit; i += size) {
      const part = order.slice(i, Math.min(i + size, i + limit - sent));
      socket.send(JSON.stringify(part));
      sent += part.length;
    }
    // A log stays open for what is appended next; a drop is the connection lost.
    if (sent >= limit) setImmediate(() => socket.terminate());
  });
  http.listen(port, '127.0.0.1');
  await once(http, 'listening');
  const address = http.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    starts,
    async stop() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
    },
  };
}

/** A log of `partitions` partitions of `n` messages each, values {ts, p, o} with event times rising per partition. */
export function sampleLog(partitions: number, n: number): LogMessage[][] {
  return Array.from({ length: partitions }, (_, partition) => Array.from({ length: n }, (_, offset) => {
    const ts = 1_700_000_000_000 + offset * 100 + partition;
    return { partition, offset, ts, value: { ts, p: partition, o: offset } };
  }));
}
