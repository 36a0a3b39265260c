/**
 * A lesson's text: the Markdown subset's tree (src/lessons/markdown.ts)
 * rendered as React elements. Text only ever becomes text nodes, never HTML,
 * and a link is kept only when it points at http(s): anything else is shown
 * as its words.
 */
import { useMemo } from 'react';
import { parseMarkdown, type Block, type Inline } from '../../lessons/markdown';

function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function InlineText({ inlines }: { readonly inlines: readonly Inline[] }) {
  return inlines.map((inline, i) => {
    switch (inline.type) {
      case 'text': return <span key={i}>{inline.text}</span>;
      case 'code': return <code key={i}>{inline.text}</code>;
      case 'strong': return <strong key={i}><InlineText inlines={inline.children} /></strong>;
      case 'em': return <em key={i}><InlineText inlines={inline.children} /></em>;
      case 'link': {
        const href = safeHref(inline.href);
        return href === null
          ? <span key={i}><InlineText inlines={inline.children} /></span>
          : <a key={i} href={href} target="_blank" rel="noopener noreferrer"><InlineText inlines={inline.children} /></a>;
      }
    }
  });
}

/** Blocks already parsed (tests give trees directly). */
export function MarkdownBlocks({ blocks }: { readonly blocks: readonly Block[] }) {
  return blocks.map((block, i) => {
    switch (block.type) {
      case 'paragraph': return <p key={i}><InlineText inlines={block.children} /></p>;
      // Lesson headings sit under the lesson's title and the step's heading.
      case 'heading': return <h5 key={i} className="wp-learn-md-heading"><InlineText inlines={block.children} /></h5>;
      case 'list': {
        const items = block.items.map((item, j) => <li key={j}><InlineText inlines={item} /></li>);
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      }
    }
  });
}

/** Lesson Markdown text, parsed once per text. */
export function LessonMarkdown({ text, className = 'wp-learn-md' }: { readonly text: string; readonly className?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className={className}><MarkdownBlocks blocks={blocks} /></div>;
}
