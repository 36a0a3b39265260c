/** Params of the alert sink; built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { SINK_ALERT } from '../kinds';
import { nonNegativeDurationSchema, strict } from './common';
import { lazySchema } from './onDemand';

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;

export const alertSinkParamsSchema = lazySchema(SINK_ALERT, () => strict({
  when: z.string().min(1).default('is_anomaly').describe('A boolean expression over the record that raises an alert, e.g. is_anomaly or anomaly_score >= 0.9.'),
  severity: z.enum(ALERT_SEVERITIES).default('warning').describe('How serious the alerts are: info, warning or critical.'),
  cooldown: nonNegativeDurationSchema.default('5m').describe('Per key, no new alert within this much event time of the last anomalous record of the previous one; anomalous records in that time extend (and reopen) that alert instead.'),
  resolveAfter: nonNegativeDurationSchema.default('10m').describe('An open alert is resolved once its key has had no anomalous record for this much event time (judged by the watermark, so it resolves even when the key sends nothing more).'),
  webhook: z.url({ protocol: /^https?$/ }).optional().describe('An http(s) URL each alert row is posted to as JSON (POST, content-type application/json), with bounded retries; failures are counted.'),
}));

export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type AlertSinkParams = z.output<typeof alertSinkParamsSchema>;
