import { isNodeKind, portsOf } from '../../model';
import { checkConnection } from '../store/connections';
import type { ConnectionAttempt, EditorDocument, EditorNode } from '../store/types';

/** A port of a node: one of its outputs, or its input. */
export type NodePort = 'out' | 'late' | 'in';

/** One edge the "Connect" command could make from or to a node, and whether the pipeline would take it. */
export interface ConnectOption {
  readonly attempt: ConnectionAttempt;
  /** The node at the other end. */
  readonly other: EditorNode;
  /** Which side of the node the command was opened on the edge joins. */
  readonly side: 'output' | 'input';
  /** Null when the edge can be made; else why not, as the store would say it. */
  readonly reason: string | null;
}

function portsOfAny(kind: string): { inputs: readonly string[]; outputs: readonly string[] } {
  return isNodeKind(kind) ? portsOf(kind) : { inputs: [], outputs: [] };
}

/**
 * Every edge that could join `nodeId` to another node: from each of its
 * outputs (or only `port`) to each node that takes input, and into its
 * input from each output of every other node. Nodes that have no port to
 * offer (sources as targets, sinks as origins) are left out; the rest are
 * checked as the store checks a drag, so the reasons match. Possible edges
 * come first, each side in document order.
 */
export function connectOptions(doc: EditorDocument, nodeId: string, port?: NodePort): ConnectOption[] {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (node === undefined) return [];
  const others = doc.nodes.filter((n) => n.id !== nodeId);
  const options: ConnectOption[] = [];
  const check = (attempt: ConnectionAttempt): string | null => {
    const checked = checkConnection(doc, attempt);
    return checked.ok ? null : checked.reason;
  };
  const outputs = port === 'in' ? [] : portsOfAny(node.kind).outputs.filter((p) => port === undefined || p === port);
  for (const fromPort of outputs) {
    for (const other of others) {
      if (portsOfAny(other.kind).inputs.length === 0) continue;
      const attempt = { from: node.id, fromPort, to: other.id };
      options.push({ attempt, other, side: 'output', reason: check(attempt) });
    }
  }
  if ((port === undefined || port === 'in') && portsOfAny(node.kind).inputs.length > 0) {
    for (const other of others) {
      for (const fromPort of portsOfAny(other.kind).outputs) {
        const attempt = { from: other.id, fromPort, to: node.id };
        options.push({ attempt, other, side: 'input', reason: check(attempt) });
      }
    }
  }
  // A stable sort: possible edges first, otherwise as listed.
  return options.map((o, i) => ({ o, i })).sort((a, b) => Number(a.o.reason !== null) - Number(b.o.reason !== null) || a.i - b.i).map(({ o }) => o);
}
