import { describe, expect, it } from 'vitest';
import { commitPendingEdits, holdPendingEdit, pendingEditCount } from './pendingEdits';

describe('pending edits', () => {
  it('commits each held edit once, and not one withdrawn', () => {
    const done: string[] = [];
    holdPendingEdit(() => done.push('a'));
    const withdraw = holdPendingEdit(() => done.push('b'));
    holdPendingEdit(() => done.push('c'));
    withdraw();
    commitPendingEdits();
    commitPendingEdits();
    expect(done).toEqual(['a', 'c']);
    expect(pendingEditCount()).toBe(0);
  });

  it('commits the others when one throws, then reports the first error', () => {
    const done: string[] = [];
    holdPendingEdit(() => {
      throw new Error('first');
    });
    holdPendingEdit(() => {
      throw new Error('second');
    });
    holdPendingEdit(() => done.push('kept'));
    expect(() => commitPendingEdits()).toThrow('first');
    expect(done).toEqual(['kept']);
    expect(pendingEditCount()).toBe(0);
  });

  it('holds the same commit twice as two edits, each withdrawn on its own', () => {
    let count = 0;
    const commit = () => void (count += 1);
    const first = holdPendingEdit(commit);
    holdPendingEdit(commit);
    first();
    commitPendingEdits();
    expect(count).toBe(1);
  });
});
