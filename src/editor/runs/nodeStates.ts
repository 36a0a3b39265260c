/**
 * A node's state in the run, as Prefect shows a task's (NodeRunState in
 * src/worker/protocol.ts), derived on the page from what the run store
 * already holds: the phase, the failure, each node's figures and a WebSocket
 * source's connection. Pure, so the canvas badge, the recorder and the tests
 * agree.
 */
import type { NodeFailure, NodeRunState, NodeStats, RunPhase, SourceConnection } from '../../worker/protocol';

export interface NodeStateInput {
  readonly nodeId: string;
  readonly phase: RunPhase;
  readonly isSource: boolean;
  readonly stats: NodeStats | undefined;
  readonly connection: SourceConnection | undefined;
  readonly failure: NodeFailure | null;
}

/** What the feed says when the run itself closed the socket: not a failure of the source. */
const RUN_STOPPED = 'run stopped';
/** The start of the feed's detail when the server ended a finite stream (backoff.ts judgeClose): the source completes. */
const SERVER_ENDED = 'the server ended the stream';

/**
 * Whether a source's connection closed for good without the stream ending:
 * the server refused it, the URL cannot be opened, or the retries ran out.
 */
export function connectionGaveUp(connection: SourceConnection): boolean {
  return connection.state === 'closed' && connection.detail !== RUN_STOPPED && !connection.detail.startsWith(SERVER_ENDED);
}

/** The node's state, or null when no run is under way (idle: nothing to show). */
export function nodeRunState(input: NodeStateInput): NodeRunState | null {
  const { phase, stats, connection, failure } = input;
  if (phase === 'idle') return null;
  if (failure !== null && failure.nodeId === input.nodeId) return { state: 'failed', message: failure.message };
  if (connection !== undefined && connectionGaveUp(connection)) return { state: 'failed', message: connection.detail };
  // The end of input reached it (its watermark is +Infinity), so windows have fired and it emitted everything.
  if (phase === 'finished' || stats?.watermark === Infinity) return { state: 'completed' };
  if (phase === 'failed') return { state: 'failed', message: `the run stopped when ${failure?.nodeId ?? 'a node'} failed` };
  if (connection?.state === 'reconnecting') {
    return {
      state: 'retrying',
      attempt: connection.attempt ?? 0,
      maxAttempts: connection.maxAttempts ?? 0,
      nextAttemptAt: connection.nextAttemptAt ?? 0,
      message: connection.detail,
    };
  }
  const rows = stats === undefined ? 0 : input.isSource ? stats.rowsOut : stats.rowsIn + stats.rowsOut;
  return rows === 0 ? { state: 'pending' } : { state: 'running' };
}

/**
 * What a node's badge on the canvas shows: its run state, except that a
 * running node reads Paused while the run is paused. Records keep 'running'
 * (the node is mid-stream, its run not over); only the badge says Paused.
 */
export type NodeBadgeState = NodeRunState | { readonly state: 'paused' };

/** The badge's state for a node in a run of `phase`. */
export function nodeBadgeState(state: NodeRunState, phase: RunPhase): NodeBadgeState {
  return phase === 'paused' && state.state === 'running' ? { state: 'paused' } : state;
}

const NAMES = { pending: 'Pending', running: 'Running', paused: 'Paused', retrying: 'Retrying', failed: 'Failed', completed: 'Completed' } as const;

/** The state's name: Pending, Running, Paused, Retrying, Failed, Completed. */
export function nodeStateName(state: NodeBadgeState): string {
  return NAMES[state.state];
}

/**
 * The state as one line: "Retrying (attempt 2 of 5, next in 4 s)" counts
 * down from `now`; a failure carries its message. A retry whose figures the
 * feed does not give (attempt 0) says what the feed said instead.
 */
export function nodeStateText(state: NodeBadgeState, now: number): string {
  switch (state.state) {
    case 'retrying': {
      if (state.attempt <= 0) return `Retrying: ${state.message}`;
      const of = state.maxAttempts > 0 ? ` of ${state.maxAttempts}` : '';
      const seconds = Math.max(0, Math.ceil((state.nextAttemptAt - now) / 1000));
      return `Retrying (attempt ${state.attempt}${of}, next in ${seconds} s)`;
    }
    case 'failed':
      return `Failed: ${state.message}`;
    default:
      return NAMES[state.state];
  }
}
