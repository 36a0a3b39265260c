/**
 * Validates a raw document and propagates its schema to every edge. File
 * sources whose data is not at hand are compiled from their declared fields
 * (options.fileFields, else params.fields) by standing in a WebSocket source
 * of the same id, fields and event time, which compiles from declared
 * fields alone; without any, the source is named in `fieldless` and what
 * depends on it becomes a gap.
 */
import { compilePipeline } from '../engine/plan/compile';
import type { EdgeSchema } from '../engine/plan/types';
import { validate, type PipelineDocument, type PipelineNode } from '../model';
import type { FlinkExportFailure, FlinkExportOptions } from './types';

export interface Prepared {
  readonly ok: true;
  readonly document: PipelineDocument;
  readonly edgeSchemas: ReadonlyMap<string, EdgeSchema>;
  /** File sources with no data and no declared fields, with why. */
  readonly fieldless: ReadonlyMap<string, string>;
}

export function prepare(input: unknown, options: FlinkExportOptions): Prepared | FlinkExportFailure {
  const validated = validate(input);
  if (!validated.ok) return { ok: false, problems: validated.problems.map((p) => ({ path: p.path, message: p.message })) };
  const document = validated.document;
  const fieldless = new Map<string, string>();
  const nodes = document.nodes.map((node): PipelineNode => {
    if (node.kind !== 'source.file' || node.params.data !== undefined) return node;
    const given = options.fileFields?.get(node.id);
    const fields = given ?? node.params.fields;
    if (fields === undefined || fields.length === 0) {
      fieldless.set(node.id, 'has no data and no declared fields here, so its columns are unknown: give the file (the CLI\'s --input) or its fields');
      return node;
    }
    if (!fields.some((f) => f.name === node.params.eventTime)) {
      fieldless.set(node.id, `its declared fields do not include its event-time field '${node.params.eventTime}'`);
      return node;
    }
    const typed = fields.map((f) => ({ name: f.name, type: f.name === node.params.eventTime ? 'time' as const : f.type }));
    const p = node.params;
    // Compile-only stand-in: a WebSocket source takes its fields as declared.
    return {
      id: node.id, kind: 'source.websocket', position: node.position,
      params: {
        url: 'ws://flink-export.invalid', format: 'auto', fields: typed, eventTime: p.eventTime, timeFormat: 'epochMillis',
        maxOutOfOrderness: p.maxOutOfOrderness, queueLimit: 1, earliestYear: p.earliestYear, latestYear: p.latestYear,
      },
    };
  });
  const compiled = compilePipeline({ ...document, nodes }, { allowMissingFileData: true });
  if (!compiled.ok) return { ok: false, problems: compiled.problems.map((p) => ({ path: p.path, message: p.message })) };
  return { ok: true, document, edgeSchemas: compiled.plan.edgeSchemas, fieldless };
}
