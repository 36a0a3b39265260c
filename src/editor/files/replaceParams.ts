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

/**
 * A file source's params after it was given inline text (typed, loaded in
 * the inspector, or a small stored file turned into text): the reference
 * and the fields read from the stored file go, since a source holds one or
 * the other and the text's own fields are inferred from it; a Parquet
 * format, which text cannot be, falls back to detection.
 */
export function withInlineText(params: Readonly<Record<string, unknown>>, text: string, fileName?: string): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(params).filter(([key]) => !['data', 'stored', 'fields'].includes(key) && !(key === 'format' && params[key] === 'parquet')));
  return { ...rest, data: text, ...(fileName === undefined ? {} : { fileName }) };
}
