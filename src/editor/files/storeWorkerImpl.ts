/**
 * The file store worker's work, apart from its messaging so tests run it
 * in-thread: describe a file from its head, hash and store it. Errors come
 * back as answers, since a thrown error loses its kind crossing to the page.
 */
import { describeDataFile } from './describeFile';
import { fileStore, FileStoreError } from '../../worker/fileStore/store';
import type { StoreWorkerApi } from './storeWorkerApi';

export function createStoreWorker(): StoreWorkerApi {
  return {
    describe: (file, name, preferred) => describeDataFile(file, name, preferred),
    async put(file, name, onProgress) {
      try {
        return { ok: true, record: await fileStore().put(file, name, onProgress) };
      } catch (error) {
        if (error instanceof FileStoreError) return { ok: false, message: error.message, quota: error.quota };
        return { ok: false, message: `${name} could not be kept in this browser: ${error instanceof Error ? error.message : String(error)}`, quota: false };
      }
    },
  };
}
