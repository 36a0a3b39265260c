/**
 * The sample server: HTTP (stream list, health) and WebSocket streams on one
 * port. A bad stream request is still upgraded and then closed with code 1008
 * and the reason, because a browser never sees the HTTP status of a refused
 * upgrade and the node should say why.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { handleHttp, requestUrl, safeDecode } from './httpRoutes';
import { openTopicSocket } from './log/topicRoutes';
import { TopicStore, type TopicStoreOptions } from './log/topicStore';
import { parseStreamName, parseStreamRequest } from './streamParams';
import { startStreamSession } from './streamSession';

export interface SampleServer {
  /** The port it listens on (the one asked for, or the one the OS chose for 0). */
  readonly port: number;
  /** The topics (the partitioned log), or null when started without `topics`. */
  readonly topics: TopicStore | null;
  /** Stops accepting, closes every stream (code 1001), closes the topics' files and resolves once the port is free. */
  close(): Promise<void>;
}

export interface SampleServerOptions {
  /** 0 lets the OS choose (tests). */
  readonly port: number;
  readonly host?: string | undefined;
  /** Where to say what happens; silent when absent. */
  readonly log?: (line: string) => void;
  /** Keep topics in this data directory (see server/log/); absent: no topics. */
  readonly topics?: TopicStoreOptions | undefined;
  /** Starts a stream's session; tests substitute one that fails. */
  readonly startSession?: typeof startStreamSession;
}

/** Clients have nothing to say to a stream: a small cap stops one from making the server buffer megabytes. */
const MAX_CLIENT_MESSAGE_BYTES = 4096;

/** WebSocket close reasons may hold 123 bytes. */
function reason(text: string): string {
  return Buffer.byteLength(text) <= 123 ? text : `${Buffer.from(text).subarray(0, 120).toString('utf8').replace(/\uFFFD+$/, '')}...`;
}

/** Ends one connection after a failure of ours, so the process and every other client go on. */
function failConnection(socket: WebSocket, error: unknown, log: ((line: string) => void) | undefined): void {
  const message = error instanceof Error ? error.message : String(error);
  log?.(`stream failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
  if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(1011, reason(`internal error: ${message}`));
}

function openTopic(socket: WebSocket, name: string, url: URL, topics: TopicStore | null, log: ((line: string) => void) | undefined): void {
  const session = openTopicSocket(socket, topics, name, url.searchParams, (error) => failConnection(socket, error, log));
  if ('refused' in session) {
    socket.close(1008, reason(session.refused));
    return;
  }
  socket.on('close', () => session.stop());
  socket.on('error', () => session.stop());
}

function openStream(socket: WebSocket, url: URL, options: SampleServerOptions, topics: TopicStore | null): void {
  const topic = /^\/topics\/([^/]+)$/.exec(url.pathname);
  if (topic !== null) return openTopic(socket, safeDecode(topic[1]!), url, topics, options.log);
  const match = /^\/streams\/([^/]+)$/.exec(url.pathname);
  const name = match === null ? null : parseStreamName(safeDecode(match[1]!));
  if (name === null || !name.ok) {
    socket.close(1008, reason(name?.message ?? `no stream at '${url.pathname}'; connect to /streams/NAME`));
    return;
  }
  const request = parseStreamRequest(name.value, url.searchParams);
  if (!request.ok) {
    socket.close(1008, reason(request.message));
    return;
  }
  const session = (options.startSession ?? startStreamSession)(socket, request.value, undefined, (error) => failConnection(socket, error, options.log));
  socket.on('close', () => session.stop());
  // Messages from clients mean nothing here; errors end the session through 'close'.
  socket.on('error', () => session.stop());
}

/** Starts the sample server; resolves once it listens. */
export function createServer(options: SampleServerOptions): Promise<SampleServer> {
  const startedAt = Date.now();
  let topics: TopicStore | null;
  try {
    topics = options.topics === undefined ? null : TopicStore.open({ log: options.log, ...options.topics });
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  let port = options.port;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
  const http = createHttpServer((req, res) => {
    const failed = (error: unknown): void => {
      // One bad request must not end the process and every stream with it.
      options.log?.(`request failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'internal error' }));
    };
    try {
      void handleHttp(req, res, { startedAt, clients: () => wss.clients.size, topics, port: () => port })?.catch(failed);
    } catch (error) {
      failed(error);
    }
  });
  http.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const url = requestUrl(req.url);
      if (url === null) {
        ws.close(1008, 'bad request target');
        return;
      }
      options.log?.(`stream ${url.pathname}${url.search}`);
      try {
        openStream(ws, url, options, topics);
      } catch (error) {
        failConnection(ws, error, options.log);
      }
    });
  });
  return new Promise((resolve, reject) => {
    const onListenError = (error: Error): void => {
      void topics?.close();
      reject(error);
    };
    http.once('error', onListenError);
    http.listen(options.port, options.host, () => {
      http.off('error', onListenError);
      port = (http.address() as AddressInfo).port;
      resolve({
        port,
        topics,
        close: () => new Promise<void>((done) => {
          for (const client of wss.clients) client.close(1001, 'server shutting down');
          wss.close();
          http.close(() => void (topics?.close() ?? Promise.resolve()).then(done));
          // Sockets that do not finish their closing handshake must not keep the port.
          setTimeout(() => { for (const client of wss.clients) client.terminate(); http.closeAllConnections(); }, 500).unref();
        }),
      });
    });
  });
}
