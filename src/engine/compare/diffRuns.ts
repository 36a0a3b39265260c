/**
 * The differences between two recorded runs, window node by window node:
 * which windows changed value, which exist in one run only, late counts,
 * revisions, and when each window's first result came.
 */
import type { RecordedNode, RecordedRun } from './recordRun';
import type { Cell, NodeComparison, WindowDiff, WindowOutcome } from './types';

/** Equal as results: NaN equals NaN, and 0 equals -0 (both print as 0). */
export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return a === b;
}

/** The aggregates of two outcomes that differ, in the order of the fields of either. */
function changedFields(a: WindowOutcome, b: WindowOutcome): string[] {
  const names = [...new Set([...Object.keys(a.values), ...Object.keys(b.values)])];
  return names.filter((n) => !(Object.hasOwn(a.values, n) && Object.hasOwn(b.values, n) && sameCell(a.values[n], b.values[n])));
}

function compareKeys(x: readonly Cell[], y: readonly Cell[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const a = x[i];
    const b = y[i];
    if (sameCell(a, b)) continue;
    if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : 1;
    return String(a) < String(b) ? -1 : 1;
  }
  return x.length - y.length;
}

/** Window order: by start, then end, then key. */
export function byWindow(x: WindowDiff, y: WindowDiff): number {
  return x.start - y.start || x.end - y.end || compareKeys(x.key, y.key);
}

const timingDiffers = (a: WindowOutcome, b: WindowOutcome): boolean => a.firstLagMs !== b.firstLagMs || a.firstAfterEvents !== b.firstAfterEvents;

/** One window node in both runs (a node missing from one run counts as one with no windows). */
export function diffNode(nodeId: string, runA: RecordedRun, runB: RecordedRun, maxListed: number, listAll: boolean): NodeComparison {
  const empty: RecordedNode = { nodeId, keyFields: [], windows: new Map(), byCount: false };
  const a = runA.nodes.get(nodeId) ?? empty;
  const b = runB.nodes.get(nodeId) ?? empty;
  const all: WindowDiff[] = [];
  let same = 0;
  let changed = 0;
  let onlyA = 0;
  let onlyB = 0;
  let timingChanged = 0;
  let revisionsA = 0;
  let revisionsB = 0;
  const differing: WindowDiff[] = [];
  const timingOnly: WindowDiff[] = [];
  for (const [id, wa] of a.windows) {
    const oa = runA.outcome(wa, a.byCount);
    revisionsA += oa.revisions;
    const wb = b.windows.get(id);
    const ob = wb === undefined ? null : runB.outcome(wb, b.byCount);
    const fields = ob === null ? [] : changedFields(oa, ob);
    const diff: WindowDiff = { start: wa.start, end: wa.end, key: wa.key, a: oa, b: ob, changedFields: fields };
    if (listAll) all.push(diff);
    if (ob === null) {
      onlyA++;
      differing.push(diff);
      continue;
    }
    if (fields.length > 0) {
      changed++;
      differing.push(diff);
    } else same++;
    if (timingDiffers(oa, ob)) {
      timingChanged++;
      if (fields.length === 0) timingOnly.push(diff);
    }
  }
  for (const [id, wb] of b.windows) {
    const ob = runB.outcome(wb, b.byCount);
    revisionsB += ob.revisions;
    if (a.windows.has(id)) continue;
    onlyB++;
    const diff: WindowDiff = { start: wb.start, end: wb.end, key: wb.key, a: null, b: ob, changedFields: [] };
    differing.push(diff);
    if (listAll) all.push(diff);
  }
  differing.sort(byWindow);
  timingOnly.sort(byWindow);
  all.sort(byWindow);
  return {
    nodeId,
    keyFields: a.keyFields.length > 0 ? a.keyFields : b.keyFields,
    windowsA: a.windows.size,
    windowsB: b.windows.size,
    same, changed, onlyA, onlyB,
    lateA: runA.lateEvents(nodeId),
    lateB: runB.lateEvents(nodeId),
    revisionsA, revisionsB, timingChanged,
    differences: [...differing, ...timingOnly].slice(0, maxListed),
    ...(listAll ? { all } : {}),
  };
}
