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
    expect(comparePrediction(5, 5, 0)).toEqual({ within: true, text: 'You predicted 5; the run measured 5: exactly right.' });
    expect(comparePrediction(4, 5, 1)).toEqual({ within: true, text: 'You predicted 4; the run measured 5: off by 1, close enough (within 1 counts as right).' });
    expect(comparePrediction(3, 5, 0)).toEqual({ within: false, text: 'You predicted 3; the run measured 5: off by 2, too far (an exact answer was asked for).' });
  });

  it('says so when the run measured no number', () => {
    expect(comparePrediction(3, null, 0)).toEqual({ within: false, text: 'You predicted 3; the run measured nothing (no value to compare).' });
    expect(comparePrediction(3, 'abc', 10).within).toBe(false);
  });
});
