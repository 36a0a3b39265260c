import { describe, expect, it } from 'vitest';
import { NOT_STARTED, readStoredProgress, storedProgress, summarize, summaryText, withPassed } from './lessonProgress';

const lesson = { tasks: [{ id: 'a' }, { id: 'b' }] } as unknown as Parameters<typeof summarize>[0];

describe('lesson progress', () => {
  it('goes from not started to in progress to done as tasks pass', () => {
    expect(summarize(lesson, NOT_STARTED)).toEqual({ status: 'not-started', passed: 0, total: 2 });
    expect(summarize(lesson, { opened: true, passed: [] }).status).toBe('in-progress');
    const one = withPassed(NOT_STARTED, 'a');
    expect(summarize(lesson, one)).toEqual({ status: 'in-progress', passed: 1, total: 2 });
    expect(summarize(lesson, withPassed(one, 'b'))).toEqual({ status: 'done', passed: 2, total: 2 });
    expect(summaryText(summarize(lesson, one))).toBe('1 of 2 tasks passed');
  });

  it('counts only tasks the lesson still has, and a task passed twice once', () => {
    const progress = withPassed(withPassed({ opened: true, passed: ['gone'] }, 'a'), 'a');
    expect(progress.passed).toEqual(['gone', 'a']);
    expect(summarize(lesson, progress)).toEqual({ status: 'in-progress', passed: 1, total: 2 });
  });

  it('reads back what it stored and skips damaged records', () => {
    const stored = storedProgress(new Map([['02-watermarks', { opened: true, passed: ['t1'], pipelineId: 'p9' }]]));
    expect(readStoredProgress(structuredClone(stored))).toEqual(new Map([['02-watermarks', { opened: true, passed: ['t1'], pipelineId: 'p9' }]]));
    const damaged = readStoredProgress([['x', { passed: ['t', 3, null], opened: 'yes' }], ['y'], 'z', [1, {}], ['__proto__', { opened: true, passed: [] }]]);
    expect([...damaged.keys()]).toEqual(['x', '__proto__']);
    expect(damaged.get('x')).toEqual({ opened: false, passed: ['t'] });
    expect(readStoredProgress(undefined).size).toBe(0);
    expect(readStoredProgress({ a: 1 }).size).toBe(0);
  });
});
