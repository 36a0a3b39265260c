/**
 * Which file source each `--input` feeds, checked against the document:
 * a bare FILE feeds the only file source; SOURCE_ID=FILE names one. Every
 * mistake is a usage error naming the ids there are.
 */
import type { PipelineDocument, PipelineNode } from '../../src/model';
import type { InputArg } from './inputArgs';

type FileNode = Extract<PipelineNode, { kind: 'source.file' }>;

/** An input bound to its node. */
export interface AssignedInput {
  readonly node: FileNode;
  readonly path: string;
}

export type Assignment = { readonly ok: true; readonly inputs: readonly AssignedInput[] } | { readonly ok: false; readonly message: string };

const listIds = (nodes: readonly FileNode[]): string => nodes.map((n) => `'${n.id}'`).join(', ');

const flag = (input: InputArg): string => `--input ${input.sourceId === null ? '' : `${input.sourceId}=`}${input.path}`;

/** Binds every input to a file source, or says why it cannot. */
export function assignInputs(doc: PipelineDocument, inputs: readonly InputArg[]): Assignment {
  if (inputs.length === 0) return { ok: true, inputs: [] };
  const fileSources = doc.nodes.filter((n): n is FileNode => n.kind === 'source.file');
  if (fileSources.length === 0) return { ok: false, message: `${flag(inputs[0]!)}: the pipeline has no file source to feed` };
  const first = inputs[0]!;
  if (first.sourceId === null) {
    if (fileSources.length > 1) {
      return { ok: false, message: `${flag(first)}: the pipeline has ${fileSources.length} file sources (${fileSources.map((n) => n.id).join(', ')}); --input FILE feeds exactly one, give each as --input SOURCE_ID=FILE` };
    }
    return { ok: true, inputs: [{ node: fileSources[0]!, path: first.path }] };
  }
  const byId = new Map(fileSources.map((n) => [n.id, n]));
  const assigned: AssignedInput[] = [];
  for (const input of inputs) {
    const node = input.sourceId === null ? undefined : byId.get(input.sourceId);
    if (node === undefined) {
      const other = doc.nodes.find((n) => n.id === input.sourceId);
      const what = other === undefined ? 'there is no such node' : `node '${other.id}' is a ${other.kind}, not a file source`;
      return { ok: false, message: `${flag(input)}: ${what}; the file sources are ${listIds(fileSources)}` };
    }
    assigned.push({ node, path: input.path });
  }
  const fed = new Set(assigned.map((a) => a.node.id));
  const starving = fileSources.filter((n) => !fed.has(n.id) && n.params.data === undefined);
  if (starving.length > 0) {
    return { ok: false, message: `${starving.length === 1 ? 'file source' : 'file sources'} ${listIds(starving)} ${starving.length === 1 ? 'has' : 'have'} no data: give ${starving.map((n) => `--input ${n.id}=FILE`).join(' ')}` };
  }
  return { ok: true, inputs: assigned };
}

/** The file sources with a stored-file reference and neither --input nor inline data: the app has their file, the CLI does not. */
export function storedWithoutInput(doc: PipelineDocument, assigned: readonly AssignedInput[]): string[] {
  const fed = new Set(assigned.map((a) => a.node.id));
  const messages: string[] = [];
  for (const node of doc.nodes) {
    if (node.kind !== 'source.file' || fed.has(node.id) || node.params.data !== undefined || node.params.stored === undefined) continue;
    const name = node.params.fileName ?? 'a file';
    messages.push(`node '${node.id}' refers to a file stored in the app (${name}, ${formatSize(node.params.stored.size)}): give it with --input ${node.id}=FILE`);
  }
  return messages;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
