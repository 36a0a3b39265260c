/**
 * The app's file store: files a user drops or chooses are kept once, as
 * Blobs in IndexedDB under the SHA-256 of their bytes, so a document refers
 * to them (`params.stored`: hash and size) and never holds their text. The
 * page writes the store; the worker reads it by hash. Both share this contract.
 */
import type { StoredFile } from '../../model';

/** The IndexedDB database and object store that hold the files. */
export const FILE_STORE_DB = 'windowpane-files';
export const FILE_STORE_NAME = 'files';

/** One stored file: its reference, what it was called, and its bytes. */
export interface StoredFileRecord extends StoredFile {
  /** The name it had when first stored (the same bytes under another name are stored once). */
  readonly name: string;
  /** Epoch ms of when it was stored. */
  readonly storedAt: number;
  readonly blob: Blob;
}

export interface FileStore {
  /**
   * Stores `file` (hashing it in chunks, so a big file blocks nothing) and
   * returns its reference; a file already stored is not stored again.
   * `onProgress` gets bytes hashed so far.
   */
  put(file: Blob, name: string, onProgress?: (bytesDone: number) => void): Promise<StoredFileRecord>;
  /** The stored file with this hash, or null when this browser does not have it. */
  get(hash: string): Promise<StoredFileRecord | null>;
}
