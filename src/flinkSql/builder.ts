/**
 * Collects the script as it is translated: statement drafts (text, kind,
 * the nodes they express) and gaps, then joins them with exact offsets.
 */
import type { FlinkGap, FlinkStatement, StatementKind } from './types';

export interface StatementDraft {
  readonly kind: StatementKind;
  readonly text: string;
  readonly nodeIds: readonly string[];
}

/** Statements are separated by one blank line. */
const STATEMENT_SEPARATOR = '\n\n';

export class ScriptBuilder {
  readonly drafts: StatementDraft[] = [];
  readonly gaps: FlinkGap[] = [];
  private readonly gapKeys = new Set<string>();

  /** `order` gives each node's index in the document, so statements list their nodes in document order. */
  constructor(private readonly order: ReadonlyMap<string, number>) {}

  add(kind: StatementKind, text: string, nodeIds: readonly string[]): void {
    this.drafts.push({ kind, text, nodeIds: this.sorted(nodeIds) });
  }

  /** Records a gap once (the same node, path and reason reached twice is one gap). */
  gap(nodeId: string, path: string, severity: FlinkGap['severity'], reason: string): void {
    const key = JSON.stringify([nodeId, path, severity, reason]);
    if (this.gapKeys.has(key)) return;
    this.gapKeys.add(key);
    this.gaps.push({ nodeId, path, severity, reason });
  }

  sorted(ids: readonly string[]): string[] {
    return [...new Set(ids)].sort((a, b) => (this.order.get(a) ?? Infinity) - (this.order.get(b) ?? Infinity));
  }
}

/** Joins drafts into the script, each statement with its offsets: `script.slice(from, to) === text`. */
export function assemble(drafts: readonly StatementDraft[]): { script: string; statements: FlinkStatement[] } {
  const statements: FlinkStatement[] = [];
  let script = '';
  for (const draft of drafts) {
    if (script.length > 0) script += STATEMENT_SEPARATOR;
    const from = script.length;
    script += draft.text;
    statements.push({ kind: draft.kind, text: draft.text, from, to: script.length, nodeIds: draft.nodeIds });
  }
  return { script: `${script}\n`, statements };
}
