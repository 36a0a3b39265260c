import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { ChartBuffer } from '../../charts/chartBuffer';
import { LogBuffer } from '../../charts/logBuffer';
import { TableBuffer } from '../../charts/tableBuffer';
import { analyseDocument } from '../analysis/analyse';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { useRunControllerOrNull } from '../run/RunProvider';
import { LOG_ROWS } from '../../worker/protocol';
import { AlertBuffer } from '../alerts/alertBuffer';
import { followResults } from '../travel/travelledResults';
import { sinkViewsOf, viewSignature, type SinkViewSpec } from './sinkViews';

/** A sink's live buffer: what its chart, table, log or alerts (and the chart node's preview) draw from. */
export type SinkBuffer =
  | { readonly kind: 'chart'; readonly buffer: ChartBuffer }
  | { readonly kind: 'table'; readonly buffer: TableBuffer }
  | { readonly kind: 'log'; readonly buffer: LogBuffer }
  | { readonly kind: 'alerts'; readonly buffer: AlertBuffer };

interface Registry {
  readonly views: readonly SinkViewSpec[];
  readonly buffers: ReadonlyMap<string, SinkBuffer>;
}

const EMPTY: Registry = { views: [], buffers: new Map() };
const RegistryContext = createContext<Registry>(EMPTY);
const documentOf = (s: EditorState) => s.doc;

function bufferFor(view: SinkViewSpec): SinkBuffer | null {
  if (view.kind === 'table') return { kind: 'table', buffer: new TableBuffer(view.maxRows, view.keyFields) };
  if (view.kind === 'log') return { kind: 'log', buffer: new LogBuffer(LOG_ROWS, new Set(view.timeFields)) };
  if (view.kind === 'alerts') return { kind: 'alerts', buffer: new AlertBuffer() };
  return view.chart === null ? null : { kind: 'chart', buffer: new ChartBuffer(view.chart) };
}

/**
 * Keeps one buffer per sink of the document with a view (chart, table, collect, log, alerts), fed from the
 * results bus whether or not its tab is showing, and cleared when a new run
 * starts. A buffer is kept across edits that leave its view's settings alone.
 */
export function SinkBuffersProvider({ children }: { children: ReactNode }) {
  const doc = useEditor(documentOf);
  const controller = useRunControllerOrNull();
  const views = sinkViewsOf(doc, analyseDocument(doc));
  const signature = JSON.stringify(views.map((v) => [v.id, v.kind, v.title, viewSignature(v)]));
  const cache = useRef(new Map<string, { signature: string; buffer: SinkBuffer | null }>());

  // Rebuilt only when a view's settings change, not on every drag frame: `signature` stands for `views`.
  const registry = useMemo<Registry>(() => {
    const next = new Map<string, { signature: string; buffer: SinkBuffer | null }>();
    const buffers = new Map<string, SinkBuffer>();
    for (const view of views) {
      const sig = `${view.kind}:${viewSignature(view)}`;
      const old = cache.current.get(view.id);
      const entry = old !== undefined && old.signature === sig ? old : { signature: sig, buffer: bufferFor(view) };
      next.set(view.id, entry);
      if (entry.buffer !== null) buffers.set(view.id, entry.buffer);
    }
    cache.current = next;
    return { views, buffers };
  }, [signature]);

  useEffect(() => {
    if (controller === null) return undefined;
    // Through time travel's history: the views show the results emitted by the run position on screen.
    const off = followResults(controller, new Map([...registry.buffers].map(([id, sink]) => [id, sink.buffer])));
    const offReset = controller.results.onReset(() => registry.buffers.forEach((sink) => sink.buffer.clear()));
    return () => {
      off();
      offReset();
    };
  }, [controller, registry]);

  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/** The sinks of the document with a view in the dock, in document order. */
export function useSinkViews(): readonly SinkViewSpec[] {
  return useContext(RegistryContext).views;
}

/** Every live buffer, by sink id. */
export function useSinkBuffers(): ReadonlyMap<string, SinkBuffer> {
  return useContext(RegistryContext).buffers;
}

/** The live buffer of sink `id`, if it has a view whose settings can be read. */
export function useSinkBuffer(id: string): SinkBuffer | undefined {
  return useContext(RegistryContext).buffers.get(id);
}
