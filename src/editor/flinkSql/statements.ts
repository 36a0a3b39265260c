/**
 * Pure helpers of the Flink SQL panel: which statement a place in the script
 * belongs to, which statements a set of nodes produced, and the file name of
 * a downloaded script.
 */
import type { FlinkStatement } from '../../flinkSql/types';
import { fileStem } from '../documents/transfer';

/**
 * The index of the statement at offset `pos` of the script, or null between
 * statements (the blank lines). A statement's end counts as inside it, so a
 * cursor after its `;` still belongs to it. Statements are in script order.
 */
export function statementAt(statements: readonly FlinkStatement[], pos: number): number | null {
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = statements[mid]!;
    if (pos < s.from) hi = mid - 1;
    else if (pos > s.to) lo = mid + 1;
    else return mid;
  }
  return null;
}

/** The indexes of the statements that express any of `nodeIds`, in script order. */
export function statementsOfNodes(statements: readonly FlinkStatement[], nodeIds: ReadonlySet<string>): number[] {
  if (nodeIds.size === 0) return [];
  const found: number[] = [];
  statements.forEach((s, i) => {
    if (s.nodeIds.some((id) => nodeIds.has(id))) found.push(i);
  });
  return found;
}

/** `Card spend.sql`: the pipeline's name made safe for a file name. */
export function sqlFileName(name: string): string {
  return `${fileStem(name)}.sql`;
}

/**
 * The one change that turns `before` into `after`: the span between their
 * common start and common end. Handing CodeMirror only that span keeps its
 * parse, its drawn lines and the reader's scroll position for the rest of a
 * script that an edit changed in one place.
 */
export function changedSpan(before: string, after: string): { from: number; to: number; insert: string } {
  const most = Math.min(before.length, after.length);
  let start = 0;
  while (start < most && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < most - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
