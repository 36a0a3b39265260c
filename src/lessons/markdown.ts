/**
 * The lessons' Markdown subset, parsed to a tree that React renders as
 * elements (src/editor/learn): never HTML, so no text can inject markup.
 * Paragraphs (blank-line separated), `- ` and `1. ` lists, `## ` headings,
 * **strong**, *emphasis*, `code`, and [links](https://...) to http(s) only.
 *
 * Linear time whatever the text: a marker closes at the nearest closing
 * marker (found in precomputed next-occurrence tables, never by a search
 * that could restart). So a strong text holds no `**`, an emphasis no lone
 * `*` and a link's label no link: no kind nests in itself, the tree is at
 * most three deep, and each level reads its own stretch of text once. A marker
 * that does not close is text; so is a link to anything but http(s), and
 * the parse says so (lesson validation reports it).
 */
import { nextOccurrences, type Occurrences } from './markdownScan';

export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'strong'; readonly children: readonly Inline[] }
  | { readonly type: 'em'; readonly children: readonly Inline[] }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'link'; readonly href: string; readonly children: readonly Inline[] };

export type Block =
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'heading'; readonly children: readonly Inline[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] };

export interface MarkdownReading {
  readonly blocks: Block[];
  /** Why some markup shows as plain text: "the link to 'javascript:x' is not http or https". */
  readonly issues: string[];
}

const SAFE_HREF = /^https?:\/\/[^\s<>"'`]+$/i;
const HEADING = /^##\s+/;
const BULLET = /^[-*]\s+/;
const NUMBERED = /^\d{1,9}[.)]\s+/;

interface InlineParser {
  readonly text: string;
  readonly next: Occurrences;
  readonly issues: string[];
}

function pushText(out: Inline[], text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + text };
  else out.push({ type: 'text', text });
}

/** Inline markup of text[from, to). */
function parseInline(p: InlineParser, from: number, to: number, inLink: boolean): Inline[] {
  const { text, next } = p;
  const out: Inline[] = [];
  let plain = from;
  let i = from;
  const flush = (upTo: number): void => pushText(out, text.slice(plain, upTo));
  while (i < to) {
    const c = text[i];
    if (c === '`') {
      const close = next.backtick[i + 1]!;
      if (close < to && close > i + 1) {
        flush(i);
        out.push({ type: 'code', text: text.slice(i + 1, close) });
        i = plain = close + 1;
        continue;
      }
    } else if (c === '*') {
      if (text[i + 1] === '*') {
        const close = next.doubleStar[i + 2]!;
        if (close < to && close > i + 2) {
          flush(i);
          out.push({ type: 'strong', children: parseInline(p, i + 2, close, inLink) });
          i = plain = close + 2;
          continue;
        }
        i += 2;
        continue;
      }
      const close = next.singleStar[i + 1]!;
      if (close < to && close > i + 1) {
        flush(i);
        out.push({ type: 'em', children: parseInline(p, i + 1, close, inLink) });
        i = plain = close + 1;
        continue;
      }
    } else if (c === '[' && !inLink) {
      const closeLabel = next.bracket[i + 1]!;
      if (closeLabel < to && text[closeLabel + 1] === '(') {
        const closeHref = next.paren[closeLabel + 2]!;
        if (closeHref < to) {
          const href = text.slice(closeLabel + 2, closeHref).trim();
          flush(i);
          if (SAFE_HREF.test(href)) out.push({ type: 'link', href, children: parseInline(p, i + 1, closeLabel, true) });
          else {
            p.issues.push(`the link to '${href.slice(0, 60)}' is not to an http or https address, so it shows as text`);
            pushText(out, text.slice(i, closeHref + 1));
          }
          i = plain = closeHref + 1;
          continue;
        }
      }
    }
    i++;
  }
  flush(to);
  return out;
}

/** Parses the subset and says which markup shows as text and why. */
export function readMarkdown(source: string): MarkdownReading {
  const issues: string[] = [];
  const blocks: Block[] = [];
  // Lines of one block are joined by a space (a soft break) and parsed as one text.
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const inline = (line: string): Inline[] => parseInline({ text: line, next: nextOccurrences(line), issues }, 0, line.length, false);
  const close = (): void => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: inline(paragraph.join(' ')) });
    if (list !== null) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(inline) });
    paragraph = [];
    list = null;
  };
  for (const raw of source.split(/\r?\n|\r/)) {
    const line = raw.trim();
    if (line === '') {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      close();
      blocks.push({ type: 'heading', children: inline(line.slice(heading[0].length)) });
      continue;
    }
    const bullet = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (bullet !== null) {
      const ordered = /^\d/.test(line);
      if (paragraph.length > 0 || (list !== null && list.ordered !== ordered)) close();
      list ??= { ordered, items: [] };
      list.items.push(line.slice(bullet[0].length));
      continue;
    }
    if (list !== null) {
      // A line under an item continues it.
      list.items[list.items.length - 1] += ` ${line}`;
      continue;
    }
    paragraph.push(line);
  }
  close();
  return { blocks, issues };
}

/** The blocks of a lesson text (markup that cannot render shows as text). */
export function parseMarkdown(text: string): Block[] {
  return readMarkdown(text).blocks;
}
