/**
 * Flink SQL export of a pipeline document (issue 16, placeholder: the i6-sql
 * branch replaces this file's body).
 */
import type { FlinkExportOptions, FlinkExportResult } from './types';

export { translateExpression } from './expression';
export * from './types';

/** Exports `document` (a raw, unvalidated pipeline document) as a Flink SQL script. */
export function exportFlinkSql(document: unknown, options: FlinkExportOptions = {}): FlinkExportResult {
  void document;
  void options;
  return { ok: false, problems: [{ path: '', message: 'the Flink SQL export is not built yet' }] };
}
