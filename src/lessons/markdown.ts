/**
 * The lessons' Markdown subset, parsed to a tree that React renders as
 * elements (src/editor/learn): never HTML, so no text can inject markup.
 * Paragraphs (blank-line separated), `- ` and `1. ` lists, `## ` headings,
 * **strong**, *emphasis*, `code`, and [links](https://...) to http(s) only.
 */
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

export function parseMarkdown(text: string): Block[] {
  void text;
  throw new Error('parseMarkdown: not built yet');
}
