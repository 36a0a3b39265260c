/**
 * A run's record from the run store's state: node figures and states, the
 * totals, the errors with their nodes. Pure, so the recorder's tests and the
 * recorder agree on what a record says.
 */
import type { RunState } from '../run/types';
import type { EditorDocument } from '../store/types';
import { ownValue } from '../ownValue';
import { connectionGaveUp, nodeRunState } from './nodeStates';
import { MAX_ERRORS, type RecordedError, type RecordedNode, type RunFinalState, type RunSummary } from './types';

/** What stays the same for the whole run. */
export interface RunIdentity {
  readonly id: string;
  readonly documentId: string;
  readonly documentName: string;
  readonly pipelineVersion: string;
  readonly startedAt: number;
  readonly doc: EditorDocument;
}

const isSource = (kind: string): boolean => kind.startsWith('source.');
const isSink = (kind: string): boolean => kind.startsWith('sink.');

function nodesOf(run: RunIdentity, state: RunState): RecordedNode[] {
  return run.doc.nodes.map((node) => {
    const stats = ownValue(state.metrics?.nodes, node.id);
    const connection = ownValue(state.metrics?.connections, node.id);
    const nodeState = nodeRunState({ nodeId: node.id, phase: state.phase, isSource: isSource(node.kind), stats, connection, failure: state.failure });
    return {
      id: node.id,
      name: node.name ?? node.id,
      kind: node.kind,
      rowsIn: stats?.rowsIn ?? 0,
      rowsOut: stats?.rowsOut ?? 0,
      lateEvents: stats?.lateEvents ?? 0,
      deadLetters: connection?.deadLetters ?? 0,
      state: nodeState ?? { state: 'pending' },
    };
  });
}

function errorsOf(state: RunState, nodes: readonly RecordedNode[]): RecordedError[] {
  const errors: RecordedError[] = [];
  if (state.failure !== null) errors.push({ nodeId: state.failure.nodeId, message: state.failure.message });
  for (const node of nodes) {
    const connection = ownValue(state.metrics?.connections, node.id);
    if (connection !== undefined && connectionGaveUp(connection)) errors.push({ nodeId: node.id, message: connection.detail });
  }
  for (const note of state.diagnostics) errors.push({ nodeId: note.nodeId, message: note.message });
  return errors.slice(0, MAX_ERRORS);
}

/**
 * How a run ended, Prefect's way: a run in which a node failed is Failed,
 * even when the user then stopped it (a source the server refused never
 * ends the run by itself).
 */
export function finalState(ended: 'finished' | 'failed' | 'stopped' | 'crashed', nodes: readonly RecordedNode[]): RunFinalState {
  if (ended === 'crashed') return 'crashed';
  if (ended === 'failed' || nodes.some((n) => n.state.state === 'failed')) return 'failed';
  return ended === 'finished' ? 'completed' : 'cancelled';
}

/** The record of `run` as `state` shows it; `ended` null while it runs. */
export function summaryOf(run: RunIdentity, state: RunState, now: number, ended: { readonly how: Parameters<typeof finalState>[0]; readonly reason: string; readonly at: number } | null): RunSummary {
  const nodes = nodesOf(run, state);
  const errors = errorsOf(state, nodes);
  // The node that failed the run, else a source that gave up (the others only stopped with it).
  const failedNode = nodes.find((n) => n.id === state.failure?.nodeId) ?? nodes.find((n) => n.state.state === 'failed');
  const sum = (pick: (n: RecordedNode) => number, which: (n: RecordedNode) => boolean = () => true): number => nodes.filter(which).reduce((t, n) => t + pick(n), 0);
  const final = ended === null ? 'running' : finalState(ended.how, nodes);
  let reason = ended?.reason ?? '';
  if (final === 'failed' && failedNode !== undefined && failedNode.state.state === 'failed') reason = `${failedNode.name}: ${failedNode.state.message}`;
  return {
    format: 'windowpane-run',
    version: 1,
    id: run.id,
    documentId: run.documentId,
    documentName: run.documentName,
    pipelineVersion: run.pipelineVersion,
    startedAt: run.startedAt,
    endedAt: ended === null ? null : ended.at,
    updatedAt: now,
    state: final,
    reason,
    eventsIn: sum((n) => n.rowsOut, (n) => isSource(n.kind)),
    results: sum((n) => n.rowsIn, (n) => isSink(n.kind)),
    lateEvents: sum((n) => n.lateEvents),
    deadLetters: sum((n) => n.deadLetters),
    nodes,
    errors,
  };
}
