/**
 * Where byte writers (the NDJSON encoder) put their output: a buffer they
 * fill from `at` after asking for room, so no string is made per value.
 */
export interface ByteSink {
  /** The buffer to write into, from `at`; it may be a different one after `room`. */
  readonly bytes: Uint8Array;
  /** Where the next byte goes; the writer advances it. */
  at: number;
  /** Makes sure `bytes` has at least `count` bytes free from `at`. */
  room(count: number): void;
}

/** A ByteSink that grows in memory: for text in tests and for callers that want a string. */
export class GrowingBytes implements ByteSink {
  bytes = new Uint8Array(1024);
  at = 0;

  room(count: number): void {
    if (this.at + count <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.at + count));
    bigger.set(this.bytes.subarray(0, this.at));
    this.bytes = bigger;
  }

  /** What was written, as text. */
  text(): string {
    return new TextDecoder().decode(this.bytes.subarray(0, this.at));
  }
}
