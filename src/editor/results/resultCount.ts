/**
 * How many results a run produced, for the run status: each result once,
 * however many sinks show it (a chart and a table on one aggregate receive
 * the same rows), and per sink for the hover text.
 */
import { ownValue } from '../ownValue';
import type { RunState } from '../run/types';
import type { EditorDocument } from '../store/types';

/** One sink: its id, its name as the user reads it, and what feeds it. */
export interface CountedSink {
  readonly id: string;
  readonly title: string;
  /** The ports feeding it (`node:port`, sorted): sinks with the same inputs receive the same rows. */
  readonly inputs: string;
}

/** The document's sinks, in document order (a sink with nothing connected receives nothing and is left out). */
export function countedSinks(doc: EditorDocument): CountedSink[] {
  const sinks: CountedSink[] = [];
  for (const node of doc.nodes) {
    if (!node.kind.startsWith('sink.')) continue;
    const inputs = doc.edges.filter((e) => e.to === node.id).map((e) => `${e.from}:${e.fromPort}`).sort();
    if (inputs.length > 0) sinks.push({ id: node.id, title: node.name ?? node.id, inputs: inputs.join(',') });
  }
  return sinks;
}

const rowsInto = (s: RunState, id: string): number => ownValue(s.metrics?.nodes, id)?.rowsIn ?? 0;

/** Rows that reached the sinks so far, each counted once: sinks fed by the same ports count as one. */
export function resultsOnce(s: RunState, sinks: readonly CountedSink[]): number {
  const byInputs = new Map<string, number>();
  for (const sink of sinks) byInputs.set(sink.inputs, Math.max(byInputs.get(sink.inputs) ?? 0, rowsInto(s, sink.id)));
  let total = 0;
  for (const rows of byInputs.values()) total += rows;
  return total;
}

/** One line per sink, "Title: 1,234 results", for the count's hover text. */
export function resultsPerSink(s: RunState, sinks: readonly CountedSink[], format: (n: number) => string): string {
  return sinks.map((sink) => `${sink.title}: ${format(rowsInto(s, sink.id))}`).join('\n');
}
