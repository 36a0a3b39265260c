import { describe, expect, it } from 'vitest';
import { detailOf } from './outcomeText';

describe('a check outcome\'s detail', () => {
  const says = 'the late port of tenSeconds is empty';
  it('drops the verdict and the check\'s own words when the sentence repeats them', () => {
    expect(detailOf({ says, text: `Holds: ${says} (0 events went to the late port of window 'tenSeconds').` })).toBe('0 events went to the late port of window \'tenSeconds\'');
    expect(detailOf({ says, text: `Holds: ${says}.` })).toBe('');
  });

  it('keeps a sentence that only says what was measured', () => {
    expect(detailOf({ says, text: 'Does not hold: 4 events went to the late port of window \'tenSeconds\'; the task wants 0.' }))
      .toBe('4 events went to the late port of window \'tenSeconds\'; the task wants 0.');
    expect(detailOf({ says, text: 'does not hold: 3 events went to the late port' })).toBe('3 events went to the late port');
  });
});
