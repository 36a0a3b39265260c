/**
 * The watched node's preview: the last PREVIEW_SIZE records that left it on
 * `out` and `late`. Fed by the runtime's onEmit tap; only the watched node's
 * batches are read, and only their last PREVIEW_SIZE rows become records.
 */
import { readCell, type Batch, type FieldType } from '../engine/batch';
import type { OutPort } from '../engine/operators/types';
import { PREVIEW_SIZE, type NodePreview, type PreviewRecord } from './protocol';

export interface PreviewTap {
  watch(nodeId: string | null): void;
  onEmit(stepId: string, port: OutPort, batch: Batch, rows: Int32Array | null): void;
  /** The preview when it changed since the last call, else null. */
  take(): NodePreview | null;
}

function records(batch: Batch, rows: Int32Array | null): PreviewRecord[] {
  const count = rows === null ? batch.length : rows.length;
  const names = Object.keys(batch.columns);
  const out: PreviewRecord[] = [];
  for (let k = Math.max(0, count - PREVIEW_SIZE); k < count; k++) {
    const i = rows === null ? k : rows[k]!;
    const record: Record<string, string | number | boolean | null> = {};
    for (const name of names) record[name] = readCell(batch.columns[name]!, i);
    out.push(record);
  }
  return out;
}

/** `stepOf` maps a node id to the step that emits for it (an aggregate fused into its window emits as the window). */
export function createPreviewTap(stepOf: ReadonlyMap<string, string>): PreviewTap {
  let watched: string | null = null;
  let step: string | null = null;
  let out: PreviewRecord[] = [];
  let late: PreviewRecord[] = [];
  let fields: { name: string; type: FieldType }[] = [];
  let changed = false;
  const keepLast = (list: PreviewRecord[], more: PreviewRecord[]): PreviewRecord[] => {
    const all = list.concat(more);
    return all.length > PREVIEW_SIZE ? all.slice(all.length - PREVIEW_SIZE) : all;
  };
  return {
    watch(nodeId) {
      watched = nodeId;
      step = nodeId === null ? null : (stepOf.get(nodeId) ?? nodeId);
      out = [];
      late = [];
      fields = [];
      changed = true;
    },
    onEmit(stepId, port, batch, rows) {
      if (stepId !== step || batch.length === 0 || (rows !== null && rows.length === 0)) return;
      const more = records(batch, rows);
      if (port === 'out') {
        out = keepLast(out, more);
        fields = Object.entries(batch.columns).map(([name, c]) => ({ name, type: c.type }));
      } else late = keepLast(late, more);
      changed = true;
    },
    take() {
      if (!changed || watched === null) return null;
      changed = false;
      return { nodeId: watched, fields, out, late };
    },
  };
}
