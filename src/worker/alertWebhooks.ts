/**
 * The worker's webhooks: one poster (engine/alerts/webhook.ts) per alert sink
 * that has a webhook, posting with the browser's fetch as rows come, and
 * their figures for the node badges.
 */
import { alertSinkSteps } from '../engine/alerts/alertSteps';
import { createWebhookPoster, type WebhookPoster } from '../engine/alerts/webhook';
import type { PlanStep } from '../engine/plan/types';
import type { WebhookReport } from './protocol';

export interface AlertWebhooks {
  onRows(sinkId: string, rows: readonly object[]): void;
  reports(): ReadonlyMap<string, WebhookReport>;
  /** Rows waiting or in flight at any sink. */
  pending(): boolean;
  close(): void;
}

// The worker's timer: retries wait in wall-clock time, as a real endpoint recovers in it.
const sleep = (ms: number): Promise<void> => new Promise((resolve) => { globalThis.setTimeout(resolve, ms); });

export function createAlertWebhooks(steps: readonly PlanStep[], fetch: typeof globalThis.fetch = (...args) => globalThis.fetch(...args)): AlertWebhooks {
  const posters = new Map<string, WebhookPoster>();
  for (const s of alertSinkSteps(steps)) if (s.webhook !== null) posters.set(s.nodeId, createWebhookPoster({ url: s.webhook, fetch, sleep }));
  return {
    onRows(sinkId, rows) {
      const poster = posters.get(sinkId);
      if (poster !== undefined) for (const row of rows) poster.post(row);
    },
    reports() {
      const out = new Map<string, WebhookReport>();
      for (const [id, p] of posters) {
        const st = p.stats();
        out.set(id, { sent: st.sent, failed: st.failed + st.dropped, pending: st.pending, lastError: st.lastError });
      }
      return out;
    },
    pending() {
      for (const p of posters.values()) if (p.stats().pending > 0) return true;
      return false;
    },
    close() {
      for (const p of posters.values()) p.close();
    },
  };
}
