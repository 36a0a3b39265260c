/** The text `windowpane compare` prints: per window node, the counts, then the windows that differ. */
import type { Cell, Comparison, NodeComparison, WindowDiff, WindowOutcome } from '../src/engine/compare/types';

/** Windows listed per kind of difference in the text summary (--json lists them all). */
const LISTED = 20;

const time = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString().replace('T', ' ').replace(/\.000Z$/, 'Z') : String(ms));
const cell = (v: Cell | undefined): string => (v === undefined ? '-' : typeof v === 'string' ? JSON.stringify(v) : String(v));

function windowName(node: NodeComparison, d: WindowDiff): string {
  const key = node.keyFields.map((f, i) => `${f}=${cell(d.key[i])}`).join(' ');
  return `[${time(d.start)}, ${time(d.end)})${key === '' ? '' : ` ${key}`}`;
}

/** "after the watermark passed its end by 80 ms, 272 events in" or "at the end of the input". */
export function firstResultText(o: WindowOutcome): string {
  if (o.firstLagMs === null) return `at the end of the input (${o.firstAfterEvents} events in)`;
  return `watermark ${o.firstLagMs} ms past its end, ${o.firstAfterEvents} events in`;
}

function values(o: WindowOutcome): string {
  return Object.entries(o.values).map(([k, v]) => `${k} ${cell(v)}`).join(', ');
}

function describeDiff(node: NodeComparison, d: WindowDiff): string {
  const name = windowName(node, d);
  if (d.b === null && d.a !== null) return `  only in A: ${name}: ${values(d.a)}`;
  if (d.a === null && d.b !== null) return `  only in B: ${name}: ${values(d.b)}`;
  const a = d.a!;
  const b = d.b!;
  if (d.changedFields.length > 0) {
    const fields = d.changedFields.map((f) => `${f} ${cell(a.values[f])} -> ${cell(b.values[f])}`).join(', ');
    const revisions = a.revisions === b.revisions ? '' : ` (revised ${a.revisions} -> ${b.revisions} times)`;
    return `  changed: ${name}: ${fields}${revisions}`;
  }
  return `  first result moved: ${name}: ${firstResultText(a)} -> ${firstResultText(b)}`;
}

function describeNode(node: NodeComparison): string[] {
  const keyed = node.keyFields.length === 0 ? '' : ` (per ${node.keyFields.join(', ')})`;
  const lines = [
    `window node '${node.nodeId}'${keyed}:`,
    `  windows:       ${node.windowsA} in A, ${node.windowsB} in B: ${node.same} same, ${node.changed} changed, ${node.onlyA} only in A, ${node.onlyB} only in B`,
    `  late events:   ${node.lateA} in A, ${node.lateB} in B`,
    `  revisions:     ${node.revisionsA} in A, ${node.revisionsB} in B`,
    `  first results: ${node.timingChanged} of the windows in both came at another point`,
  ];
  const shown = new Map<string, number>();
  for (const d of node.differences) {
    const kind = d.a === null ? 'onlyB' : d.b === null ? 'onlyA' : d.changedFields.length > 0 ? 'changed' : 'timing';
    const n = shown.get(kind) ?? 0;
    shown.set(kind, n + 1);
    if (n < LISTED) lines.push(describeDiff(node, d));
    else if (n === LISTED) lines.push(`  ... (--json lists every window)`);
  }
  return lines;
}

/** The whole summary, ending with a newline. */
export function comparisonText(c: Comparison, pipeline: string): string {
  const before = c.before === null ? 'its default' : String(c.before);
  const lines = [
    `${pipeline}: A is the document as it is (${c.change.nodeId}.${c.change.param} = ${before}), B has ${c.change.nodeId}.${c.change.param} = ${String(c.change.value)}`,
    `events read: ${c.eventsA} in A, ${c.eventsB} in B; result rows: ${c.resultRowsA} in A, ${c.resultRowsB} in B`,
    'first result: how far the window node\'s watermark had passed the window\'s last instant (end - 1 ms), and how many events had been read, when its first result came',
    ...c.notes.map((n) => `note: ${n}`),
    ...c.nodes.flatMap(describeNode),
  ];
  return `${lines.join('\n')}\n`;
}
