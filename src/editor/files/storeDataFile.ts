/**
 * A data file the user gives (dropped, picked in Import, or chosen on a
 * node): read from its head, then kept in the file store. Reading comes
 * first so a file that cannot be a source is never stored. Both run in the
 * file store's worker, so a big file never blocks the page.
 */
import type { DataFileLayout } from '../documents/dataFile';
import { storeWorker } from './storeClient';
import type { StoredFileRecord } from '../../worker/fileStore/types';
import { markStored } from './storedFiles';

export type StoredDataFile =
  | { readonly ok: true; readonly record: StoredFileRecord; readonly layout: DataFileLayout }
  | { readonly ok: false; readonly message: string; readonly quota?: boolean };

/**
 * Describes and stores `file`; `preferred`: the event-time field to keep
 * when the file has it; `onProgress` hears the bytes hashed so far.
 */
export async function storeDataFile(file: File, preferred?: string, onProgress?: (bytesDone: number) => void): Promise<StoredDataFile> {
  let described;
  try {
    described = await (await storeWorker()).describe(file, file.name, preferred);
  } catch (error) {
    return { ok: false, message: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!described.ok) return described;
  try {
    const answer = await (await storeWorker()).put(file, file.name, onProgress);
    if (!answer.ok) return answer;
    markStored(answer.record.hash);
    return { ok: true, record: answer.record, layout: described.layout };
  } catch (error) {
    return { ok: false, message: `${file.name} could not be kept in this browser: ${error instanceof Error ? error.message : String(error)}` };
  }
}
