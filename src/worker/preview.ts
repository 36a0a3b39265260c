/**
 * Node previews: the last PREVIEW_SIZE records that left a node on `out` and
 * `late`. The runtime's onEmit tap hands every batch over, and the tap copies
 * the last rows of each (at most PREVIEW_SIZE, whatever the batch's size)
 * into arrays of its own per port (strings as text), allocated once: the engine writes its next
 * batch into the same arrays as the last (the session tells the runtime that
 * its tap keeps no batch, RuntimeHost.tapKeepsBatches), and a fresh typed
 * array per emit cost more than the copy. Records are built only when a drain
 * asks for the watched node, so a node clicked while the run is paused shows
 * its last records at once.
 */
import type { Batch, FieldType } from '../engine/batch';
import type { OutPort } from '../engine/operators/types';
import { PREVIEW_SIZE, type NodePreview, type PreviewRecord } from './protocol';

export interface PreviewTap {
  watch(nodeId: string | null): void;
  onEmit(stepId: string, port: OutPort, batch: Batch, rows: Int32Array | null): void;
  /** The watched node's preview when it changed since the last call, else null. */
  take(): NodePreview | null;
  /** What it holds, for a time-travel snapshot (a copy: the tap goes on writing into its own arrays). */
  save(): PreviewState;
  /** Holds `state` again (time travel); the watched node's preview counts as changed. */
  load(state: PreviewState): void;
}

/** A column of a preview: numbers (and times) and booleans as the engine holds them, strings as text (dictionaries differ after time travel). */
type Cells =
  | { readonly type: 'number' | 'time'; readonly values: Float64Array }
  | { readonly type: 'boolean'; readonly values: Uint8Array }
  | { readonly type: 'string'; readonly values: (string | null)[] };

/** A port's newest rows, oldest first: cells of exactly `length` rows. Never changed once saved. */
interface Held {
  readonly length: number;
  readonly names: readonly string[];
  readonly cells: readonly Cells[];
}

/** The recent rows of every port, opaque to everyone but the tap. */
export type PreviewState = ReadonlyMap<string, Held>;

/** A port's rows as the tap writes them: PREVIEW_SIZE rows of room per column, the newest `length` at the start. */
interface Window {
  length: number;
  readonly names: readonly string[];
  readonly cells: readonly Cells[];
}

function room(type: FieldType, size: number): Cells {
  if (type === 'string') return { type, values: new Array<string | null>(size).fill(null) };
  if (type === 'boolean') return { type, values: new Uint8Array(size) };
  return { type, values: new Float64Array(size) };
}

/** Whether `w` can take rows of `batch`: the same fields of the same types. */
function fits(w: Window, batch: Batch): boolean {
  const names = Object.keys(batch.columns);
  if (names.length !== w.names.length) return false;
  for (let i = 0; i < names.length; i++) if (names[i] !== w.names[i] || batch.columns[names[i]!]!.type !== w.cells[i]!.type) return false;
  return true;
}

function windowFor(batch: Batch): Window {
  const names = Object.keys(batch.columns);
  return { length: 0, names, cells: names.map((name) => room(batch.columns[name]!.type, PREVIEW_SIZE)) };
}

/** Appends the last `count` rows of `batch` (through `rows` when selected) to `w`, dropping its oldest beyond PREVIEW_SIZE. */
function append(w: Window, batch: Batch, rows: Int32Array | null, count: number): void {
  const keep = Math.min(w.length, PREVIEW_SIZE - count);
  const drop = w.length - keep;
  const first = rows === null ? batch.length - count : rows.length - count;
  for (let c = 0; c < w.names.length; c++) {
    const to = w.cells[c]!;
    const from = batch.columns[w.names[c]!]!;
    if (drop > 0 && keep > 0) to.values.copyWithin(0, drop, drop + keep);
    if (to.type === 'string' && from.type === 'string') {
      const { codes, dict } = from;
      for (let k = 0; k < count; k++) {
        const code = codes[rows === null ? first + k : rows[first + k]!]!;
        to.values[keep + k] = code < 0 ? null : dict.values[code]!;
      }
    } else if (to.type !== 'string' && from.type !== 'string') {
      if (rows === null) to.values.set(from.values.subarray(first, first + count), keep);
      else for (let k = 0; k < count; k++) to.values[keep + k] = from.values[rows[first + k]!]!;
    }
  }
  w.length = keep + count;
}

