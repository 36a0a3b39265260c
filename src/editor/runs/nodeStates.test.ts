import { describe, expect, it } from 'vitest';
import { judgeClose } from '../../worker/backoff';
import type { NodeStats, SourceConnection } from '../../worker/protocol';
import { nodeBadgeState, nodeRunState, nodeStateName, nodeStateText, type NodeStateInput } from './nodeStates';

const stats = (over: Partial<NodeStats> = {}): NodeStats => ({
  rowsIn: 0, rowsOut: 0, inPerSecond: 0, outPerSecond: 0, watermark: -Infinity, keys: 0, openWindows: 0, lateEvents: 0, ...over,
});
const connection = (over: Partial<SourceConnection> = {}): SourceConnection => ({
  state: 'live', detail: '', messages: 0, queued: 0, dropped: 0, deadLetters: 0, lastDeadLetters: [], ...over,
});
const input = (over: Partial<NodeStateInput> = {}): NodeStateInput => ({
  nodeId: 'n', phase: 'running', isSource: false, stats: stats(), connection: undefined, failure: null, ...over,
});

describe('nodeRunState', () => {
  it('shows nothing while no run is under way', () => {
    expect(nodeRunState(input({ phase: 'idle', stats: stats({ rowsIn: 5 }) }))).toBeNull();
  });

  it('is pending before its first row and running after it, a source by what it produced', () => {
    expect(nodeRunState(input({ stats: undefined }))).toEqual({ state: 'pending' });
    expect(nodeRunState(input())).toEqual({ state: 'pending' });
    expect(nodeRunState(input({ stats: stats({ rowsIn: 1 }) }))).toEqual({ state: 'running' });
    expect(nodeRunState(input({ isSource: true, stats: stats({ rowsIn: 3 }) }))).toEqual({ state: 'pending' });
    expect(nodeRunState(input({ isSource: true, stats: stats({ rowsOut: 3 }) }))).toEqual({ state: 'running' });
    expect(nodeRunState(input({ phase: 'paused', stats: stats({ rowsOut: 3 }) }))).toEqual({ state: 'running' });
  });

  it('is completed once the end of input reached it, or when the run finished', () => {
    expect(nodeRunState(input({ stats: stats({ rowsIn: 9, watermark: Infinity }) }))).toEqual({ state: 'completed' });
    expect(nodeRunState(input({ phase: 'finished' }))).toEqual({ state: 'completed' });
  });

  it('names the failed node with its message, and stops the others that had not completed', () => {
    const failure = { nodeId: 'n', message: 'boom' };
    expect(nodeRunState(input({ phase: 'failed', failure }))).toEqual({ state: 'failed', message: 'boom' });
    expect(nodeRunState(input({ nodeId: 'other', phase: 'failed', failure, stats: stats({ rowsIn: 2 }) }))).toEqual({ state: 'failed', message: 'the run stopped when n failed' });
    expect(nodeRunState(input({ nodeId: 'other', phase: 'failed', failure, stats: stats({ watermark: Infinity }) }))).toEqual({ state: 'completed' });
  });

  it('is retrying while a source reconnects, with the attempt and the time of the next one', () => {
    const reconnecting = connection({ state: 'reconnecting', detail: 'retry in 2 s (cannot connect)', attempt: 2, maxAttempts: 5, nextAttemptAt: 10_000 });
    const state = nodeRunState(input({ isSource: true, connection: reconnecting }));
    expect(state).toEqual({ state: 'retrying', attempt: 2, maxAttempts: 5, nextAttemptAt: 10_000, message: 'retry in 2 s (cannot connect)' });
    expect(nodeStateText(state!, 6_000)).toBe('Retrying (attempt 2 of 5, next in 4 s)');
    expect(nodeStateText(state!, 9_100)).toBe('Retrying (attempt 2 of 5, next in 1 s)');
    expect(nodeStateText(state!, 12_000)).toBe('Retrying (attempt 2 of 5, next in 0 s)');
    // A feed that does not count its attempts: the state still says Retrying, with the feed's words.
    const plain = nodeRunState(input({ isSource: true, connection: connection({ state: 'reconnecting', detail: 'retry in 2 s (connection lost)' }) }));
    expect(nodeStateText(plain!, 0)).toBe('Retrying: retry in 2 s (connection lost)');
  });

  it('fails a source the server refused, but completes one whose stream the server ended', () => {
    const refused = judgeClose(1008, "unknown stream 'weather'", true);
    const ended = judgeClose(1000, 'limit reached', true);
    if (refused.kind === 'retry' || ended.kind === 'retry') throw new Error('expected final verdicts');
    expect(nodeRunState(input({ isSource: true, stats: stats({ rowsOut: 4 }), connection: connection({ state: 'closed', detail: refused.detail }) })))
      .toEqual({ state: 'failed', message: refused.detail });
    expect(nodeRunState(input({ isSource: true, stats: stats({ rowsOut: 4 }), connection: connection({ state: 'closed', detail: ended.detail }) })))
      .toEqual({ state: 'running' });
    expect(nodeRunState(input({ isSource: true, stats: stats({ rowsOut: 4 }), connection: connection({ state: 'closed', detail: 'run stopped' }) })))
      .toEqual({ state: 'running' });
  });

  it('says each state in words, a failure with its message', () => {
    expect(nodeStateText({ state: 'pending' }, 0)).toBe('Pending');
    expect(nodeStateText({ state: 'completed' }, 0)).toBe('Completed');
    expect(nodeStateText({ state: 'failed', message: 'refused' }, 0)).toBe('Failed: refused');
    expect(nodeStateText({ state: 'retrying', attempt: 1, maxAttempts: 0, nextAttemptAt: 1500, message: '' }, 0)).toBe('Retrying (attempt 1, next in 2 s)');
  });
});

describe('nodeBadgeState', () => {
  it('shows a running node as Paused while the run is paused, and as Running again once it goes on', () => {
    const running = nodeRunState(input({ phase: 'paused', stats: stats({ rowsIn: 5 }) }))!;
    expect(nodeStateName(nodeBadgeState(running, 'paused'))).toBe('Paused');
    expect(nodeStateText(nodeBadgeState(running, 'paused'), 0)).toBe('Paused');
    expect(nodeStateName(nodeBadgeState(running, 'running'))).toBe('Running');
  });

  it('leaves the other states as they are while paused: nothing reached a pending node, and a completed or failed one is done', () => {
    expect(nodeBadgeState({ state: 'pending' }, 'paused')).toEqual({ state: 'pending' });
    expect(nodeBadgeState({ state: 'completed' }, 'paused')).toEqual({ state: 'completed' });
    expect(nodeBadgeState({ state: 'failed', message: 'refused' }, 'paused')).toEqual({ state: 'failed', message: 'refused' });
  });
});
