/** The format of an input: the source's `format` param unless 'auto', else the file's extension (after .gz), else the content decides. */
import type { FileFormat } from '../../src/model';

export type InputFormat = FileFormat;

const BY_EXTENSION: ReadonlyMap<string, InputFormat> = new Map([
  ['csv', 'csv'], ['tsv', 'tsv'], ['ndjson', 'ndjson'], ['jsonl', 'ndjson'], ['json', 'json'], ['parquet', 'parquet'],
]);

/** 'auto' when neither the param nor the name says: sniffFile then looks at the first bytes. */
export function inputFormat(param: InputFormat, path: string): InputFormat {
  if (param !== 'auto') return param;
  const name = path.toLowerCase().replace(/\.gz$/, '');
  const dot = name.lastIndexOf('.');
  if (dot < 0 || name.lastIndexOf('/') > dot) return 'auto';
  return BY_EXTENSION.get(name.slice(dot + 1)) ?? 'auto';
}
