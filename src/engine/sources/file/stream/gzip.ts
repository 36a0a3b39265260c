/** Gzip told by its first bytes, the same way by every host (CLI files and stdin, the app's Blobs). */

/** True when `head` starts with gzip's magic bytes 1f 8b. */
export function startsLikeGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}
