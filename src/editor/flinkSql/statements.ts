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
