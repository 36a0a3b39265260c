/**
 * Flink SQL export of a pipeline document (issue 16): validate, propagate
 * schemas, translate node by node, assemble the script with each statement's
 * offsets and nodes. See README.md in this folder for the mapping rules.
 */
import { assemble } from './builder';
import { prepare } from './prepare';
import { translate } from './translate';
import { FLINK_VERSION, type FlinkExportOptions, type FlinkExportResult } from './types';

export { translateExpression } from './expression';
export * from './types';

/** Exports `document` (a raw, unvalidated pipeline document) as a Flink SQL script. */
export function exportFlinkSql(document: unknown, options: FlinkExportOptions = {}): FlinkExportResult {
  const prepared = prepare(document, options);
  if (!prepared.ok) return prepared;
  const { builder, sinkColumns } = translate(prepared, options);
  const { script, statements } = assemble(builder.drafts);
  return { ok: true, flinkVersion: FLINK_VERSION, script, statements, gaps: builder.gaps, sinkColumns };
}
