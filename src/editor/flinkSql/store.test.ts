import { describe, expect, it } from 'vitest';
import { chooseConnector, choicesOf, flinkSqlStore, lightNodes, showFlinkSql } from './store';

describe('the Flink SQL panel store', () => {
  it('keeps each pipeline its own connector choices', () => {
    chooseConnector('p1', 'source', 'bids', 'kafka');
    chooseConnector('p2', 'sink', 'results', 'blackhole');
    const state = flinkSqlStore.getState();
    expect([...choicesOf(state, 'p1').sources]).toEqual([['bids', 'kafka']]);
    expect([...choicesOf(state, 'p1').sinks]).toEqual([]);
    expect([...choicesOf(state, 'p2').sinks]).toEqual([['results', 'blackhole']]);
    expect(choicesOf(state, 'p3').sources.size).toBe(0);
    // Back to the default: the choice is gone, not kept as the default's name.
    chooseConnector('p1', 'source', 'bids', null);
    expect(choicesOf(flinkSqlStore.getState(), 'p1').sources.size).toBe(0);
  });

  it('lights a set of nodes once: the same set again changes nothing, so no node is redrawn', () => {
    lightNodes(['a', 'b']);
    const lit = flinkSqlStore.getState().lit;
    expect([...lit]).toEqual(['a', 'b']);
    lightNodes(['b', 'a']);
    expect(flinkSqlStore.getState().lit).toBe(lit);
    lightNodes([]);
    expect(flinkSqlStore.getState().lit.size).toBe(0);
  });

  it('Export > Flink SQL opens the panel and asks for the focus each time', () => {
    const before = flinkSqlStore.getState().focusRequest;
    showFlinkSql();
    showFlinkSql();
    expect(flinkSqlStore.getState().open).toBe(true);
    expect(flinkSqlStore.getState().focusRequest).toBe(before + 2);
  });
});
