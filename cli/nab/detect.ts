/**
 * Running a detector pipeline over one NAB file (no file system here: the caller hands over
 * the text). The pipeline's one file source is fed the file, as `--input` would; its result
 * sink's records must be the file's records, in order, each with an anomaly_score in [0, 1].
 */
import type { PipelineDocument, PipelineNode } from '../../src/model';
import { preparePipeline, type PreparedPipeline } from '../../src/engine/run/runPipeline';
import type { Row } from '../../src/engine/operators/sinks';
import type { CompileProblem } from '../../src/engine/plan/types';

export interface NabPipeline {
  readonly doc: PipelineDocument;
  readonly sourceId: string;
  readonly sinkId: string;
  /** The source's event-time field: how records are matched to the file's rows. */
  readonly eventTime: string;
}

/** Sinks whose records a run hands back (an alert sink's rows are alerts, not records). */
const RECORD_SINKS: ReadonlySet<string> = new Set(['sink.collect', 'sink.table', 'sink.chart', 'sink.log']);

/** The pipeline's file source and the sink to read scores from, or why it cannot be scored. */
export function nabPipeline(doc: PipelineDocument): { ok: true; pipeline: NabPipeline } | { ok: false; message: string } {
  const sources = doc.nodes.filter((n) => n.kind.startsWith('source.'));
  const source = sources[0];
  if (sources.length !== 1 || source === undefined || source.kind !== 'source.file') {
    return { ok: false, message: `needs exactly one source, a source.file for the corpus files; it has ${describeNodes(sources)}` };
  }
  const collect = doc.nodes.filter((n) => n.kind === 'sink.collect');
  const candidates = collect.length > 0 ? collect : doc.nodes.filter((n) => RECORD_SINKS.has(n.kind));
  const sink = candidates[0];
  if (candidates.length !== 1 || sink === undefined) {
    return { ok: false, message: `needs one sink.collect to read the anomaly scores from; it has ${describeNodes(candidates)}` };
  }
  return { ok: true, pipeline: { doc, sourceId: source.id, sinkId: sink.id, eventTime: source.params.eventTime } };
}

function describeNodes(nodes: readonly PipelineNode[]): string {
  if (nodes.length === 0) return 'none';
  return nodes.map((n) => `'${n.id}' (${n.kind})`).join(', ');
}

/** Compiles the pipeline with `text` as its file source's data (parsed here, before any timing). */
export function prepareNabRun(p: NabPipeline, text: string): { ok: true; prepared: PreparedPipeline } | { ok: false; problems: CompileProblem[] } {
  const prepared = preparePipeline(p.doc, { fileInputs: { [p.sourceId]: text } });
  return prepared.ok ? { ok: true, prepared: prepared.pipeline } : prepared;
}

/** Steps a prepared run to the end of the file; returns the records that reached the sink. */
export function stepToEnd(p: NabPipeline, prepared: PreparedPipeline): readonly Row[] {
  while (prepared.runtime.step(4096)) { /* to the end of the file */ }
  return prepared.results.get(p.sinkId) ?? [];
}

/**
 * The anomaly score of each of the file's rows, from the sink's records: refused when the
 * records are not the file's (dropped, added or reordered, by event time) or lack a score.
 */
export function scoresOf(p: NabPipeline, rows: readonly Row[], times: readonly number[]): { ok: true; scores: number[] } | { ok: false; message: string } {
  if (rows.length !== times.length) {
    return { ok: false, message: `must pass every record on once: the file has ${times.length} records, sink '${p.sinkId}' got ${rows.length}` };
  }
  const scores: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const time = Object.hasOwn(row, p.eventTime) ? row[p.eventTime] : undefined;
    if (time === undefined) return { ok: false, message: `sink '${p.sinkId}' gets no '${p.eventTime}' field, so the order of its records cannot be checked` };
    if (time !== times[i]) return { ok: false, message: `must keep the file's order: record ${i + 1} at sink '${p.sinkId}' has ${p.eventTime} ${String(time)}, the file's record ${i + 1} ${times[i]}` };
    const score = Object.hasOwn(row, 'anomaly_score') ? row['anomaly_score'] : undefined;
    if (score === undefined) return { ok: false, message: `sink '${p.sinkId}' gets no anomaly_score field: put a detector before it` };
    if (typeof score !== 'number' || !(score >= 0 && score <= 1)) {
      return { ok: false, message: `record ${i + 1} at sink '${p.sinkId}' has anomaly_score ${JSON.stringify(score)}, not a number in [0, 1]` };
    }
    scores.push(score);
  }
  return { ok: true, scores };
}

/** NAB's timestamps (`YYYY-MM-DD HH:MM:SS`, no zone) as the file source reads them: UTC milliseconds. */
export function nabTime(text: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(text);
  if (m === null) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}
