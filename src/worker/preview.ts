/**
 * Node previews: the last PREVIEW_SIZE records that left a node on `out` and
 * `late`. The runtime's onEmit tap hands every batch over; only references
 * to each port's most recent batches are kept (and the tail of a selection,
 * whose buffer the engine reuses), and records are built only when a drain
 * asks for the watched node. So a node clicked while the run is paused shows
 * its last records at once.
 */
import { readCell, type Batch, type FieldType } from '../engine/batch';
import type { OutPort } from '../engine/operators/types';
import { PREVIEW_SIZE, type NodePreview, type PreviewRecord } from './protocol';

export interface PreviewTap {
  watch(nodeId: string | null): void;
  onEmit(stepId: string, port: OutPort, batch: Batch, rows: Int32Array | null): void;
  /** The watched node's preview when it changed since the last call, else null. */
  take(): NodePreview | null;
  /** What it holds, for a time-travel snapshot (references to immutable batches: cheap). */
  save(): PreviewState;
  /** Holds `state` again (time travel); the watched node's preview counts as changed. */
  load(state: PreviewState): void;
}

/** The recent batches of every port, opaque to everyone but the tap. */
export type PreviewState = ReadonlyMap<string, readonly Recent[]>;

/** The last `count` rows of a batch: rows `from`.. when unselected, else the selection's tail `rows`. */
interface Recent {
  readonly batch: Batch;
  readonly rows: Int32Array | null;
  readonly from: number;
  readonly count: number;
}

function records(list: readonly Recent[]): PreviewRecord[] {
  const out: PreviewRecord[] = [];
  let skip = list.reduce((n, r) => n + r.count, 0) - PREVIEW_SIZE;
  for (const { batch, rows, from, count } of list) {
    const names = Object.keys(batch.columns);
    for (let k = 0; k < count; k++) {
      if (skip-- > 0) continue;
      const i = rows === null ? from + k : rows[k]!;
      // No prototype: a field called __proto__ is a field like any other (structured clone keeps it as one).
      const record = Object.create(null) as Record<string, string | number | boolean | null>;
      for (const name of names) record[name] = readCell(batch.columns[name]!, i);
      out.push(record);
    }
  }
  return out;
}

const fieldsOf = (list: readonly Recent[] | undefined): NodePreview['fields'] => {
  const last = list?.at(-1)?.batch;
  return last === undefined ? [] : Object.entries(last.columns).map(([name, c]): { name: string; type: FieldType } => ({ name, type: c.type }));
};

/**
 * `stepOf` maps a node id to the step that emits for it (an aggregate fused into its window emits as the window);
 * `keyFieldsOf` gives a windowed aggregation step's key fields, which with the window bounds tell its revisions apart.
 */
export function createPreviewTap(stepOf: ReadonlyMap<string, string>, keyFieldsOf: ReadonlyMap<string, readonly string[]> = new Map()): PreviewTap {
  let recent = new Map<string, Recent[]>();
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
      const key = port === 'out' ? stepId : `${stepId}:late`;
      let list = recent.get(key);
      if (list === undefined) recent.set(key, (list = []));
      // A selection's tail is copied: the engine reuses its buffer.
      list.push({ batch, rows: rows === null ? null : rows.slice(rows.length - count), from: batch.length - count, count });
      let total = list.reduce((n, r) => n + r.count, 0);
      while (list.length > 1 && total - list[0]!.count >= PREVIEW_SIZE) total -= list.shift()!.count;
      if (stepId === step) changed = true;
    },
    save: () => new Map([...recent].map(([key, list]) => [key, [...list]])),
    load(state) {
      recent = new Map([...state].map(([key, list]) => [key, [...list]]));
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
        out: records(out ?? []),
        lateFields: fieldsOf(late),
        late: records(late ?? []),
        keyFields: keyFieldsOf.get(step) ?? [],
      };
    },
  };
}

