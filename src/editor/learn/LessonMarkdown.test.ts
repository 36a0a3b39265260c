import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../lessons/markdown';
import { MarkdownBlocks } from './LessonMarkdown';

const render = (blocks: Block[]): string => renderToStaticMarkup(createElement(MarkdownBlocks, { blocks }));

describe('LessonMarkdown', () => {
  it('renders paragraphs, emphasis, code, lists and headings as elements', () => {
    const html = render([
      { type: 'heading', children: [{ type: 'text', text: 'Watermarks' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Set ' }, { type: 'code', text: 'maxOutOfOrderness' }, { type: 'text', text: ' to ' }, { type: 'strong', children: [{ type: 'em', children: [{ type: 'text', text: '10 s' }] }] }] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'dot' }]] },
    ]);
    expect(html).toBe('<h5 class="wp-learn-md-heading"><span>Watermarks</span></h5>'
      + '<p><span>Set </span><code>maxOutOfOrderness</code><span> to </span><strong><em><span>10 s</span></em></strong></p>'
      + '<ol><li><span>one</span></li><li><span>two</span></li></ol><ul><li><span>dot</span></li></ul>');
  });

  it('shows markup in the text as text, never as elements', () => {
    const html = render([{ type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }, { type: 'code', text: '<script>x</script>' }] }]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps http(s) links, opening apart from the app, and shows other schemes as plain words', () => {
    const link = (href: string): Block => ({ type: 'paragraph', children: [{ type: 'link', href, children: [{ type: 'text', text: 'Flink docs' }] }] });
    expect(render([link('https://nightlies.apache.org/flink/')])).toBe('<p><a href="https://nightlies.apache.org/flink/" target="_blank" rel="noopener noreferrer"><span>Flink docs</span></a></p>');
    for (const href of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url']) {
      expect(render([link(href)])).toBe('<p><span><span>Flink docs</span></span></p>');
    }
  });
});
