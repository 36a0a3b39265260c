/** The result formats `--out` writes, and how the command line picks one. */

export type OutFormat = 'ndjson' | 'csv' | 'parquet';

const BY_FLAG = new Map<string, OutFormat>([['ndjson', 'ndjson'], ['jsonl', 'ndjson'], ['csv', 'csv'], ['parquet', 'parquet']]);
const BY_EXTENSION = new Map<string, OutFormat>([['.ndjson', 'ndjson'], ['.jsonl', 'ndjson'], ['.csv', 'csv'], ['.parquet', 'parquet']]);

/**
 * The format of the results: `--format` when given, else the `--out` file's
 * extension (.ndjson, .jsonl, .csv, .parquet; any other writes NDJSON, as
 * before), else NDJSON.
 */
export function outFormatOf(outPath: string | undefined, formatFlag: string | undefined): OutFormat | { error: string } {
  if (formatFlag !== undefined) {
    const format = BY_FLAG.get(formatFlag.toLowerCase());
    if (format === undefined) return { error: `--format must be ndjson, csv or parquet, got '${formatFlag}'` };
    if (format === 'parquet' && (outPath === undefined || outPath === '-')) return { error: 'Parquet cannot go to standard output: give a file with --out FILE.parquet' };
    return format;
  }
  if (outPath === undefined) return 'ndjson';
  const dot = outPath.lastIndexOf('.');
  const slash = Math.max(outPath.lastIndexOf('/'), outPath.lastIndexOf('\\'));
  const extension = dot > slash ? outPath.slice(dot).toLowerCase() : '';
  return BY_EXTENSION.get(extension) ?? 'ndjson';
}
