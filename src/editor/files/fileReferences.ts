/**
 * The files a document's sources refer to, and the documents that leave
 * this browser: an export that may inline small stored files, and a share
 * link that never carries big data.
 */
import { CONTENT_HASH } from '../../model';
import { blobBytes, isGzipBlob } from '../../worker/fileStore/blobBytes';
import { formatBytes } from '../../worker/fileStore/store';
import type { StoredFileRecord } from '../../worker/fileStore/types';
import type { EditorDocument, EditorNode } from '../store/types';

/** Stored files at most this big (their text, after gzip is undone) may be inlined into an export. */
export const INLINE_LIMIT_BYTES = 5_000_000;
/** Inline data longer than this (in characters) is left out of share links. */
export const LINK_DATA_LIMIT = 64_000;

/** A source's reference to a stored file. */
export interface FileReference {
  readonly nodeId: string;
  readonly name: string;
  readonly hash: string;
  readonly size: number;
}

function nameOf(node: EditorNode): string {
  return typeof node.params.fileName === 'string' && node.params.fileName !== '' ? node.params.fileName : node.name ?? node.id;
}

/** The reference of a file source that has one. */
export function referenceOf(node: EditorNode): FileReference | null {
  if (node.kind !== 'source.file') return null;
  const stored = node.params.stored;
  if (typeof stored !== 'object' || stored === null) return null;
  const { hash, size } = stored as { hash?: unknown; size?: unknown };
  if (typeof hash !== 'string' || !CONTENT_HASH.test(hash) || typeof size !== 'number') return null;
  return { nodeId: node.id, name: nameOf(node), hash, size };
}

export function fileReferences(doc: EditorDocument): FileReference[] {
  return doc.nodes.map(referenceOf).filter((r): r is FileReference => r !== null);
}

/** "a.csv (4.2 MB), b.csv (1.0 KB)". */
export function describeFiles(files: readonly { readonly name: string; readonly size: number }[]): string {
  return files.map((f) => `${f.name} (${formatBytes(f.size)})`).join(', ');
}

function replaceParams(doc: EditorDocument, changed: ReadonlyMap<string, Record<string, unknown>>): EditorDocument {
  if (changed.size === 0) return doc;
  return { ...doc, nodes: doc.nodes.map((n) => (changed.has(n.id) ? { ...n, params: changed.get(n.id)! } : n)) };
}

/** What an export with data did: the document to write, and which files went in and which stayed references (with why). */
export interface InlinedExport {
  readonly doc: EditorDocument;
  readonly inlined: readonly FileReference[];
  readonly tooBig: readonly FileReference[];
  readonly missing: readonly FileReference[];
  readonly notText: readonly FileReference[];
}

/** The text of a stored file, or null when it is longer than `limit` bytes (gzip undone). */
async function textOf(record: StoredFileRecord, limit: number): Promise<string | null> {
  if (!(await isGzipBlob(record.blob))) return record.size > limit ? null : record.blob.text();
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of blobBytes(record.blob, record.name, true).read(0)) {
    length += chunk.length;
    if (length > limit) return null;
    parts.push(chunk);
  }
  return new TextDecoder().decode(await new Blob(parts as BlobPart[]).arrayBuffer());
}

/**
 * The document with each stored file under the limit inlined as
 * `params.data` (its reference removed); bigger files, Parquet (binary, not
 * text) and files this browser lacks stay references.
 */
export async function inlineSmallFiles(doc: EditorDocument, get: (hash: string) => Promise<StoredFileRecord | null>, limit = INLINE_LIMIT_BYTES): Promise<InlinedExport> {
  const changed = new Map<string, Record<string, unknown>>();
  const inlined: FileReference[] = [];
  const tooBig: FileReference[] = [];
  const missing: FileReference[] = [];
  const notText: FileReference[] = [];
  for (const node of doc.nodes) {
    const ref = referenceOf(node);
    if (ref === null) continue;
    if (node.params.format === 'parquet') {
      notText.push(ref);
      continue;
    }
    if (ref.size > limit) {
      tooBig.push(ref);
      continue;
    }
    const record = await get(ref.hash);
    if (record === null) {
      missing.push(ref);
      continue;
    }
    const text = await textOf(record, limit);
    if (text === null) {
      tooBig.push(ref);
      continue;
    }
    const { stored: _stored, ...rest } = node.params;
    changed.set(node.id, { ...rest, data: text });
    inlined.push(ref);
  }
  return { doc: replaceParams(doc, changed), inlined, tooBig, missing, notText };
}

/** A document for a share link: references stay; inline data over the limit is left out (the recipient chooses the file). */
export function forShareLink(doc: EditorDocument, limit = LINK_DATA_LIMIT): { doc: EditorDocument; leftOut: { name: string; size: number }[] } {
  const changed = new Map<string, Record<string, unknown>>();
  const leftOut: { name: string; size: number }[] = [];
  for (const node of doc.nodes) {
    const data = node.params.data;
    if (node.kind !== 'source.file' || typeof data !== 'string' || data.length <= limit) continue;
    const { data: _data, ...rest } = node.params;
    // The name stays, so the recipient's node says which file it needs.
    changed.set(node.id, { ...rest, fileName: nameOf(node) });
    leftOut.push({ name: nameOf(node), size: new TextEncoder().encode(data).length });
  }
  return { doc: replaceParams(doc, changed), leftOut };
}

/** The files a shared or imported document will ask for: stored references and named sources without data. */
export function filesToAskFor(doc: EditorDocument): { name: string; size: number | null }[] {
  const files: { name: string; size: number | null }[] = [];
  for (const node of doc.nodes) {
    if (node.kind !== 'source.file') continue;
    const ref = referenceOf(node);
    if (ref !== null) files.push({ name: ref.name, size: ref.size });
    else if (node.params.data === undefined && typeof node.params.fileName === 'string') files.push({ name: node.params.fileName, size: null });
  }
  return files;
}
