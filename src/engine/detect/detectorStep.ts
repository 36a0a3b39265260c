/**
 * Compiles a detector node into its operator step: checks the watched field,
 * and gives the output schema (the input's fields, then the detector's three
 * of model/detectorFields.ts, replacing any of the same name a detector
 * upstream added). Every detector's compiler ends here.
 */
import type { Field } from '../batch';
import type { PipelineNode } from '../../model';
import { ANOMALY_REASON_FIELD, ANOMALY_SCORE_FIELD, DETECTOR_OUTPUT_FIELDS, IS_ANOMALY_FIELD } from '../../model/detectorFields';
import { failed, type NodeCompilation } from '../plan/nodeCompilation';
import type { EdgeSchema } from '../plan/types';
import { createDetectorOperator } from './detectorOperator';
import type { DetectorAlgorithm } from './types';

const ADDED: readonly Field[] = [
  { name: ANOMALY_SCORE_FIELD, type: 'number' },
  { name: IS_ANOMALY_FIELD, type: 'boolean' },
  { name: ANOMALY_REASON_FIELD, type: 'string' },
];

/** The fields a detector emits given its input's: every input field, then the three it adds. */
export function detectorOutputFields(input: readonly Field[]): Field[] {
  const added = new Set<string>(DETECTOR_OUTPUT_FIELDS);
  return [...input.filter((f) => !added.has(f.name)), ...ADDED];
}

/**
 * The step of a detector node watching `params.field` with `params.warmup`,
 * scored by the algorithm `makeAlgorithm` builds (called once per compile;
 * the algorithm object is config, shared by the step's operators, so it must
 * keep nothing of its own between calls: all it learns lives in its states).
 */
export function compileDetector<State>(
  node: PipelineNode, index: number, input: EdgeSchema,
  params: { readonly field: string; readonly warmup: number; readonly holdoff?: number },
  makeAlgorithm: () => DetectorAlgorithm<State>,
): NodeCompilation {
  const watched = input.fields.find((f) => f.name === params.field);
  if (watched === undefined) {
    const names = input.fields.map((f) => f.name).join(', ');
    return failed(node, index, 'field', `unknown field '${params.field}' (fields here: ${names === '' ? 'none' : names})`);
  }
  if (watched.type !== 'number') return failed(node, index, 'field', `field '${params.field}' is a ${watched.type}; a detector watches a number field`);
  const algorithm = makeAlgorithm();
  const config = { field: params.field, warmup: params.warmup, holdoff: params.holdoff ?? 0, algorithm };
  return {
    step: { type: 'operator', nodeId: node.id, kind: node.kind, create: (ctx) => createDetectorOperator(config, ctx) },
    outputs: { out: { fields: detectorOutputFields(input.fields), keys: input.keys, ...(input.groupFields === undefined ? {} : { groupFields: input.groupFields }) } },
    problems: [],
  };
}
