import type { EditorDocument } from './types';

/** The nodes each node's edges lead to, in edge order: built once, so a walk over a long chain is linear. */
export function targetsByNode(doc: EditorDocument): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = targets.get(e.from);
    if (list === undefined) targets.set(e.from, [e.to]);
    else list.push(e.to);
  }
  return targets;
}
