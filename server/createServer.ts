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
import { parseStreamName, parseStreamRequest } from './streamParams';
import { startStreamSession } from './streamSession';

export interface SampleServer {
  /** The port it listens on (the one asked for, or the one the OS chose for 0). */
  readonly port: number;
  /** Stops accepting, closes every stream (code 1001) and resolves once the port is free. */
  close(): Promise<void>;
}

export interface SampleServerOptions {
  /** 0 lets the OS choose (tests). */
  readonly port: number;
  readonly host?: string | undefined;
  /** Where to say what happens; silent when absent. */
  readonly log?: (line: string) => void;
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

function openStream(socket: WebSocket, url: URL, options: SampleServerOptions): void {
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
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
  const http = createHttpServer((req, res) => {
    try {
      handleHttp(req, res, startedAt, () => wss.clients.size);
    } catch (error) {
      // One bad request must not end the process and every stream with it.
      options.log?.(`request failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'internal error' }));
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
        openStream(ws, url, options);
      } catch (error) {
        failConnection(ws, error, options.log);
      }
    });
  });
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      const port = (http.address() as AddressInfo).port;
      resolve({
        port,
        close: () => new Promise<void>((done) => {
          for (const client of wss.clients) client.close(1001, 'server shutting down');
          wss.close();
          http.close(() => done());
          // Sockets that do not finish their closing handshake must not keep the port.
          setTimeout(() => { for (const client of wss.clients) client.terminate(); http.closeAllConnections(); }, 500).unref();
        }),
      });
    });
  });
}
