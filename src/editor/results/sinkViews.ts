import { alertSinkParamsSchema, chartSinkParamsSchema, logSinkParamsSchema, parseDuration, tableSinkParamsSchema } from '../../model';
import type { ChartSpec } from '../../charts/types';
import { COLLECT_ROWS, LOG_ROWS } from '../../worker/protocol';
import type { Analysis } from '../analysis/analyse';
import type { EditorDocument, EditorNode } from '../store/types';

/** The sink kinds that show what they receive in the results dock. */
export type ViewedSinkKind = 'sink.chart' | 'sink.table' | 'sink.collect' | 'sink.log' | 'sink.alert';

/**
 * A sink of the document and how its view in the dock is set up: a chart
 * (null while its params cannot be read), a table (a table sink, or a collect
 * sink's results), a log, or an alert sink's alerts (`rule` its `when`, null while unreadable).
 */
export type SinkViewSpec =
  | { readonly kind: 'chart'; readonly id: string; readonly title: string; readonly nodeKind: 'sink.chart'; readonly chart: ChartSpec | null }
  | { readonly kind: 'table'; readonly id: string; readonly title: string; readonly nodeKind: 'sink.table' | 'sink.collect'; readonly maxRows: number; readonly keyFields: readonly string[] }
  | { readonly kind: 'log'; readonly id: string; readonly title: string; readonly nodeKind: 'sink.log'; readonly limit: number; readonly timeFields: readonly string[] }
  | { readonly kind: 'alerts'; readonly id: string; readonly title: string; readonly nodeKind: 'sink.alert'; readonly rule: string | null };

function inputSchemaOf(node: EditorNode, doc: EditorDocument, analysis: Analysis) {
  const edge = doc.edges.find((e) => e.to === node.id);
  return edge === undefined ? undefined : analysis.edgeSchemas.get(edge.id);
}

/** The key fields of the aggregate feeding `node` (a chart's default series, a table's revision identity). */
function groupFieldsInto(node: EditorNode, doc: EditorDocument, analysis: Analysis): string[] {
  return (inputSchemaOf(node, doc, analysis)?.groupFields ?? []).map((f) => f.name);
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

/**
 * Every sink of the document with a view, in document order: charts, tables,
 * collect sinks (as tables of the newest COLLECT_ROWS results, what the worker
 * sends of them), logs and alert sinks.
 */
export function sinkViewsOf(doc: EditorDocument, analysis: Analysis): SinkViewSpec[] {
  const views: SinkViewSpec[] = [];
  for (const node of doc.nodes) {
    const title = node.name ?? node.id;
    const { id } = node;
    if (node.kind === 'sink.chart') views.push({ kind: 'chart', id, title, nodeKind: node.kind, chart: chartSpecOf(node, doc, analysis) });
    else if (node.kind === 'sink.table') {
      const parsed = tableSinkParamsSchema.safeParse(node.params);
      const maxRows = parsed.success ? parsed.data.maxRows : 100_000;
      views.push({ kind: 'table', id, title, nodeKind: node.kind, maxRows, keyFields: groupFieldsInto(node, doc, analysis) });
    } else if (node.kind === 'sink.collect') {
      views.push({ kind: 'table', id, title, nodeKind: node.kind, maxRows: COLLECT_ROWS, keyFields: groupFieldsInto(node, doc, analysis) });
    } else if (node.kind === 'sink.log') {
      const parsed = logSinkParamsSchema.safeParse(node.params);
      // Log rows reach the page as plain values: the input's schema says which numbers are times.
      const timeFields = (inputSchemaOf(node, doc, analysis)?.fields ?? []).filter((f) => f.type === 'time').map((f) => f.name);
      views.push({ kind: 'log', id, title, nodeKind: node.kind, limit: parsed.success ? parsed.data.limit : LOG_ROWS, timeFields });
    } else if (node.kind === 'sink.alert') {
      const parsed = alertSinkParamsSchema.safeParse(node.params);
      views.push({ kind: 'alerts', id, title, nodeKind: node.kind, rule: parsed.success ? parsed.data.when : null });
    }
  }
  return views;
}

/** A string that changes exactly when a view must start a new buffer. */
export function viewSignature(view: SinkViewSpec): string {
  if (view.kind === 'chart') return JSON.stringify(view.chart);
  if (view.kind === 'log') return JSON.stringify(view.timeFields);
  // An alert's state is its newest row whatever the rule: a new rule keeps the buffer (the next run clears it).
  if (view.kind === 'alerts') return '';
  return JSON.stringify([view.maxRows, view.keyFields]);
}
