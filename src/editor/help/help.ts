import { AGGREGATE_FN_HELP, KIND_HELP, PARAM_HELP } from './helpTexts';

// Maps, so that a kind or function named "__proto__" or "constructor" finds no help rather than Object's.
const KINDS = new Map(Object.entries(KIND_HELP));
const PARAMS = new Map(Object.entries(PARAM_HELP));
const FNS = new Map(Object.entries(AGGREGATE_FN_HELP));

/**
 * What a node kind does, in one sentence for someone learning streaming
 * (the palette's tooltip, the inspector's header); '' for an unknown kind.
 */
export function kindHelp(kind: string): string {
  return KINDS.get(kind) ?? '';
}

/**
 * What one param of a kind means and why it matters, in one sentence; ''
 * when there is none. Items of a list param are named `list.key`, like
 * `paramHelp('aggregate', 'aggregations.q')`.
 */
export function paramHelp(kind: string, param: string): string {
  return PARAMS.get(`${kind}.${param}`) ?? '';
}

/** What an aggregate function computes, in one sentence; '' for an unknown one. */
export function aggregateFnHelp(fn: string): string {
  return FNS.get(fn) ?? '';
}
