import { knownRowNoun, paramLabel } from './labels';
import { paramSpecs } from './paramSpecs';
import type { Problem } from '../../model';

/** `nodes[3].params.size` for the param `size` of the node at index 3. */
export function paramPath(nodeIndex: number, key: string): string {
  return `nodes[${nodeIndex}].params.${key}`;
}

/** Problems at `path` or inside it (`path.x`, `path[0]`). */
export function problemsUnder(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
}

/** Problems about a node that no param claims (unknown keys, graph problems, a missing input). */
export function nodeLevelProblems(problems: readonly Problem[], nodeIndex: number, keys: readonly string[]): Problem[] {
  return problems.filter((p) => !keys.some((key) => {
    const path = paramPath(nodeIndex, key);
    return p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`);
  }));
}

/**
 * The problems of one row of a list param: those at its path, and those the
 * compiler reports on the whole list but names the row in ("aggregation 'avg': ...").
 */
export function rowProblems(problems: readonly Problem[], listPath: string, index: number, rowName: unknown): Problem[] {
  const own = problemsUnder(problems, `${listPath}[${index}]`);
  if (typeof rowName !== 'string' || rowName === '') return own;
  const named = problems.filter((p) => p.path === listPath && new RegExp(`: [a-z]+ '${escapeRegExp(rowName)}'[: ]`).test(p.message));
  return [...own, ...named];
}

/** Problems on the list itself that no row claims. */
export function listLevelProblems(problems: readonly Problem[], listPath: string, rowNames: readonly unknown[]): Problem[] {
  const claimed = new Set(rowNames.flatMap((name, i) => rowProblems(problems, listPath, i, name)));
  return problemsUnder(problems, listPath).filter((p) => !claimed.has(p));
}

/**
 * The sentence without the node it is about, for a place that already shows
 * the node: "node 'w1': size must be ..." becomes "size must be ...".
 */
export function withoutNodePrefix(message: string): string {
  return message.replace(/^node '(?:[^'\\]|\\.)*': /, '');
}

/** Upper-cases the first letter, for a sentence that stands alone. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads list paths in a message as a person would say them, given how the
 * inspector names a list's rows: "aggregations[1].name 'x' is already used by
 * aggregations[0]" becomes "Name of aggregation 2 'x' is already used by aggregation 1".
 */
export function readablePaths(message: string, rowNoun: (list: string) => string | null, label: (key: string) => string): string {
  return message.replace(/\b([A-Za-z_]+)\[(\d+)\](?:\.([A-Za-z_]+))?/g, (whole, list: string, index: string, key: string | undefined) => {
    const noun = rowNoun(list);
    if (noun === null) return whole;
    const row = `${noun} ${Number(index) + 1}`;
    return key === undefined ? row : `${label(key)} of ${row}`;
  });
}

/** A problem's sentence as the inspector shows it: without the node, list rows named as the form names them. */
export function problemText(kind: string, message: string): string {
  return readablePaths(leadingLabel(kind, withoutNodePrefix(message)), (list) => knownRowNoun(kind, list), (key) => paramLabel(kind, key));
}

/**
 * "maxSize must be ..." reads "max size must be ...", "fields needs ..." on
 * a Key by reads "key fields needs ...", "expr: unknown field" reads
 * "condition: unknown field": a sentence that starts with one of the kind's
 * params names it as the form's label does, so upper-casing it later gives
 * "Max size", not "MaxSize". Acronyms (URL) stay.
 */
function leadingLabel(kind: string, text: string): string {
  const key = /^([A-Za-z]+):? /.exec(text)?.[1];
  if (key === undefined || !paramSpecs(kind).some((s) => s.key === key)) return text;
  const label = paramLabel(kind, key);
  const lowered = /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
  return lowered + text.slice(key.length);
}
