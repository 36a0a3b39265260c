/**
 * Where the app looks for the sample server: `?server=` in the page address
 * (e.g. `?server=http://192.168.1.5:9000`), else the build's
 * VITE_WINDOWPANE_SERVER, else http://localhost:8787 (what `npm start` runs).
 */

export const DEFAULT_SERVER = 'http://localhost:8787';

/** The server's http(s) origin from the candidates, first usable wins; a bare `host:port` means http. */
export function resolveServerBase(queryValue: string | null, envValue: string | undefined): string {
  for (const candidate of [queryValue, envValue]) {
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

/** The sample server of this page. */
export function sampleServerBase(): string {
  const query = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('server');
  return resolveServerBase(query, import.meta.env.VITE_WINDOWPANE_SERVER as string | undefined);
}

/** The stream's WebSocket address on the server at `base`, with the sample params. */
export function streamUrl(base: string, stream: string, params: Readonly<Record<string, string | number>>): string {
  const url = new URL(`/streams/${encodeURIComponent(stream)}`, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  return url.toString();
}

/** The stream name when `url` is a `/streams/NAME` address of the server at `base`, else null. */
export function streamOfUrl(base: string, url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.host !== new URL(base).host) return null;
    const match = /^\/streams\/([^/]+)$/.exec(parsed.pathname);
    return match === null ? null : decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
