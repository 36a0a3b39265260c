/** The harness catches each kind of failure a fuzz case can show, and lets a good case through. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './sandbox';

describe('the fuzz sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox();
  });
  afterAll(() => sandbox.close());

  it('stops a case that never returns, and the next case runs on a fresh thread', async () => {
    const spin = await sandbox.run('selfCheck', { behave: 'spin' }, 300);
    expect(spin.timedOut).toBe(true);
    expect(spin.violations).toEqual(['no answer within 300 ms']);
    const next = await sandbox.run('selfCheck', { behave: 'hold' });
    expect(next).toMatchObject({ violations: [], outcome: 'held', timedOut: false, overLimit: false });
  });

  it('reports a throw with its message', async () => {
    const result = await sandbox.run('selfCheck', { behave: 'throw' });
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatch(/^the case threw: Error: thrown on purpose/);
  });

  it('reports a rejection nobody handled with the case that caused it', async () => {
    const result = await sandbox.run('selfCheck', { behave: 'reject' });
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatch(/^unhandled rejection: Error: rejected on purpose/);
  });

  it('marks an answer that came after the limit', async () => {
    const result = await sandbox.run('selfCheck', { behave: 'slow' }, 100);
    expect(result.overLimit).toBe(true);
  });
});
