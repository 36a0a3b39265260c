/**
 * Where the app looks for the sample server: `?server=` in the page address
 * (e.g. `?server=http://192.168.1.5:9000`), else the port the serving process
 * announces at /windowpane-config.json (`npm start` passes WINDOWPANE_SERVER_PORT
 * there), else the build's VITE_WINDOWPANE_SERVER, else http://localhost:8787.
 */

const DEFAULT_SERVER = 'http://localhost:8787';

/** The server's http(s) origin from the candidates, first usable wins; a bare `host:port` means http. */
export function resolveServerBase(queryValue: string | null, envValue: string | undefined, servedValue: string | null = null): string {
  for (const candidate of [queryValue, servedValue, envValue]) {
    if (candidate === null || candidate === undefined || candidate.trim() === '') continue;
    const text = /^[a-z]+:\/\//i.test(candidate.trim()) ? candidate.trim() : `http://${candidate.trim()}`;
    try {
      const url = new URL(text);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
      if (url.protocol === 'ws:' || url.protocol === 'wss:') return `${url.protocol === 'wss:' ? 'https' : 'http'}://${url.host}`;
    } catch {
      // Not an address: try the next candidate.
    }
  }
  return DEFAULT_SERVER;
}

/** The server address the serving process announced (see loadRuntimeConfig), if any. */
let servedServer: string | null = null;

/** The address of the sample server on `port` of the page's own host. */
export function servedServerAddress(port: number, pageHostname: string): string {
  return `http://${pageHostname.includes(':') ? `[${pageHostname}]` : pageHostname}:${port}`;
}

/**
 * Reads /windowpane-config.json once at start-up (waiting at most `timeoutMs`),
 * so a sample server on a port other than 8787 is found. Never rejects: a page
 * served without the config (a static host) keeps the other candidates.
 */
export async function loadRuntimeConfig(timeoutMs = 1500): Promise<void> {
  try {
    const response = await fetch('/windowpane-config.json', { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    if (!response.ok) return;
    const body: unknown = await response.json();
    const port = typeof body === 'object' && body !== null && Object.hasOwn(body, 'sampleServerPort') ? (body as { sampleServerPort: unknown }).sampleServerPort : null;
    if (typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65535) servedServer = servedServerAddress(port, location.hostname);
  } catch {
    // No config, or not JSON: the default applies.
  }
}

/** The sample server of this page. */
export function sampleServerBase(): string {
  const query = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('server');
  return resolveServerBase(query, import.meta.env.VITE_WINDOWPANE_SERVER as string | undefined, servedServer);
}

/** The stream's WebSocket address on the server at `base`, with the sample params. */
export function streamUrl(base: string, stream: string, params: Readonly<Record<string, string | number>>): string {
  const url = new URL(`/streams/${encodeURIComponent(stream)}`, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  return url.toString();
}

/** The WebSocket address of a topic on the server at `base` (the consumer adds `?from=`). */
export function topicUrl(base: string, topic: string): string {
  const url = new URL(`/topics/${encodeURIComponent(topic)}`, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** The NAME of a `/KIND/NAME` address of the server at `base`, else null. */
function nameOfUrl(base: string, url: string, kind: 'streams' | 'topics'): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.host !== new URL(base).host) return null;
    const match = new RegExp(`^/${kind}/([^/]+)$`).exec(parsed.pathname);
    return match === null ? null : decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** The stream name when `url` is a `/streams/NAME` address of the server at `base`, else null. */
export function streamOfUrl(base: string, url: string): string | null {
  return nameOfUrl(base, url, 'streams');
}

/** The topic name when `url` is a `/topics/NAME` address of the server at `base`, else null. */
export function topicOfUrl(base: string, url: string): string | null {
  return nameOfUrl(base, url, 'topics');
}
