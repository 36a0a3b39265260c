/** UTF-8 bytes to text, with a fast path for the short ASCII cells CSV files are mostly made of. */

const decoder = new TextDecoder();

/** Char codes of a short ASCII cell, reused: one string is made of them, not one per character added. */
const codes: number[] = [];

/** The text of bytes [start, end) of `buf` (invalid sequences read as U+FFFD, as TextDecoder does). */
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 24) {
    for (let i = 0; i < n; i++) {
      const b = buf[start + i]!;
      if (b >= 0x80) return decoder.decode(buf.subarray(start, end));
      codes[i] = b;
    }
    codes.length = n;
    // Adding a character at a time made a new string per character: the head sniff's 120,000 cells cost three times as much.
    return String.fromCharCode.apply(null, codes);
  }
  return decoder.decode(buf.subarray(start, end));
}

/** True when bytes start with the UTF-8 byte-order mark. */
export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
