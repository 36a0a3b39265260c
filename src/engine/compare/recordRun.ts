/**
 * One run of a comparison: the document's runtime with a tap that keeps, per
 * window node, each window's latest result and when its first came, and per
 * source the path of its watermark over the events read. Only comparison runs
 * pay for the tap; a normal run never builds one.
 */
import { gatherBatch } from '../batchOps';
import type { Batch } from '../batch';
import { batchToRows } from '../operators/sinks';
import type { OutPort } from '../operators/types';
import { preparePipeline, type PreparedPipeline } from '../run/runPipeline';
import type { CompileProblem } from '../plan/types';
import type { PipelineDocument } from '../../model';
import type { Cell, CompareOptions, ReplayEntry, RunTap, WindowOutcome } from './types';

/** A window's result as recorded, before its arrival is worked out at the end. */
export interface RecordedWindow {
  readonly start: number;
  readonly end: number;
  readonly key: readonly Cell[];
  values: Record<string, Cell>;
  revisions: number;
  /** The node's watermark when its first result came. */
  readonly firstWatermark: number;
}

/** Window results of one node, by window bounds and key. */
export interface RecordedNode {
  readonly nodeId: string;
  readonly keyFields: readonly string[];
  readonly windows: Map<string, RecordedWindow>;
  /** Count windows fire on counts, not on the watermark. */
  readonly byCount: boolean;
}

export interface RecordedRun {
  readonly pipeline: PreparedPipeline;
  readonly nodes: ReadonlyMap<string, RecordedNode>;
  /** Pulls up to `maxRows` rows from every source; false once the input has ended. */
  step(maxRows: number): boolean;
  /** Gives the runtime one entry of recorded live input. */
  replay(entry: ReplayEntry): void;
  /** The recorded live input is over: every WebSocket source ends once its queue is read. */
  closeLive(): void;
  /** Events read from all sources so far. */
  events(): number;
  /** The outcome of a recorded window, its arrival worked out from the sources' watermark paths. */
  outcome(recorded: RecordedWindow, byCount: boolean): WindowOutcome;
  lateEvents(nodeId: string): number;
  resultRows(): number;
}

const WINDOW_FIELDS = new Set(['window_start', 'window_end', 'revision']);

/** The text that names a window of a node: its bounds and key values, told apart by type. */
export function windowId(start: number, end: number, key: readonly Cell[]): string {
  return JSON.stringify([start, end, ...key.map((v) => (typeof v === 'number' ? `n${Object.is(v, -0) ? 0 : v}` : typeof v === 'string' ? `s${v}` : String(v)))]);
}

/** A source's watermark over the events read: where it first reached each new value. */
interface WatermarkPath {
  readonly positions: number[];
  readonly watermarks: number[];
}

/** Index of the first point whose watermark is >= w (or > w when `strict`); the length when none is. */
function firstPoint(path: WatermarkPath, w: number, strict: boolean): number {
  const { watermarks } = path;
  let lo = 0;
  let hi = watermarks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? watermarks[mid]! > w : watermarks[mid]! >= w) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The path's watermark after `position` events had been read. */
