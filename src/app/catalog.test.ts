import { describe, expect, it } from 'vitest';
import { exampleForHash, examplesFromModules, hashForExample, slugFromHash } from './catalog';

describe('examplesFromModules', () => {
  it('lists examples by name with their slug, file name and description', () => {
    const examples = examplesFromModules({
      '../../examples/zeta.json': { name: 'Sensor averages', description: ' Per minute. ' },
      '../../examples/alpha.json': { name: 'Card spend', description: 'Per card.' },
    });
    expect(examples.map((e) => [e.slug, e.fileName, e.name, e.description])).toEqual([
      ['alpha', 'alpha.json', 'Card spend', 'Per card.'],
      ['zeta', 'zeta.json', 'Sensor averages', 'Per minute.'],
    ]);
  });

  it('keeps a document without a usable name under its file name, so it is not hidden', () => {
    const [example] = examplesFromModules({ '../../examples/broken.json': [1, 2] });
    expect(example).toMatchObject({ slug: 'broken', name: 'broken', description: '', document: [1, 2] });
  });

  it('returns no examples when the folder is empty', () => {
    expect(examplesFromModules({})).toEqual([]);
  });
});

describe('URL hashes', () => {
  const examples = examplesFromModules({ '../../examples/card spend.json': { name: 'Card spend' } });

  it('round-trips an example through its hash, including awkward characters', () => {
    const [example] = examples;
    if (!example) throw new Error('fixture has one example');
    expect(hashForExample(example)).toBe('#/examples/card%20spend');
    expect(exampleForHash(examples, hashForExample(example))).toBe(example);
  });

  it('finds nothing for other hashes, an unknown slug or a malformed escape', () => {
    expect(exampleForHash(examples, '')).toBeUndefined();
    expect(exampleForHash(examples, '#main')).toBeUndefined();
    expect(exampleForHash(examples, '#/examples/nope')).toBeUndefined();
    expect(slugFromHash('#/examples/nope')).toBe('nope');
    expect(slugFromHash('#/examples/%E0%A4%A')).toBe('%E0%A4%A');
  });
});
