/**
 * A read-only CodeMirror 6 view of the exported script: SQL highlighting in
 * the app's colours (light and dark through its CSS variables), line
 * numbers, and two kinds of marks on whole statements: `marked` (those of
 * the selected nodes) and `active` (the one under the pointer or the cursor).
 * It reports which statement the pointer is over and which one the cursor
 * is in while it has the focus, so the panel can light their nodes.
 * Loaded with the panel's chunk, not in the first bundle.
 */
import { sql } from '@codemirror/lang-sql';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, lineNumbers, type DecorationSet } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useRef } from 'react';
import type { FlinkStatement } from '../../flinkSql/types';
import { FlinkSQL } from './sqlDialect';
import { changedSpan, statementAt } from './statements';

interface Marks {
  readonly statements: readonly FlinkStatement[];
  readonly marked: readonly number[];
  readonly active: number | null;
}

const setMarks = StateEffect.define<Marks>();

const MARKED = Decoration.line({ class: 'cm-wp-marked', attributes: { 'data-marked': 'true' } });
const ACTIVE = Decoration.line({ class: 'cm-wp-active', attributes: { 'data-active': 'true' } });
const BOTH = Decoration.line({ class: 'cm-wp-marked cm-wp-active', attributes: { 'data-marked': 'true', 'data-active': 'true' } });

/** One line decoration per line of each marked or active statement. */
function decorations(state: EditorState, marks: Marks): DecorationSet {
  const kind = new Map<number, 'marked' | 'active' | 'both'>();
  const add = (index: number, as: 'marked' | 'active'): void => {
    const s = marks.statements[index];
    if (s === undefined || s.to > state.doc.length) return;
    const first = state.doc.lineAt(s.from).number;
    const last = state.doc.lineAt(s.to).number;
    for (let line = first; line <= last; line++) {
      const had = kind.get(line);
      kind.set(line, had === undefined || had === as ? as : 'both');
    }
  };
  marks.marked.forEach((i) => add(i, 'marked'));
  if (marks.active !== null) add(marks.active, 'active');
  const builder = new RangeSetBuilder<Decoration>();
  for (const line of [...kind.keys()].sort((a, b) => a - b)) {
    const k = kind.get(line)!;
    builder.add(state.doc.line(line).from, state.doc.line(line).from, k === 'both' ? BOTH : k === 'marked' ? MARKED : ACTIVE);
  }
  return builder.finish();
}

const markField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) if (effect.is(setMarks)) next = decorations(tr.state, effect.value);
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Token colours from the app's palette, so dark mode needs nothing of its own. */
const HIGHLIGHT = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--kind-window)', fontWeight: '600' },
  { tag: [tags.typeName, tags.standard(tags.name)], color: 'var(--kind-source)' },
  { tag: tags.string, color: 'var(--kind-aggregate)' },
  // Backtick-quoted identifiers (lang-sql tags them as special strings): names, not text.
  { tag: tags.special(tags.string), color: 'var(--ink)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--kind-transform)' },
  { tag: [tags.lineComment, tags.blockComment, tags.comment], color: 'var(--ink-faint)', fontStyle: 'italic' },
  { tag: [tags.operator, tags.punctuation], color: 'var(--ink-soft)' },
]);

const THEME = EditorView.theme({
  '&': { color: 'var(--ink)', backgroundColor: 'var(--surface)', height: '100%', fontSize: '12px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--ink)' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--ink)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-muted)', color: 'var(--ink-faint)', borderRight: '1px solid var(--border)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'var(--accent-soft) !important' },
  // Marked: the selected nodes' statements, a bar down the left as well as a tint, so colour is not the only sign.
  '.cm-wp-marked': { backgroundColor: 'var(--accent-soft)', boxShadow: 'inset 3px 0 0 var(--accent)' },
  '.cm-wp-active': { backgroundColor: 'var(--surface-muted)', boxShadow: 'inset 3px 0 0 var(--ink-faint)' },
  '.cm-wp-marked.cm-wp-active': { backgroundColor: 'var(--accent-soft)', boxShadow: 'inset 3px 0 0 var(--accent), inset 6px 0 0 var(--ink-faint)' },
});

export interface SqlViewProps {
  readonly script: string;
  readonly statements: readonly FlinkStatement[];
  readonly marked: readonly number[];
  readonly active: number | null;
  /** The statement under the pointer (null: none, or the pointer left). */
  readonly onPointer: (index: number | null) => void;
  /** The statement the cursor is in while the script has the focus (null: it lost the focus, or sits between statements). */
  readonly onCursor: (index: number | null) => void;
  readonly label: string;
}

export default function SqlView({ script, statements, marked, active, onPointer, onCursor, label }: SqlViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The view is made once; the handlers it calls read the latest props.
  const latest = useRef({ statements, onPointer, onCursor });
  useEffect(() => {
    latest.current = { statements, onPointer, onCursor };
  });

  useEffect(() => {
    const cursorStatement = (v: EditorView): number | null => (v.hasFocus ? statementAt(latest.current.statements, v.state.selection.main.head) : null);
    const extensions: Extension[] = [
      lineNumbers(),
      EditorState.readOnly.of(true),
      // An explicit tab stop (the same one contenteditable gives): axe, and some assistive tools, only count tabindex as keyboard access to the scrolled script.
      EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true', tabindex: '0' }),
      EditorView.lineWrapping,
      sql({ dialect: FlinkSQL }),
      syntaxHighlighting(HIGHLIGHT),
      THEME,
      markField,
      EditorView.domEventHandlers({
        mousemove(event, v) {
          const pos = v.posAtCoords({ x: event.clientX, y: event.clientY });
          latest.current.onPointer(pos === null ? null : statementAt(latest.current.statements, pos));
        },
        mouseleave() {
          latest.current.onPointer(null);
        },
      }),
      EditorView.updateListener.of((update) => {
        if (update.selectionSet || update.focusChanged) latest.current.onCursor(cursorStatement(update.view));
      }),
    ];
    const created = new EditorView({ parent: host.current!, state: EditorState.create({ doc: '', extensions }) });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, [label]);

  // A new script changes the text where it differs (the cursor is mapped through the change) and its marks.
  useEffect(() => {
    const v = view.current;
    if (v === null) return;
    const marks = { statements, marked, active };
    const before = v.state.doc.toString();
    if (before === script) {
      v.dispatch({ effects: setMarks.of(marks) });
      return;
    }
    v.dispatch({ changes: changedSpan(before, script), effects: setMarks.of(marks) });
  }, [script, statements, marked, active]);

  // A newly selected node's first statement is scrolled into view (not on every edit of the script).
  const shownMarks = useRef('');
  useEffect(() => {
    const v = view.current;
    const key = marked.join(',');
    if (v === null || key === shownMarks.current) return;
    shownMarks.current = key;
    const first = statements[marked[0] ?? -1];
    if (first !== undefined && first.from <= v.state.doc.length) v.dispatch({ effects: EditorView.scrollIntoView(first.from, { y: 'nearest', yMargin: 24 }) });
  }, [marked, statements]);

  return <div className="wp-flink-script" ref={host} data-testid="flink-sql-script" />;
}
