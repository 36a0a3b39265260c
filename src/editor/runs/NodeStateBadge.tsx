import { memo, useEffect, useMemo, useState } from 'react';
import { ownValue } from '../ownValue';
import { useRun } from '../run/RunProvider';
import type { RunState } from '../run/types';
import { nodeBadgeState, nodeRunState, nodeStateName, nodeStateText, type NodeBadgeState } from './nodeStates';
import './runs.css';

/** The node's state as text, so the selector's answer compares equal while the state stays the same (ten metrics a second). */
function stateKeyOf(nodeId: string, isSource: boolean): (s: RunState) => string {
  return (s) => {
    const state = nodeRunState({
      nodeId, phase: s.phase, isSource, failure: s.failure,
      stats: ownValue(s.metrics?.nodes, nodeId), connection: ownValue(s.metrics?.connections, nodeId),
    });
    return state === null ? '' : JSON.stringify(nodeBadgeState(state, s.phase));
  };
}

/** Now, once a second while a retry counts down. */
function useSecondTicks(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * A node's run state above it, as Prefect shows a task's: Pending, Running
 * (Paused while the run is), Retrying (attempt 2 of 5, next in 4 s, counting down), Failed (the message
 * on hover and for screen readers), Completed. Text and colour: the word is
 * always there.
 */
export const NodeStateBadge = memo(function NodeStateBadge({ id, isSource }: { id: string; isSource: boolean }) {
  const key = useRun(useMemo(() => stateKeyOf(id, isSource), [id, isSource]));
  const state = key === '' ? null : (JSON.parse(key) as NodeBadgeState);
  const now = useSecondTicks(state?.state === 'retrying' && state.attempt > 0);
  if (state === null) return null;
  const text = nodeStateText(state, now);
  const shown = state.state === 'retrying' ? text : nodeStateName(state);
  return (
    <div className={`wp-node-state is-${state.state}`} data-testid="node-state" data-state={state.state} title={text}>
      <span className="wp-node-state-dot" aria-hidden="true" />
      <span className="wp-node-state-text">{shown}</span>
      {state.state === 'failed' && <span className="visually-hidden">: {state.message}</span>}
    </div>
  );
});