function watermarkAt(path: WatermarkPath, position: number): number {
  let lo = 0;
  let hi = path.positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (path.positions[mid]! <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -Infinity : path.watermarks[lo - 1]!;
}

const asNumber = (v: Cell | undefined): number => (typeof v === 'number' ? v : Number.NaN);

/** Builds the runtime of `doc` with the recording tap, or its compile problems. */
export function recordRun(doc: PipelineDocument, options: CompareOptions, run: 'a' | 'b' = 'a'): { ok: true; run: RecordedRun } | { ok: false; problems: CompileProblem[] } {
  const nodes = new Map<string, RecordedNode>();
  const paths = new Map<string, WatermarkPath>();
  let events = 0;
  let observer: RunTap | null = null;

  function onSource(nodeId: string, batch: Batch, rows: Int32Array | null): void {
    const path = paths.get(nodeId)!;
    const n = rows === null ? batch.length : rows.length;
    // The watermark after row i is the one before row i + 1, and endWatermark after the last.
    for (let i = 0; i < n; i++) {
      const after = i + 1 < n ? batch.watermark[rows === null ? i + 1 : rows[i + 1]!]! : batch.endWatermark;
      const last = path.watermarks.length === 0 ? -Infinity : path.watermarks[path.watermarks.length - 1]!;
      if (after > last) {
        path.watermarks.push(after);
        path.positions.push(events + i + 1);
      }
    }
    events += n;
    if (n === 0 && batch.endWatermark > (path.watermarks.at(-1) ?? -Infinity)) {
      path.watermarks.push(batch.endWatermark);
      path.positions.push(events);
    }
  }

  function onWindow(node: RecordedNode, batch: Batch, rows: Int32Array | null): void {
    const gathered = rows === null ? batch : gatherBatch(batch, rows);
    const list = batchToRows(gathered);
    for (let i = 0; i < list.length; i++) {
      const row = list[i]!;
      const start = asNumber(row['window_start']);
      const end = asNumber(row['window_end']);
      const key = node.keyFields.map((f) => (Object.hasOwn(row, f) ? row[f]! : null));
      const values: Record<string, Cell> = Object.create(null) as Record<string, Cell>;
      for (const name of Object.keys(row)) if (!WINDOW_FIELDS.has(name) && !node.keyFields.includes(name)) values[name] = row[name]!;
      const id = windowId(start, end, key);
      const known = node.windows.get(id);
      if (known === undefined) node.windows.set(id, { start, end, key, values, revisions: 0, firstWatermark: gathered.watermark[i]! });
      else {
        known.values = values;
        known.revisions++;
      }
    }
  }

  const prepared = preparePipeline(doc, {
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.fileInputs === undefined ? {} : { fileInputs: options.fileInputs }),
    collectLate: false,
    onEmit: (nodeId: string, port: OutPort, batch: Batch, rows: Int32Array | null) => {
      observer?.(nodeId, port, batch, rows);
      if (port !== 'out') return;
      const source = paths.has(nodeId);
      if (source) onSource(nodeId, batch, rows);
      else {
        const node = nodes.get(nodeId);
        if (node !== undefined) onWindow(node, batch, rows);
      }
    },
  });
  if (!prepared.ok) return prepared;
  const { pipeline } = prepared;
  for (const step of pipeline.plan.steps) {
    if (step.type === 'sampleSource' || step.type === 'fileSource' || step.type === 'websocketSource') paths.set(step.nodeId, { positions: [], watermarks: [] });
    if (step.type === 'windowAggregate') nodes.set(step.nodeId, { nodeId: step.nodeId, keyFields: step.keyFields.map((f) => f.name), windows: new Map(), byCount: step.window.type === 'count' });
  }
  const sinks = pipeline.results;
  observer = options.observe?.(run, pipeline.plan, pipeline.runtime) ?? null;

  /**
   * The node's watermark when a window's first result came, and the events read by then.
   * A result row carries the watermark before the advance that fired it: the firing one is
   * the next the sources reached together (the node's is the least of theirs). A row at or
   * past the window's end came from a late event (a first revision of a key) or a count:
   * its own watermark stands.
   */
  function firstResultAt(recorded: RecordedWindow, byCount: boolean): { watermark: number; after: number } {
    const before = recorded.firstWatermark;
    const standing = byCount || before >= recorded.end - 1;
    let after = 0;
    for (const path of paths.values()) {
      const i = firstPoint(path, before, !standing);
      after = Math.max(after, i < path.positions.length ? path.positions[i]! : events);
    }
    if (standing) return { watermark: before, after };
    let watermark = Infinity;
    for (const path of paths.values()) watermark = Math.min(watermark, watermarkAt(path, after));
    return { watermark, after };
  }

  return {
    ok: true,
    run: {
      pipeline, nodes,
      step: (maxRows) => pipeline.runtime.step(maxRows),
      replay(entry) {
        if (entry.kind === 'step') {
          pipeline.runtime.step(entry.rows);
          return;
        }
        const source = pipeline.runtime.messageSources.get(entry.sourceId);
        if (entry.kind === 'message') source?.offer(entry.text);
        else source?.close();
      },
      closeLive() {
        for (const source of pipeline.runtime.messageSources.values()) source.close();
      },
      events: () => events,
      outcome(recorded, byCount) {
        const { watermark, after } = firstResultAt(recorded, byCount);
        return {
          values: recorded.values,
          revisions: recorded.revisions,
          firstLagMs: watermark === Infinity ? null : watermark - (recorded.end - 1),
          firstAfterEvents: after,
        };
      },
      lateEvents: (nodeId) => pipeline.runtime.metrics().get(nodeId)?.lateEvents ?? 0,
      resultRows: () => [...sinks.values()].reduce((n, rows) => n + rows.length, 0),
    },
  };
}
