/**
 * Addresses of a log-mode source, shared by the worker's feed and the CLI:
 * the URL to (re)connect to from a position, and where the server lists the
 * topic's partitions (/api/streams, see ../../../model/logProtocol.ts).
 */

/** `url` with `from=` set to `position` (any `from` the user wrote is replaced: the position says where we are). */
export function logConnectUrl(url: string, position: string): string {
  try {
    const u = new URL(url);
    u.searchParams.delete('from');
    // Written as is, not percent-encoded: a position's characters are all legal in a query, and readable in logs.
    return `${u.toString()}${u.search === '' ? '?' : '&'}from=${position}`;
  } catch {
    return url;
  }
}

/** The http(s) address of /api/streams on the source's server, and the topic's name (the path's last part after /topics/). */
export function streamsApiOf(url: string): { readonly api: string; readonly topic: string } | null {
  try {
    const u = new URL(url);
    const at = u.pathname.lastIndexOf('/topics/');
    if (at < 0) return null;
    const topic = decodeURIComponent(u.pathname.slice(at + '/topics/'.length));
    const scheme = u.protocol === 'wss:' ? 'https:' : 'http:';
    return { api: `${scheme}//${u.host}${u.pathname.slice(0, at)}/api/streams`, topic };
  } catch {
    return null;
  }
}

/** The partition numbers of `topic` in a /api/streams body (`{topics: TopicInfo[]}`), or null when it does not list it. */
export function topicPartitions(body: unknown, topic: string): number[] | null {
  if (typeof body !== 'object' || body === null) return null;
  const topics = (body as { topics?: unknown }).topics;
  if (!Array.isArray(topics)) return null;
  for (const t of topics as unknown[]) {
    if (typeof t !== 'object' || t === null || (t as { name?: unknown }).name !== topic) continue;
    const partitions = (t as { partitions?: unknown }).partitions;
    if (!Array.isArray(partitions)) return null;
    const out: number[] = [];
    for (const p of partitions as unknown[]) {
      const n = typeof p === 'object' && p !== null ? (p as { partition?: unknown }).partition : undefined;
      if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) out.push(n);
    }
    return out;
  }
  return null;
}
