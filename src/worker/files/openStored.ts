/**
 * Before a run compiles: every file source that refers to a stored file
 * (`params.stored`) is opened from the file store by its hash, gunzipped
 * when its bytes say gzip, and sniffed for its layout, so compile gets
 * `{bytes, layout}` for it (CompileOptions.fileInputs). A file this browser
 * does not have is a problem on its node, never a crash.
 */
import { eventTimeRange, type PipelineDocument } from '../../model';
import { sniffFile } from '../../engine/sources/file/stream';
import type { OpenedFile } from '../../engine/sources/file/stream/types';
import { blobBytes, isGzipBlob } from '../fileStore/blobBytes';
import type { FileStore } from '../fileStore/types';

/** What the worker needs of the file store (see ../fileStore/store.ts): it reads, never writes. */
export type StoreReader = Pick<FileStore, 'get'>;

export interface OpenedStoredFiles {
  /** By node id (a record without a prototype: ids are data). */
  readonly inputs: Record<string, OpenedFile>;
  readonly problems: { nodeId: string; message: string }[];
}

/** True when `doc` has a file source whose data is a stored file. */
export function hasStoredFiles(doc: PipelineDocument): boolean {
  return doc.nodes.some((n) => n.kind === 'source.file' && n.params.stored !== undefined && n.params.data === undefined);
}

export async function openStoredFiles(doc: PipelineDocument, store: StoreReader): Promise<OpenedStoredFiles> {
  const inputs = Object.create(null) as Record<string, OpenedFile>;
  const problems: { nodeId: string; message: string }[] = [];
  for (const node of doc.nodes) {
    if (node.kind !== 'source.file') continue;
    const p = node.params;
    if (p.stored === undefined || p.data !== undefined) continue;
    const name = p.fileName ?? 'of this node';
    try {
      const record = await store.get(p.stored.hash);
      if (record === null) {
        problems.push({ nodeId: node.id, message: `the file ${name} is not in this browser: choose it on the node` });
        continue;
      }
      const bytes = blobBytes(record.blob, p.fileName ?? record.name, await isGzipBlob(record.blob));
      const timeRange = eventTimeRange(p.earliestYear, p.latestYear);
      const sniffed = await sniffFile(bytes, { format: p.format, eventTime: p.eventTime, timeFormat: p.timeFormat, delimiter: p.delimiter, timeRange });
      if (!sniffed.ok) problems.push({ nodeId: node.id, message: sniffed.message });
      else inputs[node.id] = { bytes, layout: sniffed.layout };
    } catch (error) {
      problems.push({ nodeId: node.id, message: `the file ${name} could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { inputs, problems };
}
