/**
 * The CLI's side of alert sinks: their rows (which the runtime hands over as
 * the sinks' results) gathered for `--alerts FILE` (NDJSON, written at the
 * end) and posted to each sink's webhook with Node's fetch as they come.
 */
import { alertSinkSteps } from '../src/engine/alerts/alertSteps';
import { createWebhookPoster, type WebhookFetch, type WebhookPoster } from '../src/engine/alerts/webhook';
import type { Row } from '../src/engine/operators/sinks';
import type { PlanStep } from '../src/engine/plan/types';

/** How long the end of a run waits for webhooks still retrying; what is left then is dropped (and counted). */
export const WEBHOOK_FLUSH_MS = 30_000;

export interface CliAlerts {
  /** The alert sinks' ids. */
  readonly sinks: readonly string[];
  /** Takes an alert sink's rows; false for any other sink's. */
  onRows(sinkId: string, rows: readonly Row[]): boolean;
  /** Every alert row as NDJSON, in the order they came. */
  ndjson(): string;
  /** Waits for the webhooks (up to WEBHOOK_FLUSH_MS) and returns one summary line per alert sink. */
  finish(): Promise<string[]>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms); });

export function createCliAlerts(steps: readonly PlanStep[], fetch: WebhookFetch = globalThis.fetch): CliAlerts {
  const alertSteps = alertSinkSteps(steps);
  const ids = new Set(alertSteps.map((s) => s.nodeId));
  const counts = new Map<string, number>();
  const posters = new Map<string, WebhookPoster>();
  for (const s of alertSteps) if (s.webhook !== null) posters.set(s.nodeId, createWebhookPoster({ url: s.webhook, fetch, sleep }));
  const lines: string[] = [];
  return {
    sinks: [...ids],
    onRows(sinkId, rows) {
      if (!ids.has(sinkId)) return false;
      counts.set(sinkId, (counts.get(sinkId) ?? 0) + rows.length);
      const poster = posters.get(sinkId);
      for (const row of rows) {
        lines.push(JSON.stringify(row));
        poster?.post(row);
      }
      return true;
    },
    ndjson: () => (lines.length === 0 ? '' : `${lines.join('\n')}\n`),
    async finish() {
      if (posters.size > 0) {
        // Unref'd: a run whose webhooks are done ends at once, not when this timer would.
        const deadline = new Promise<void>((resolve) => { setTimeout(resolve, WEBHOOK_FLUSH_MS).unref(); });
        await Promise.all([...posters.values()].map((p) => p.flush(deadline)));
      }
      return alertSteps.map((s) => {
        const rows = `alert sink '${s.nodeId}': ${counts.get(s.nodeId) ?? 0} alert rows`;
        const poster = posters.get(s.nodeId);
        if (poster === undefined) return rows;
        const st = poster.stats();
        const failures = st.failed + st.dropped;
        return `${rows}; webhook ${s.webhook}: ${st.sent} sent, ${failures} failed${st.dropped > 0 ? ` (${st.dropped} never tried)` : ''}${st.retries > 0 ? `, ${st.retries} retries` : ''}${failures > 0 && st.lastError !== '' ? ` (last error: ${st.lastError})` : ''}`;
      });
    },
  };
}