/** The rows of `w` as cells of their own, for a snapshot. */
const held = (w: Window): Held => ({ length: w.length, names: w.names, cells: w.cells.map((c) => ({ ...c, values: c.values.slice(0, w.length) }) as Cells) });

/** A window holding what a snapshot held. */
function restored(h: Held): Window {
  const cells = h.cells.map((c) => {
    const r = room(c.type, PREVIEW_SIZE);
    for (let i = 0; i < h.length; i++) r.values[i] = c.values[i]!;
    return r;
  });
  return { length: h.length, names: h.names, cells };
}

function cellAt(c: Cells, i: number): string | number | boolean | null {
  if (c.type === 'string') return c.values[i] ?? null;
  if (c.type === 'boolean') return c.values[i] === 1;
  const v = c.values[i]!;
  return Number.isNaN(v) ? null : v;
}

function records(w: Window | undefined): PreviewRecord[] {
  const out: PreviewRecord[] = [];
  if (w === undefined) return out;
  for (let i = 0; i < w.length; i++) {
    // No prototype: a field called __proto__ is a field like any other (structured clone keeps it as one).
    const record = Object.create(null) as Record<string, string | number | boolean | null>;
    for (let c = 0; c < w.names.length; c++) record[w.names[c]!] = cellAt(w.cells[c]!, i);
    out.push(record);
  }
  return out;
}

const fieldsOf = (w: Window | undefined): NodePreview['fields'] =>
  w === undefined ? [] : w.names.map((name, c): { name: string; type: FieldType } => ({ name, type: w.cells[c]!.type }));

/**
 * `stepOf` maps a node id to the step that emits for it (an aggregate fused into its window emits as the window);
 * `keyFieldsOf` gives a windowed aggregation step's key fields, which with the window bounds tell its revisions apart.
 */
export function createPreviewTap(stepOf: ReadonlyMap<string, string>, keyFieldsOf: ReadonlyMap<string, readonly string[]> = new Map()): PreviewTap {
  let recent = new Map<string, Window>();
  // Keys of each step's late port, built once per step rather than on every emit.
  const lateKeys = new Map<string, string>();
  let watched: string | null = null;
  let step: string | null = null;
  let changed = false;
  return {
    watch(nodeId) {
      watched = nodeId;
      step = nodeId === null ? null : (stepOf.get(nodeId) ?? nodeId);
      changed = true;
    },
    onEmit(stepId, port, batch, rows) {
      const count = Math.min(rows === null ? batch.length : rows.length, PREVIEW_SIZE);
      if (count === 0) return;
      let key = stepId;
      if (port !== 'out') {
        key = lateKeys.get(stepId) ?? `${stepId}:late`;
        lateKeys.set(stepId, key);
      }
      let w = recent.get(key);
      // Rows of other fields than those held start the preview afresh.
      if (w === undefined || !fits(w, batch)) recent.set(key, (w = windowFor(batch)));
      append(w, batch, rows, count);
      if (stepId === step) changed = true;
    },
    save: () => new Map([...recent].map(([key, w]) => [key, held(w)])),
    load(state) {
      recent = new Map([...state].map(([key, h]) => [key, restored(h)]));
      changed = true;
    },
    take() {
      if (!changed || watched === null || step === null) return null;
      changed = false;
      const out = recent.get(step);
      const late = recent.get(`${step}:late`);
      // Late events are the window's input, not its results: they have fields of their own.
      return {
        nodeId: watched,
        fields: fieldsOf(out),
        out: records(out),
        lateFields: fieldsOf(late),
        late: records(late),
        keyFields: keyFieldsOf.get(step) ?? [],
      };
    },
  };
}
