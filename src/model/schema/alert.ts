/** Params of the alert sink; built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { SINK_ALERT } from '../kinds';
import { nonNegativeDurationSchema, strict } from './common';
import { lazySchema } from './onDemand';

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;

export const alertSinkParamsSchema = lazySchema(SINK_ALERT, () => strict({
  when: z.string().min(1).default('is_anomaly').describe('A boolean expression over the record that raises an alert, e.g. is_anomaly or anomaly_score >= 0.9.'),
  severity: z.enum(ALERT_SEVERITIES).default('warning').describe('How serious the alerts are: info, warning or critical.'),
  cooldown: nonNegativeDurationSchema.default('5m').describe('Per key, no new alert within this much event time of the last one.'),
  resolveAfter: nonNegativeDurationSchema.default('10m').describe('An open alert is resolved once its key has been normal for this much event time.'),
  webhook: z.url({ protocol: /^https?$/ }).optional().describe('An http(s) URL each alert is posted to as JSON, with retries.'),
}));

export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type AlertSinkParams = z.output<typeof alertSinkParamsSchema>;
