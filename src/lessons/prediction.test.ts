import { describe, expect, it } from 'vitest';
import { judgePrediction, readGuess } from './prediction';

describe('judgePrediction', () => {
  it('counts a number right within the tolerance and off beyond it', () => {
    expect(judgePrediction(3, 3, { tolerance: 0 })).toEqual({ right: true, text: 'Your prediction 3 was right: the run measured 3.' });
    expect(judgePrediction(4, 3, { tolerance: 0 })).toEqual({ right: false, text: 'Your prediction 4 was off: the run measured 3.' });
    expect(judgePrediction(1_200, 1_000, { tolerance: 250 }).right).toBe(true);
    expect(judgePrediction(1_300, 1_000, { tolerance: 250 }).text).toBe('Your prediction 1,300 was off: the run measured 1,000 (within 250 counts as right).');
  });

  it('compares text and no value by equality', () => {
    expect(judgePrediction('u1', 'u1', { tolerance: 5 }).right).toBe(true);
    expect(judgePrediction(0, null, { tolerance: 5 }).right).toBe(false);
  });
});

describe('readGuess', () => {
  it('reads numbers with thousands separators, text otherwise, and nothing as null', () => {
    expect(readGuess(' 1,500 ')).toBe(1500);
    expect(readGuess('-2.5')).toBe(-2.5);
    expect(readGuess('u7')).toBe('u7');
    expect(readGuess('   ')).toBeNull();
  });
});
