import { describe, expect, it } from 'vitest';
import { keyText, sameFields } from './replay';

describe('lineage query -> recorder names', () => {
  it('names a key as the recorder does: fields in key order, null as "null", unkeyed as empty', () => {
    expect(keyText(['card', 'region'], { region: 'eu', card: 'c-1' })).toBe('c-1, eu');
    expect(keyText(['card'], { card: null })).toBe('null');
    expect(keyText(['n'], { n: 3 })).toBe('3');
    expect(keyText([], {})).toBe('');
    // A field named like an Object.prototype member is data, not inherited.
    expect(keyText(['constructor'], {})).toBe('null');
  });

  it('matches a late row to its event on the fields both have, and never on none', () => {
    expect(sameFields({ card: 'a', amount: 1 }, { card: 'a', amount: 1, ts: 5 })).toBe(true);
    expect(sameFields({ card: 'a', amount: 1 }, { card: 'a', amount: 2 })).toBe(false);
    expect(sameFields({ x: NaN }, { x: NaN })).toBe(true);
    expect(sameFields({ x: 0 }, { x: -0 })).toBe(false);
    expect(sameFields({ other: 1 }, { card: 'a' })).toBe(false);
  });
});
