import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../model';
import { SNAPSHOT_FORMAT } from '../../engine/run/runtimeSnapshot';
import { CHECKPOINT_FORMAT, checkCheckpoint } from './format';

const good = () => ({
  format: CHECKPOINT_FORMAT,
  documentVersion: CURRENT_VERSION,
  pipelineVersion: 'abc',
  documentId: 'doc',
  takenAt: 1_700_000_000_000,
  reason: 'interval',
  events: 1200,
  watermark: -Infinity,
  runtime: { format: SNAPSHOT_FORMAT, plan: { hash: 'h', lines: ['a'] }, dicts: [['n\u0000f', ['x']]], nodes: [['src', { any: 1 }]], ended: [], metrics: [['src', { rowsIn: 0, rowsOut: 5, watermark: Infinity, keys: 0, openWindows: 0, lateEvents: 0 }]], idle: null },
  lateRows: [['win', 3]],
  sinks: [{ sinkId: 'out', produced: 2, rows: { sinkId: 'out', length: 2, time: new Float64Array(2), columns: [{ name: 'n', type: 'number', values: new Float64Array([1, 2]) }, { name: 'k', type: 'string', values: ['a', null] }], skipped: 0, positions: new Float64Array(2) } }],
});

const expected = { pipelineVersion: 'abc' };

describe('checking a stored checkpoint', () => {
  it('accepts a checkpoint of this format and pipeline version', () => {
    const checked = checkCheckpoint(good(), expected);
    expect(checked.ok).toBe(true);
  });

  it.each([
    ['a string', 'garbage'],
    ['null', null],
    ['an array', [1, 2, 3]],
  ])('says %s is damaged, without throwing', (_, value) => {
    const checked = checkCheckpoint(value, expected);
    expect(checked).toMatchObject({ ok: false, problem: 'corrupt', takenAt: null });
    expect(!checked.ok && checked.message).toMatch(/damaged/);
  });

  it('names the path of what is wrong', () => {
    const value = good();
    (value.sinks[0]!.rows.columns[0] as { values: unknown }).values = [1, 2];
    const checked = checkCheckpoint(value, expected);
    expect(!checked.ok && checked.message).toMatch(/at sinks\[0\]\.rows\.columns\[0\]\.values/);
  });

  it('refuses a chunk whose columns disagree with its length', () => {
    const value = good();
    value.sinks[0]!.rows.length = 3;
    const checked = checkCheckpoint(value, expected);
    expect(checked).toMatchObject({ ok: false, problem: 'corrupt' });
    expect(!checked.ok && checked.message).toMatch(/3 rows/);
  });

  it('refuses another checkpoint format, another run-state format and another document version, saying which', () => {
    expect(checkCheckpoint({ ...good(), format: CHECKPOINT_FORMAT + 1 }, expected)).toMatchObject({ ok: false, problem: 'format', takenAt: 1_700_000_000_000 });
    const state = good();
    state.runtime.format = SNAPSHOT_FORMAT + 1;
    expect(checkCheckpoint(state, expected)).toMatchObject({ ok: false, problem: 'format' });
    expect(checkCheckpoint({ ...good(), documentVersion: CURRENT_VERSION + 1 }, expected)).toMatchObject({ ok: false, problem: 'documentVersion' });
  });

  it('says the pipeline changed since a checkpoint of another pipeline version', () => {
    const checked = checkCheckpoint(good(), { pipelineVersion: 'other' });
    expect(checked).toMatchObject({ ok: false, problem: 'pipeline' });
    expect(!checked.ok && checked.message).toMatch(/pipeline changed since the checkpoint of \d\d:\d\d:\d\d/);
  });

  it('refuses a hostile object whose getters throw or whose prototype lies, without throwing', () => {
    const hostile = Object.create({ format: CHECKPOINT_FORMAT }) as Record<string, unknown>;
    Object.defineProperty(hostile, 'sinks', { get() { throw new Error('boom'); }, enumerable: true });
    expect(() => checkCheckpoint(hostile, expected)).not.toThrow();
    expect(checkCheckpoint(hostile, expected).ok).toBe(false);
  });
});
