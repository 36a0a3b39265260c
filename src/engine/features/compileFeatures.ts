/** Compiles the feature transforms (transform.clean, transform.rolling) into operator steps. */
import type { Field } from '../batch';
import { parseDuration, type NodeOfKind } from '../../model';
import { problem, type NodeCompilation } from '../plan/nodeCompilation';
import type { CompileProblem, EdgeSchema } from '../plan/types';
import { createCleanOperator } from './cleanOperator';
import type { CleanConfig } from './cleanState';
import { createRollingOperator, type RollingConfig } from './rollingOperator';

function describe(fields: readonly Field[]): string {
  return fields.map((f) => `${f.name}:${f.type}`).join(', ');
}

/** A problem when `name` is not a number field of `input`. */
function numberFieldProblem(input: EdgeSchema, name: string, label: string): string | null {
  const field = input.fields.find((f) => f.name === name);
  if (field === undefined) return `${label}: unknown field '${name}' (fields here: ${describe(input.fields)})`;
  if (field.type !== 'number') return `${label}: '${name}' is a ${field.type}; it needs a number field`;
  return null;
}

export function compileFeatureNode(node: NodeOfKind<'transform.clean' | 'transform.rolling'>, index: number, input: EdgeSchema): NodeCompilation {
  return node.kind === 'transform.clean' ? compileClean(node, index, input) : compileRolling(node, index, input);
}

function compileClean(node: NodeOfKind<'transform.clean'>, index: number, input: EdgeSchema): NodeCompilation {
  const p = node.params;
  const problems: CompileProblem[] = [];
  p.fields.forEach((name, i) => {
    const bad = numberFieldProblem(input, name, 'fields');
    if (bad !== null) problems.push(problem(node, index, `fields[${i}]`, bad));
  });
  if (problems.length > 0) return { step: null, outputs: {}, problems };
  const config: CleanConfig = {
    fields: p.fields, missing: p.missing, constant: p.constant ?? 0, maxWaitMs: parseDuration(p.maxWait) ?? 60_000,
    min: p.min ?? -Infinity, max: p.max ?? Infinity, resampleMs: p.resample === undefined ? null : parseDuration(p.resample) ?? null,
  };
  return { step: { type: 'operator', nodeId: node.id, kind: node.kind, create: (ctx) => createCleanOperator(config, ctx) }, outputs: { out: input }, problems: [] };
}

function compileRolling(node: NodeOfKind<'transform.rolling'>, index: number, input: EdgeSchema): NodeCompilation {
  const p = node.params;
  const bad = numberFieldProblem(input, p.field, 'field');
  if (bad !== null) return { step: null, outputs: {}, problems: [problem(node, index, 'field', bad)] };
  // A feature replaces an input field of its name, as a map's computed field does.
  const added = p.features.map((f): Field => ({ name: f.name, type: 'number' }));
  const kept = input.fields.filter((f) => !added.some((a) => a.name === f.name));
  const dropKeys = input.keys !== null && input.keys.some((k) => added.some((a) => a.name === k.name));
  const keys = dropKeys ? null : input.keys;
  const config: RollingConfig = {
    field: p.field, count: p.count ?? null, durationMs: p.duration === undefined ? null : parseDuration(p.duration) ?? null, features: p.features, dropKeys,
  };
  const out: EdgeSchema = { fields: [...kept, ...added], keys };
  return { step: { type: 'operator', nodeId: node.id, kind: node.kind, create: (ctx) => createRollingOperator(config, ctx) }, outputs: { out }, problems: [] };
}
