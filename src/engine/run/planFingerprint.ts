/**
 * What a snapshot says of the plan it was taken of, so that restoring it
 * into a run of another pipeline fails with a sentence instead of mixing
 * state: one line per step (its node, kind and parameters, expressions by
 * their text, a file by its size and fields) and one per route.
 */
import type { ExecutionPlan, PlanStep } from '../plan/types';

export interface PlanFingerprint {
  /** FNV-1a of the lines, to compare quickly. */
  readonly hash: string;
  readonly lines: readonly string[];
}

function describeValue(key: string, value: unknown): unknown {
  if (typeof value === 'function') return undefined;
  if (typeof value !== 'object' || value === null) return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as { length?: number }).length ?? '?'})`;
  if (value instanceof Map) return [...(value as Map<unknown, unknown>).entries()];
  // A compiled expression is config: its text says what it computes.
  const source = (value as { source?: unknown; evaluate?: unknown }).source;
  if (typeof source === 'string' && typeof (value as { evaluate?: unknown }).evaluate === 'function') return `expr(${source})`;
  if (key === 'block') {
    const block = value as { length?: unknown; columns?: object };
    return { rows: block.length, fields: block.columns === undefined ? [] : Object.keys(block.columns) };
  }
  if (key === 'rowErrors' && Array.isArray(value)) return value.length;
  return value;
}

function describeStep(step: PlanStep): string {
  return `${step.nodeId} ${JSON.stringify(step, describeValue)}`;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The fingerprint of `plan` (a few microseconds per step; the runtime computes it once). */
export function planFingerprint(plan: ExecutionPlan): PlanFingerprint {
  const lines = plan.steps.map(describeStep);
  const routes = [...plan.routes].map(([from, to]) => `${from} -> ${to.map((r) => `${r.stepId}#${r.input}`).join(', ')}`).sort();
  lines.push(...routes);
  return { hash: fnv1a(lines.join('\n')), lines };
}

function cut(text: string): string {
  return text.length <= 160 ? text : `${text.slice(0, 160)}…`;
}

/** Why a snapshot of `taken` cannot be restored into a run of `here`, or null when it can. */
export function planMismatch(taken: PlanFingerprint, here: PlanFingerprint): string | null {
  if (taken.hash === here.hash && taken.lines.length === here.lines.length && taken.lines.every((line, i) => line === here.lines[i])) return null;
  const n = Math.max(taken.lines.length, here.lines.length);
  for (let i = 0; i < n; i++) {
    const a = taken.lines[i];
    const b = here.lines[i];
    if (a === b) continue;
    if (a === undefined) return `this run has more than the snapshot's pipeline: ${cut(b ?? '')}`;
    if (b === undefined) return `the snapshot's pipeline has more than this run: ${cut(a)}`;
    return `the snapshot was taken of another pipeline: it has ${cut(a)}, this run has ${cut(b)}`;
  }
  return 'the snapshot was taken of another pipeline';
}
