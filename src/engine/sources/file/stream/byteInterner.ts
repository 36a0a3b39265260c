/**
 * A field's dictionary looked up by the bytes of a cell: a value seen before
 * is found by hashing and comparing its bytes, with no string built for it.
 * Only a new value is decoded and interned in the StringDict, which stays the
 * one the field's columns share for the life of the parser.
 */
import { internString, type StringDict } from '../../../batch';
import { decodeUtf8 } from './utf8';

/** FNV-1a over a cell's bytes: CsvFastRows hashes as it scans and hands the hash to `internHashed`. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

export class ByteInterner {
  private slots: Int32Array = new Int32Array(1024); // entry + 1, 0 when free
  private mask = 1023;
  private hashes: Int32Array = new Int32Array(256);
  private starts: Int32Array = new Int32Array(256);
  private lengths: Int32Array = new Int32Array(256);
  private codes: Int32Array = new Int32Array(256);
  private arena: Uint8Array = new Uint8Array(4096);
  private arenaUsed = 0;
  private count = 0;

  constructor(readonly dict: StringDict) {}

  /** The dictionary code of the text in bytes [start, end) of `buf`. */
  intern(buf: Uint8Array, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
    return this.internHashed(buf, start, end, h);
  }

  /** As `intern`, with the bytes' FNV-1a hash (FNV_OFFSET, FNV_PRIME) already computed. */
  internHashed(buf: Uint8Array, start: number, end: number, h: number): number {
    const length = end - start;
    const { slots, mask, hashes, lengths, starts, arena } = this;
    let slot = h & mask;
    for (;;) {
      const entry = slots[slot]! - 1;
      if (entry < 0) break;
      if (hashes[entry] === h && lengths[entry] === length) {
        const at = starts[entry]!;
        let same = true;
        for (let i = 0; i < length; i++) {
          if (arena[at + i] !== buf[start + i]) {
            same = false;
            break;
          }
        }
        if (same) return this.codes[entry]!;
      }
      slot = (slot + 1) & mask;
    }
    // Two invalid byte sequences can decode to the same text: internString keeps one code for it.
    const code = internString(this.dict, decodeUtf8(buf, start, end));
    this.add(h, buf, start, length, code, slot);
    return code;
  }

  private add(h: number, buf: Uint8Array, start: number, length: number, code: number, slot: number): void {
    const entry = this.count++;
    if (entry === this.hashes.length) {
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hashes = grow(this.hashes);
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.codes = grow(this.codes);
    }
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      arena.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = arena;
    }
    this.arena.set(buf.subarray(start, start + length), this.arenaUsed);
    this.hashes[entry] = h;
    this.starts[entry] = this.arenaUsed;
    this.lengths[entry] = length;
    this.codes[entry] = code;
    this.arenaUsed += length;
    this.slots[slot] = entry + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
