import { describe, expect, it } from 'vitest';
import { comparePrediction, readPrediction } from './prediction';

describe('predictions', () => {
  it('reads numbers as people type them, and asks again for anything else', () => {
    expect(readPrediction(' 12 ')).toEqual({ ok: true, value: 12 });
    expect(readPrediction('1,200')).toEqual({ ok: true, value: 1200 });
    expect(readPrediction('-0.5')).toEqual({ ok: true, value: -0.5 });
    expect(readPrediction('')).toMatchObject({ ok: false, message: expect.stringMatching(/before you check/) });
    expect(readPrediction('twelve')).toMatchObject({ ok: false, message: expect.stringMatching(/not a number/) });
    expect(readPrediction('Infinity').ok).toBe(false);
  });

  it('compares with the measured value within the tolerance, in words', () => {
    expect(comparePrediction(5, 5, 0, 'start')).toEqual({ within: true, text: 'You predicted 5; the starting pipeline gives 5: exactly right.' });
    expect(comparePrediction(4, 5, 1, 'solution')).toEqual({ within: true, text: 'You predicted 4; the solution gives 5: off by 1, close enough (within 1 counts as right).' });
    expect(comparePrediction(3, 5, 0, 'start')).toEqual({ within: false, text: 'You predicted 3; the starting pipeline gives 5: off by 2, too far (an exact answer was asked for).' });
  });

  it('says so when the pipeline gives no number', () => {
    expect(comparePrediction(3, null, 0, 'start')).toEqual({ within: false, text: 'You predicted 3; the starting pipeline gives nothing (no value to compare).' });
    expect(comparePrediction(3, 'abc', 10, 'start').within).toBe(false);
  });
});
