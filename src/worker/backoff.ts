/**
 * Reconnect delays for WebSocket sources: by default 0.5 s doubling to 10 s,
 * each with ±20 % jitter so that many tabs whose server restarts do not all
 * knock at the same instant; a source's retry policy changes them
 * (../model/schema/retryPolicy.ts).
 */
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../model';

/** The default policy's delay before reconnect number `attempt` (0 first); `random` is uniform in [0, 1). */
export function retryDelay(attempt: number, random: number): number {
  return retryDelayMs(DEFAULT_RETRY_POLICY, attempt + 1, random);
}

/** "0.5 s", "2 s", "9.6 s": the delay as the node's tooltip says it. */
export function formatDelay(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} s`;
}

/** Codes by which a server refuses the request itself: retrying would be refused again. */
const REFUSALS = new Set([1002, 1003, 1007, 1008, 1009, 1010]);

/** What a close means for the feed: the stream is over, the server refused us, or try again. */
export type CloseVerdict = { readonly kind: 'ended'; readonly detail: string } | { readonly kind: 'refused'; readonly detail: string } | { readonly kind: 'retry'; readonly why: string };

/** Judges a close by its code and reason, and whether the socket had opened. */
export function judgeClose(code: number, reason: string, opened: boolean): CloseVerdict {
  const said = reason.trim() === '' ? '' : `: ${reason.trim()}`;
  // 1000 is a normal closure: a finite stream (a server's limit) is complete, and reconnecting would replay it.
  if (code === 1000) return { kind: 'ended', detail: `the server ended the stream${said}` };
  if (REFUSALS.has(code)) return { kind: 'refused', detail: `refused by the server (code ${code})${said}` };
  if (!opened) return { kind: 'retry', why: 'cannot connect' };
  if (code === 1001) return { kind: 'retry', why: `server going away${said}` };
  return { kind: 'retry', why: code === 1006 ? 'connection lost' : `closed with code ${code}${said}` };
}
