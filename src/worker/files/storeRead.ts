/**
 * Reading the app's file store (see ../fileStore/types.ts) from the worker:
 * one record by its hash. The worker never writes the store, and never
 * creates it: opening a database that does not exist yet is aborted, so the
 * page's store later creates it with its own schema.
 */
import { FILE_STORE_DB, FILE_STORE_NAME, type StoredFileRecord } from '../fileStore/types';

/** What the worker needs of the store. */
export interface StoreReader {
  get(hash: string): Promise<StoredFileRecord | null>;
}

function openExisting(factory: IDBFactory): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = factory.open(FILE_STORE_DB);
    let created = false;
    request.onupgradeneeded = () => {
      // The database did not exist: nothing is stored in this browser.
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      if (created) resolve(null);
      else reject(request.error ?? new Error(`the file store ${FILE_STORE_DB} could not be opened`));
    };
  });
}

/** A reader of the IndexedDB file store through `factory` (the worker's indexedDB). */
export function indexedDbStoreReader(factory: IDBFactory): StoreReader {
  return {
    async get(hash) {
      const db = await openExisting(factory);
      if (db === null) return null;
      try {
        if (!db.objectStoreNames.contains(FILE_STORE_NAME)) return null;
        return await new Promise<StoredFileRecord | null>((resolve, reject) => {
          const request = db.transaction(FILE_STORE_NAME, 'readonly').objectStore(FILE_STORE_NAME).get(hash);
          request.onsuccess = () => resolve((request.result as StoredFileRecord | undefined) ?? null);
          request.onerror = () => reject(request.error ?? new Error('the file store could not be read'));
        });
      } finally {
        db.close();
      }
    },
  };
}
