/**
 * The file store worker's API: what the page asks of it when a user gives a
 * data file. Describing (the head sniff) and storing (SHA-256 over the whole
 * file, then the IndexedDB put) run there, off the page's thread, so a
 * 200 MB file costs the page no long task.
 */
import type { HeadReading } from '../documents/dataFile';
import type { StoredFileRecord } from '../../worker/fileStore/types';

/** A put's answer: the record, or why not (`quota`: the browser's storage is full). */
export type PutAnswer = { readonly ok: true; readonly record: StoredFileRecord } | { readonly ok: false; readonly message: string; readonly quota: boolean };

export interface StoreWorkerApi {
  /** What `file` is, read from its head; `preferred`: an event-time field to keep when the file has it. */
  describe(file: Blob, name: string, preferred?: string): Promise<HeadReading>;
  /** Hashes and stores `file`; `onProgress` hears the bytes hashed so far. */
  put(file: Blob, name: string, onProgress?: (bytesDone: number) => void): Promise<PutAnswer>;
}
