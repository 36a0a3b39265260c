import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fixedLiveness } from './liveness';
import { createRunHistory } from './runHistory';
import { indexedDbRunsStorage, memoryRunsStorage, resultsKey, summaryKey } from './runsStorage';
import type { RunResults, RunSummary } from './types';

const summary = (id: string, over: Partial<RunSummary> = {}): RunSummary => ({
  format: 'windowpane-run', version: 1, id, documentId: 'd', documentName: 'Sensors', pipelineVersion: '0123456789abcdef',
  startedAt: 1000, endedAt: 2000, updatedAt: 2000, state: 'completed', reason: '', eventsIn: 10, results: 2, lateEvents: 0, deadLetters: 0,
  nodes: [{ id: 'src', name: 'Sensors', kind: 'source.sample', rowsIn: 0, rowsOut: 10, lateEvents: 0, deadLetters: 0, state: { state: 'completed' } }],
  errors: [], ...over,
});

describe('the history of runs', () => {
  it('marks a run left running by a page that died as Crashed on the next load, and leaves one a live page holds', async () => {
    const storage = memoryRunsStorage([
      [summaryKey('dead'), summary('dead', { state: 'running', endedAt: null, updatedAt: 1500 })],
      [summaryKey('alive'), summary('alive', { state: 'running', endedAt: null, startedAt: 1200, updatedAt: 1700 })],
    ]);
    const history = createRunHistory(storage, fixedLiveness(['alive']));
    await history.load();
    const runs = history.state.getState().runs;
    expect(runs.map((r) => [r.id, r.state, r.endedAt])).toEqual([['alive', 'running', null], ['dead', 'crashed', 1500]]);
    // Written back, so the next load need not guess again.
    expect(storage.data.get(summaryKey('dead'))).toMatchObject({ state: 'crashed', endedAt: 1500, reason: 'the page or its worker stopped before the run ended' });
  });

  it('keeps the newest runs only, deleting the oldest with their results', async () => {
    const storage = memoryRunsStorage();
    const history = createRunHistory(storage, fixedLiveness(), 3);
    await history.load();
    for (let i = 1; i <= 5; i++) await history.save(summary(`r${i}`, { startedAt: i * 1000 }), { id: `r${i}`, sinks: [] });
    expect(history.state.getState().runs.map((r) => r.id)).toEqual(['r5', 'r4', 'r3']);
    expect([...storage.data.keys()].sort()).toEqual(['results:r3', 'results:r4', 'results:r5', 'run:r3', 'run:r4', 'run:r5']);
    // On load too: a database written by a version with a larger cap is cut down.
    const again = createRunHistory(storage, fixedLiveness(), 2);
    await again.load();
    expect(again.state.getState().runs.map((r) => r.id)).toEqual(['r5', 'r4']);
    expect(storage.data.has(summaryKey('r3'))).toBe(false);
  });

  it('skips hostile and damaged records with a note naming what is wrong, and lists the rest', async () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "format": "windowpane-run"}') as unknown;
    const storage = memoryRunsStorage([
      [summaryKey('good'), summary('good')],
      [summaryKey('null'), null],
      [summaryKey('text'), 'not a record'],
      [summaryKey('hostile'), hostile],
      [summaryKey('future'), { ...summary('future'), version: 2 }],
      [summaryKey('nan'), summary('nan', { eventsIn: -1 })],
      [summaryKey('state'), { ...summary('state'), state: 'exploded' }],
      [summaryKey('node'), summary('node', { nodes: [{ id: 'x', name: 'x', kind: 'k', rowsIn: 0, rowsOut: 0, lateEvents: 0, deadLetters: 0, state: { state: 'failed' } as never }] })],
    ]);
    const history = createRunHistory(storage, fixedLiveness());
    await history.load();
    const { runs, notes } = history.state.getState();
    expect(runs.map((r) => r.id)).toEqual(['good']);
    expect(notes).toHaveLength(7);
    expect(notes.find((n) => n.includes('"run:future"'))).toMatch(/at version/);
    expect(notes.find((n) => n.includes('"run:node"'))).toMatch(/at nodes\.0\.state\.message/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads results back, and says why when they are missing or damaged', async () => {
    const results: RunResults = { id: 'a', sinks: [{ sinkId: 'out', name: 'Out', received: 9, cap: 2, time: [1, 2], columns: [{ name: 'v', type: 'number', values: [1, null] }] }] };
    const storage = memoryRunsStorage([[resultsKey('a'), results], [resultsKey('b'), { id: 'b', sinks: [{ ...results.sinks[0], time: [1] }] }]]);
    const history = createRunHistory(storage, fixedLiveness());
    expect(await history.results('a')).toEqual({ ok: true, results });
    expect(await history.results('b')).toEqual({ ok: false, why: 'at sinks.0: every column must have a value per row' });
    expect(await history.results('c')).toEqual({ ok: false, why: 'no results were recorded for this run' });
  });

  it('stores and lists through IndexedDB, summaries apart from results', async () => {
    const storage = indexedDbRunsStorage('windowpane-runs-test-1');
    const history = createRunHistory(storage, fixedLiveness());
    await history.load();
    await history.save(summary('one'), { id: 'one', sinks: [] });
    await history.save(summary('two', { startedAt: 5000 }), null);
    expect((await storage.summaries()).map(([k]) => k).sort()).toEqual(['run:one', 'run:two']);
    const reread = createRunHistory(indexedDbRunsStorage('windowpane-runs-test-1'), fixedLiveness());
    await reread.load();
    expect(reread.state.getState().runs.map((r) => r.id)).toEqual(['two', 'one']);
    expect(await reread.results('one')).toEqual({ ok: true, results: { id: 'one', sinks: [] } });
  });

  it('notes a write that fails instead of throwing', async () => {
    const storage = { ...memoryRunsStorage(), write: () => Promise.reject(new Error('quota exceeded')) };
    const history = createRunHistory(storage, fixedLiveness());
    await history.save(summary('x'), null);
    expect(history.state.getState().notes).toEqual(['The history of runs could not be written: quota exceeded']);
  });
});
