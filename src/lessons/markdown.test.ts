import { describe, expect, it } from 'vitest';
import { parseMarkdown, readMarkdown, type Inline } from './markdown';

const text = (t: string): Inline => ({ type: 'text', text: t });
const inlineOf = (source: string): readonly Inline[] => {
  const [block] = parseMarkdown(source);
  if (block?.type !== 'paragraph') throw new Error(`not one paragraph: ${JSON.stringify(block)}`);
  return block.children;
};

describe('parseMarkdown', () => {
  it('parses paragraphs split by blank lines, joining their lines with a space', () => {
    expect(parseMarkdown('One\ntwo.\n\nThree.')).toEqual([
      { type: 'paragraph', children: [text('One two.')] },
      { type: 'paragraph', children: [text('Three.')] },
    ]);
  });

  it('parses headings and both kinds of list, a line under an item continuing it', () => {
    expect(parseMarkdown('## Watermarks\n- first\n- second\n  goes on\n\n1. one\n2. two')).toEqual([
      { type: 'heading', children: [text('Watermarks')] },
      { type: 'list', ordered: false, items: [[text('first')], [text('second goes on')]] },
      { type: 'list', ordered: true, items: [[text('one')], [text('two')]] },
    ]);
  });

  it('parses strong, emphasis, code and http(s) links, nested', () => {
    expect(inlineOf('A **bold *and* plain** `x < 1` [Flink *docs*](https://flink.apache.org/x?a=1).')).toEqual([
      text('A '),
      { type: 'strong', children: [text('bold '), { type: 'em', children: [text('and')] }, text(' plain')] },
      text(' '),
      { type: 'code', text: 'x < 1' },
      text(' '),
      { type: 'link', href: 'https://flink.apache.org/x?a=1', children: [text('Flink '), { type: 'em', children: [text('docs')] }] },
      text('.'),
    ]);
  });

  it('keeps markup inside code as text', () => {
    expect(inlineOf('`**not bold** [x](https://a.b)`')).toEqual([{ type: 'code', text: '**not bold** [x](https://a.b)' }]);
  });

  it('shows unterminated markers as text', () => {
    expect(inlineOf('a **b and `c and *d')).toEqual([text('a **b and `c and *d')]);
    expect(inlineOf('[label](https://x.y')).toEqual([text('[label](https://x.y')]);
  });

  it('shows a link to javascript:, data: or a relative address as text, and says why', () => {
    const reading = readMarkdown('[x](javascript:alert(1)) and [y](data:text/html,hi) and [z](/local)');
    const children = reading.blocks[0]?.type === 'paragraph' ? reading.blocks[0].children : [];
    expect(children.every((c) => c.type === 'text')).toBe(true);
    expect(children.map((c) => (c.type === 'text' ? c.text : '')).join('')).toBe('[x](javascript:alert(1)) and [y](data:text/html,hi) and [z](/local)');
    expect(reading.issues).toEqual([
      "the link to 'javascript:alert(1' is not to an http or https address, so it shows as text",
      "the link to 'data:text/html,hi' is not to an http or https address, so it shows as text",
      "the link to '/local' is not to an http or https address, so it shows as text",
    ]);
  });

  it('keeps HTML as text', () => {
    expect(inlineOf('<img src=x onerror=alert(1)>')).toEqual([text('<img src=x onerror=alert(1)>')]);
  });

  it('nests emphasis, strong and a link, and no kind in itself', () => {
    expect(inlineOf('*a **b [c](https://x.y) b** a*')).toEqual([{ type: 'em', children: [
      text('a '),
      { type: 'strong', children: [text('b '), { type: 'link', href: 'https://x.y', children: [text('c')] }, text(' b')] },
      text(' a'),
    ] }]);
    // The nearest closing marker wins: `[a [b](https://x.y)` links "a [b", never a link in a link.
    expect(inlineOf('[a [b](https://x.y)')).toEqual([{ type: 'link', href: 'https://x.y', children: [text('a [b')] }]);
  });

  it('parses 200,000 characters of hostile markers in linear time (no rescans)', () => {
    const hostile = ['*'.repeat(50_000), '['.repeat(50_000), '`'.repeat(1), '**a *'.repeat(20_000)].join('');
    const blocks = parseMarkdown(hostile);
    const flat = JSON.stringify(blocks);
    expect(flat.length).toBeGreaterThan(hostile.length);
    // Deep brackets and stars give no deeper tree than the nesting limit.
    expect(parseMarkdown('[a'.repeat(10_000) + '](https://x.y)'.repeat(10_000)).length).toBe(1);
  });

  it('gives no blocks for blank text', () => {
    expect(parseMarkdown('\n  \n\r\n')).toEqual([]);
  });
});
