import type { Problem } from '../../model';
import { toPipelineJson } from '../store/documentFormat';
import type { EditorDocument, Selection, Viewport } from '../store/types';
import { readEditorDocument } from './savedDocument';

/** One line of the pipelines list. */
export interface PipelineEntry {
  readonly id: string;
  readonly name: string;
  /** When the document last changed (epoch ms); panning and selecting do not count. */
  readonly updatedAt: number;
}

/** What is on screen for one pipeline: the part of the editor state that a reload brings back. */
export interface EditorSnapshot {
  readonly doc: EditorDocument;
  readonly selection: Selection;
  readonly viewport: Viewport;
}

/**
 * A pipeline as stored: plain JSON. `doc` is the pipeline format itself
 * (with `format` and `version`), so a saved document goes through `migrate()`
 * when the format moves on.
 */
export interface PipelineRecord {
  readonly doc: unknown;
  readonly selection: Selection;
  readonly viewport: Viewport;
  /** When it was written (epoch ms), so a journal left by a page that went away can tell which is newer. */
  readonly savedAt?: number;
}

/** The storage key of a pipeline's record. */
export function recordKey(id: string): string {
  return `pipeline:${id}`;
}

/** When a stored record was written; -Infinity when it does not say (written before records said). */
export function savedAtOf(value: unknown): number {
  if (!isRecord(value)) return -Infinity;
  const at = value.savedAt;
  return typeof at === 'number' && Number.isFinite(at) ? at : -Infinity;
}

const DEFAULT_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };

const unframed = new WeakSet<Viewport>();
/**
 * The viewport of a pipeline that has not been on screen yet (an example, an
 * import): the canvas frames the pipeline when it shows it. A new object each
 * time, so showing one such pipeline after another is always a change.
 */
export function unframedViewport(): Viewport {
  const viewport = { ...DEFAULT_VIEWPORT };
  unframed.add(viewport);
  return viewport;
}

/** Whether `viewport` came from {@link unframedViewport} (a stored viewport never does). */
export function isUnframed(viewport: Viewport): boolean {
  return unframed.has(viewport);
}
export const NO_SELECTION: Selection = { nodes: [], edges: [] };

// The store replaces the document object on every edit, so panning and selecting reuse the last conversion.
const formatted = new WeakMap<EditorDocument, unknown>();

/** The record to store for what is on screen, written at `savedAt` when given. */
export function toRecord(snapshot: EditorSnapshot, savedAt?: number): PipelineRecord {
  let doc = formatted.get(snapshot.doc);
  if (doc === undefined) {
    doc = JSON.parse(toPipelineJson(snapshot.doc)) as unknown;
    formatted.set(snapshot.doc, doc);
  }
  return {
    doc,
    selection: { nodes: [...snapshot.selection.nodes], edges: [...snapshot.selection.edges] },
    viewport: { x: snapshot.viewport.x, y: snapshot.viewport.y, zoom: snapshot.viewport.zoom },
    ...(savedAt === undefined ? {} : { savedAt }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Reads a stored record back into what goes on screen. The document must be
 * readable (see {@link readEditorDocument}); a damaged selection or viewport
 * is not worth losing the document over, so they fall back to none and the
 * default view. Selected ids that no longer exist are dropped.
 */
export function readRecord(value: unknown): { ok: true; snapshot: EditorSnapshot } | { ok: false; problems: Problem[] } {
  if (!isRecord(value)) return { ok: false, problems: [{ path: '', message: 'the saved pipeline is not a record' }] };
  const read = readEditorDocument(value.doc);
  if (!read.ok) return read;
  const doc = read.doc;
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const selection = isRecord(value.selection)
    ? { nodes: strings(value.selection.nodes).filter((id) => nodeIds.has(id)), edges: strings(value.selection.edges).filter((id) => edgeIds.has(id)) }
    : NO_SELECTION;
  const v = value.viewport;
  const viewport = isRecord(v) && [v.x, v.y, v.zoom].every((n) => typeof n === 'number' && Number.isFinite(n)) && (v.zoom as number) > 0
    ? { x: v.x as number, y: v.y as number, zoom: v.zoom as number }
    : DEFAULT_VIEWPORT;
  return { ok: true, snapshot: { doc, selection, viewport } };
}

/** The well-formed entries of a stored pipelines list, and how many were not. */
export function readEntries(value: unknown): { entries: PipelineEntry[]; dropped: number } {
  if (!Array.isArray(value)) return { entries: [], dropped: value === undefined ? 0 : 1 };
  const entries: PipelineEntry[] = [];
  const seen = new Set<string>();
  for (const item of value as unknown[]) {
    if (isRecord(item) && typeof item.id === 'string' && item.id !== '' && !seen.has(item.id) && typeof item.name === 'string' && typeof item.updatedAt === 'number' && Number.isFinite(item.updatedAt)) {
      entries.push({ id: item.id, name: item.name, updatedAt: item.updatedAt });
      seen.add(item.id);
    }
  }
  return { entries, dropped: value.length - entries.length };
}
