import type { StoredFile } from '../../model';
import { storedFileParams, type DataFileLayout } from '../documents/dataFile';

/**
 * A file source's params after it was given a stored file: its own settings
 * (time format, bound, years, idle timeout) stay; what the file decides
 * (format, delimiter, event time, fields, the reference) is replaced, and
 * inline data goes.
 */
export function withStoredFile(params: Readonly<Record<string, unknown>>, fileName: string, stored: StoredFile, layout: DataFileLayout): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(params).filter(([key]) => !['data', 'delimiter', 'stored', 'fields', 'format', 'eventTime', 'fileName'].includes(key)));
  return { ...rest, ...storedFileParams(fileName, stored, layout) };
}
