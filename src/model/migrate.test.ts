import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, type MigrationStep } from './migrate';
import { sensorPipeline } from './testing/fixtures';
import { validate } from './validate';

describe('migrate', () => {
  it('passes a current document through unchanged, as a copy', () => {
    const input = sensorPipeline();
    const result = migrate(input);
    expect(result).toEqual({ ok: true, value: input, fromVersion: 1 });
    if (result.ok) expect(result.value).not.toBe(input);
  });

  it('passes non-objects and documents without a version through, for the schema to judge', () => {
    expect(migrate(null)).toEqual({ ok: true, value: null, fromVersion: undefined });
    expect(migrate({ name: 'x' })).toEqual({ ok: true, value: { name: 'x' }, fromVersion: undefined });
  });

  it.each([7, 0, 1.5, -1])('says version %d is unsupported', (version) => {
    expect(migrate({ version })).toEqual({
      ok: false,
      problem: { path: 'version', message: `unsupported version ${version}; this Windowpane reads version 1` },
    });
  });

  it('quotes a version that is not a number', () => {
    const result = migrate({ version: '1' });
    expect(result.ok ? '' : result.problem.message).toBe("unsupported version '1'; this Windowpane reads version 1");
  });

  it('runs each step in turn up to the current version, when given older versions', () => {
    const steps = new Map<number, MigrationStep>([
      [1, (document) => ({ ...document, renamed: document['title'], title: undefined })],
      [2, (document) => ({ ...document, upgradedTwice: true })],
      [3, (document) => document],
    ]);
    const result = migrate({ version: 1, title: 'old' }, steps, 3);
    expect(result).toEqual({
      ok: true,
      fromVersion: 1,
      value: { version: 3, renamed: 'old', title: undefined, upgradedTwice: true },
    });
  });

  it('reports a step that throws instead of throwing', () => {
    const steps = new Map<number, MigrationStep>([
      [1, () => {
        throw new Error('no nodes');
      }],
      [2, (document) => document],
    ]);
    const result = migrate({ version: 1 }, steps, 2);
    expect(result.ok ? '' : result.problem.message).toBe('could not upgrade the document from version 1: no nodes');
  });

  it('has a passthrough step for version 1, the current version', () => {
    expect([...MIGRATIONS.keys()]).toEqual([1]);
  });

  it('is what validate calls first, so a future version is one clear problem', () => {
    expect(validate({ ...sensorPipeline(), version: 7, nodes: 'whatever' })).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'unsupported version 7; this Windowpane reads version 1' }],
    });
  });
});
