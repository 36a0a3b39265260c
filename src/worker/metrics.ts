/**
 * Metrics snapshots: every node's figures from runtime.metrics(), with rates
 * per second of wall-clock time from the difference to the previous snapshot,
 * and each edge's rate (the rows leaving its `from` node's port).
 */
import type { IdleReport } from '../engine/run/idleInputs';
import type { NodeMetrics } from '../engine/run/runtime';
import type { PipelineDocument } from '../model';
import type { MetricsSnapshot, NodeStats, SourceConnection, WebhookReport } from './protocol';

/** How often a drain carries a snapshot. */
export const METRICS_INTERVAL_MS = 100;

interface Totals {
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly late: number;
}

export interface MetricsSampler {
  /**
   * A snapshot when the last one is at least METRICS_INTERVAL_MS old, else
   * null. While not `running` every call gives one, with rates of 0: a
   * paused or stepped run shows its exact figures at once, and nothing flows.
   */
  sample(now: number, running: boolean): MetricsSnapshot | null;
}

export interface MetricsSources {
  metrics(): ReadonlyMap<string, NodeMetrics>;
  /** Rows sent to `late` ports so far, by node id. */
  lateRows(): ReadonlyMap<string, number>;
  connections(): Readonly<Record<string, SourceConnection>>;
  /** Idle sources and held-back watermarks; absent or null for a plan without a union. */
  idleness?(): IdleReport | null;
  /** Alert sinks' webhook deliveries, by node id; absent for a plan without webhooks. */
  webhooks?(): ReadonlyMap<string, WebhookReport>;
}


/** A node's idle flag (sources that feed a union) and what holds its watermark back, when there is any. */
function idleStats(report: IdleReport | null, id: string): Pick<NodeStats, 'idle' | 'heldBackBy'> {
  if (report === null) return {};
  const source = report.sources.get(id);
  const held = report.heldBack.get(id);
  return {
    ...(source === undefined ? {} : { idle: source.idle }),
    ...(held === undefined ? {} : { heldBackBy: { sourceId: held.sourceId, silentForMs: held.silentForMs } }),
  };
}

/** Creates a sampler for one run of `doc`; the first snapshot's rates are 0. */
export function createMetricsSampler(doc: PipelineDocument, sources: MetricsSources, startedAt: number): MetricsSampler {
  const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  let previous = new Map<string, Totals>();
  let previousAt = startedAt;
  let lastSnapshot = -Infinity;
  return {
    sample(now, running) {
      if (running && now - lastSnapshot < METRICS_INTERVAL_MS) return null;
      lastSnapshot = now;
      const ms = now - previousAt;
      const perSecond = (delta: number): number => (running && ms > 0 ? (Math.max(0, delta) * 1000) / ms : 0);
      const late = sources.lateRows();
      const totals = new Map<string, Totals>();
      // Null-prototype: ids are the user's, and `nodes['__proto__'] = ...` on a plain object sets its prototype instead.
      const nodes = Object.create(null) as Record<string, NodeStats>;
      const lateRate = new Map<string, number>();
      const idleness = sources.idleness?.() ?? null;
      const webhooks = sources.webhooks?.();
      for (const [id, m] of sources.metrics()) {
        const t: Totals = { rowsIn: m.rowsIn, rowsOut: m.rowsOut, late: late.get(id) ?? 0 };
        const before = previous.get(id) ?? { rowsIn: 0, rowsOut: 0, late: 0 };
        totals.set(id, t);
        lateRate.set(id, perSecond(t.late - before.late));
        nodes[id] = {
          rowsIn: m.rowsIn, rowsOut: m.rowsOut,
          inPerSecond: perSecond(t.rowsIn - before.rowsIn), outPerSecond: perSecond(t.rowsOut - before.rowsOut),
          watermark: m.watermark, keys: m.keys, openWindows: m.openWindows, lateEvents: m.lateEvents,
          ...idleStats(idleness, id),
          ...(webhooks?.has(id) === true ? { webhook: webhooks.get(id)! } : {}),
        };
      }
      const edges = Object.create(null) as Record<string, number>;
      for (const e of doc.edges) {
        const from = Object.hasOwn(nodes, e.from) ? nodes[e.from] : undefined;
        if (from === undefined) edges[e.id] = 0;
        else if (e.fromPort === 'late') edges[e.id] = lateRate.get(e.from) ?? 0;
        // A window and its aggregate run as one step: what enters the window goes on to the aggregate.
        else if (kinds.get(e.from)?.startsWith('window.') === true) edges[e.id] = Math.max(0, from.inPerSecond - (lateRate.get(e.from) ?? 0));
        else edges[e.id] = from.outPerSecond;
      }
      previous = totals;
      previousAt = now;
      return { at: now, nodes, edges, connections: sources.connections() };
    },
  };
}
