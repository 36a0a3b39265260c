/**
 * How hosts find a plan's alert sinks: the alert sink compiles to an
 * OperatorStep that also says where its rows go beyond the host's results
 * (its webhook), so the worker and the CLI can post them and cap them.
 */
import { SINK_ALERT } from '../../model/kinds';
import type { OperatorStep, PlanStep } from '../plan/types';

export const ALERT_SINK_KIND = SINK_ALERT;

/** An alert sink's step. */
export interface AlertSinkStep extends OperatorStep {
  readonly kind: typeof ALERT_SINK_KIND;
  /** The URL every alert row is posted to as JSON; null: none. */
  readonly webhook: string | null;
}

export function isAlertSinkStep(step: PlanStep): step is AlertSinkStep {
  return step.type === 'operator' && step.kind === ALERT_SINK_KIND;
}

/** The alert sinks of a plan's steps, in plan order. */
export function alertSinkSteps(steps: readonly PlanStep[]): AlertSinkStep[] {
  return steps.filter(isAlertSinkStep);
}

/** How many of its newest rows the app keeps per alert sink between drains and in checkpoints (alerts are few). */
export const ALERT_ROWS = 10_000;
