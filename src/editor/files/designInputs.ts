/**
 * File sources that refer to a stored file hold the fields found when the
 * file was chosen (`params.fields`); while designing, those stand in for
 * the file, so schema propagation, the inspector's field pickers and
 * validation work without reading it (or having it: another machine).
 */
import type { FieldType } from '../../engine/batch';
import type { FileBytes, FileLayout, OpenedFile, StreamFormat } from '../../engine/sources/file/stream/types';
import type { Problem } from '../../model';
import type { EditorDocument, EditorNode } from '../store/types';

const FIELD_TYPES: ReadonlySet<string> = new Set(['number', 'string', 'boolean', 'time']);

/** The bytes of a file that is never read: the plan compiled for designing is never run. */
function unreadBytes(name: string, size: number): FileBytes {
  return {
    name,
    size,
    read: () => {
      throw new Error(`${name} is not read while designing`);
    },
  };
}

function fieldsOf(params: Readonly<Record<string, unknown>>): { name: string; type: FieldType }[] | null {
  if (!Array.isArray(params.fields)) return null;
  const fields: { name: string; type: FieldType }[] = [];
  for (const f of params.fields as unknown[]) {
    if (typeof f !== 'object' || f === null) return null;
    const { name, type } = f as { name?: unknown; type?: unknown };
    if (typeof name !== 'string' || typeof type !== 'string' || !FIELD_TYPES.has(type)) return null;
    fields.push({ name, type: type as FieldType });
  }
  return fields;
}

export type DesignInput = { readonly ok: true; readonly input: OpenedFile } | { readonly ok: false; readonly problem: Problem } | null;

/**
 * The stand-in for a stored-file source `node` (at `index` in the
 * document), a problem when its event-time field is not one of the file's,
 * or null when it is not such a source (inline data, no file yet).
 */
export function designInputOf(node: EditorNode, index: number): DesignInput {
  const p = node.params;
  if (node.kind !== 'source.file' || typeof p.stored !== 'object' || p.stored === null || p.data !== undefined) return null;
  const fields = fieldsOf(p);
  if (fields === null || fields.length === 0) return null;
  const eventTime = typeof p.eventTime === 'string' ? p.eventTime : '';
  const fileName = typeof p.fileName === 'string' && p.fileName !== '' ? p.fileName : 'the file';
  if (!fields.some((f) => f.name === eventTime)) {
    const message = `node '${node.id}': eventTime: field "${eventTime}" is not in ${fileName}, which has ${fields.map((f) => f.name).join(', ')}`;
    return { ok: false, problem: { nodeId: node.id, path: `nodes[${index}].params.eventTime`, message } };
  }
  const size = typeof (p.stored as { size?: unknown }).size === 'number' ? (p.stored as { size: number }).size : null;
  const tsv = p.format === 'tsv';
  const format: StreamFormat = p.format === 'ndjson' || p.format === 'json' || p.format === 'parquet' ? p.format : 'csv';
  const delimiter = tsv ? '\t' : typeof p.delimiter === 'string' ? p.delimiter : ',';
  const layout: FileLayout = {
    format,
    delimiter,
    // The event-time field is a time whatever type it was stored with.
    fields: fields.map((f) => (f.name === eventTime ? { name: f.name, type: 'time' as const } : f)),
    eventTime,
    timeFormat: 'epochMillis' as const,
    dataStart: { offset: 0, line: 1 },
  };
  return { ok: true, input: { bytes: unreadBytes(fileName, size ?? 0), layout } };
}

/** Every stored-file source's stand-in by node id, and the problems of those that have none. */
export function designFileInputs(doc: EditorDocument): { inputs: Record<string, OpenedFile>; problems: Problem[] } {
  const inputs: Record<string, OpenedFile> = {};
  const problems: Problem[] = [];
  doc.nodes.forEach((node, index) => {
    const design = designInputOf(node, index);
    if (design === null) return;
    if (design.ok) Object.defineProperty(inputs, node.id, { value: design.input, enumerable: true, writable: true, configurable: true });
    else problems.push(design.problem);
  });
  return { inputs, problems };
}
