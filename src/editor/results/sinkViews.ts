import { chartSinkParamsSchema, parseDuration, tableSinkParamsSchema } from '../../model';
import type { ChartSpec } from '../../charts/types';
import type { Analysis } from '../analysis/analyse';
import type { EditorDocument, EditorNode } from '../store/types';

/** A chart or table sink of the document and how its view is set up; `problem` when its params cannot be read yet. */
export type SinkViewSpec =
  | { readonly kind: 'chart'; readonly id: string; readonly title: string; readonly chart: ChartSpec | null }
  | { readonly kind: 'table'; readonly id: string; readonly title: string; readonly maxRows: number; readonly keyFields: readonly string[] };

/** The key fields of the aggregate feeding `node` (a chart's default series, a table's revision identity). */
function groupFieldsInto(node: EditorNode, doc: EditorDocument, analysis: Analysis): string[] {
  const edge = doc.edges.find((e) => e.to === node.id);
  const schema = edge === undefined ? undefined : analysis.edgeSchemas.get(edge.id);
  return (schema?.groupFields ?? []).map((f) => f.name);
}

/**
 * The view of a chart sink, resolved as the compiler does (compileChartSink):
 * series default to the key fields of the aggregate before it.
 */
function chartSpecOf(node: EditorNode, doc: EditorDocument, analysis: Analysis): ChartSpec | null {
  const parsed = chartSinkParamsSchema.safeParse(node.params);
  if (!parsed.success) return null;
  const p = parsed.data;
  const timeRangeMs = parseDuration(p.timeRange);
  if (timeRangeMs === null) return null;
  const series = p.series ?? groupFieldsInto(node, doc, analysis);
  return { type: 'chart', chart: p.chart, x: p.x, y: p.y, series, topKeys: p.topKeys, timeRangeMs };
}

/** Every chart and table sink of the document, in document order. */
export function sinkViewsOf(doc: EditorDocument, analysis: Analysis): SinkViewSpec[] {
  const views: SinkViewSpec[] = [];
  for (const node of doc.nodes) {
    const title = node.name ?? node.id;
    if (node.kind === 'sink.chart') views.push({ kind: 'chart', id: node.id, title, chart: chartSpecOf(node, doc, analysis) });
    else if (node.kind === 'sink.table') {
      const parsed = tableSinkParamsSchema.safeParse(node.params);
      const maxRows = parsed.success ? parsed.data.maxRows : 100_000;
      views.push({ kind: 'table', id: node.id, title, maxRows, keyFields: groupFieldsInto(node, doc, analysis) });
    }
  }
  return views;
}

/** A string that changes exactly when a view must start a new buffer. */
export function viewSignature(view: SinkViewSpec): string {
  return JSON.stringify(view.kind === 'chart' ? view.chart : [view.maxRows, view.keyFields]);
}
