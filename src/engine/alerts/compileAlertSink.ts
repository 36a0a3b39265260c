/** Compiles the alert sink (sink.alert) into its step. */
import { parseDuration, type NodeOfKind } from '../../model';
import { compileFilter } from '../expr';
import { failed, type NodeCompilation } from '../plan/nodeCompilation';
import type { EdgeSchema } from '../plan/types';
import { createAlertOperator } from './alertOperator';
import { ALERT_SINK_KIND, type AlertSinkStep } from './alertSteps';

export function compileAlertSink(node: NodeOfKind<'sink.alert'>, index: number, input: EdgeSchema): NodeCompilation {
  const p = node.params;
  // The rule is compiled by the expression compiler against the fields reaching the sink: user text never runs as code.
  const when = compileFilter(p.when, input.fields);
  if (!when.ok) return failed(node, index, 'when', `when: ${when.error.message}`);
  const cooldownMs = parseDuration(p.cooldown) ?? 0;
  const resolveAfterMs = parseDuration(p.resolveAfter) ?? 0;
  const config = { sinkId: node.id, severity: p.severity, cooldownMs, resolveAfterMs, when: when.expr, keyFields: input.keys };
  const step: AlertSinkStep = {
    type: 'operator', nodeId: node.id, kind: ALERT_SINK_KIND, webhook: p.webhook ?? null,
    create: (ctx) => createAlertOperator(config, ctx),
  };
  return { step, outputs: {}, problems: [] };
}
