/** UTF-8 bytes to text, with a fast path for the short ASCII cells CSV files are mostly made of. */

const decoder = new TextDecoder();

/** The text of bytes [start, end) of `buf` (invalid sequences read as U+FFFD, as TextDecoder does). */
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let text = '';
    for (let i = start; i < end; i++) {
      const b = buf[i]!;
      if (b >= 0x80) return decoder.decode(buf.subarray(start, end));
      text += String.fromCharCode(b);
    }
    return text;
  }
  return decoder.decode(buf.subarray(start, end));
}

/** `a` followed by `b` in one new array. */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** True when bytes start with the UTF-8 byte-order mark. */
export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
