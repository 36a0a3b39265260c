import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Field } from '../../../engine/batch';
import { caretLine, checkExpression } from '../expressionCheck';
import { tokenize, type Token } from '../expressionTokens';
import { sentence } from '../problemPaths';
import { useDraft } from '../useDraft';
import { describedBy, ParamFrame } from './ParamFrame';
import type { ControlProps } from './types';

/** The source as coloured spans; the token under the error gets a wavy underline. */
function highlighted(tokens: readonly Token[], errorIndex: number | null, length: number): ReactNode[] {
  const spans: ReactNode[] = tokens.map((t) => {
    const atError = errorIndex !== null && errorIndex >= t.start && errorIndex < t.start + t.text.length;
    return <span key={t.start} className={`wp-tok wp-tok-${t.kind}${atError ? ' wp-tok-at-error' : ''}`}>{t.text}</span>;
  });
  // An error at the very end ("expected an expression after '+'") underlines a space after the text.
  if (errorIndex !== null && errorIndex >= length) spans.push(<span key="end" className="wp-tok wp-tok-at-error">{'\u00a0'}</span>);
  return spans;
}

/**
 * An expression with syntax highlighting (a transparent textarea over a
 * highlighted <pre>, so typing, selection and undo stay the browser's own)
 * and its first error under it, with a caret at the column, checked against
 * the fields reaching the node as the compiler will check it.
 */
export function ExpressionInput(props: ControlProps) {
  const { spec, fields, id } = props;
  const mustBeBoolean = spec.control === 'expression' && spec.boolean;
  const { draft, change, flush, dirty } = useDraft(typeof props.value === 'string' ? props.value : '', (text) => props.commit(text));
  const issue = checkExpression(draft, fields, mustBeBoolean);
  const tokens = tokenize(draft, fields?.map((f) => f.name) ?? null);
  const area = useRef<HTMLTextAreaElement>(null);
  const caretAfterInsert = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterInsert.current;
    if (at === null || area.current === null) return;
    caretAfterInsert.current = null;
    area.current.focus();
    area.current.setSelectionRange(at, at);
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // An expression is one line; Enter commits it, Shift+Enter still breaks a long one.
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      flush();
    }
  };
  const insert = (name: string) => {
    const el = area.current;
    const from = el?.selectionStart ?? draft.length;
    const to = el?.selectionEnd ?? draft.length;
    const before = draft.slice(0, from);
    const pad = before !== '' && !/[\s(]$/.test(before) ? ' ' : '';
    const text = `${pad}${name}`;
    change(`${before}${text}${draft.slice(to)}`);
    caretAfterInsert.current = from + text.length;
  };

  const messages = issue !== null || dirty ? [] : props.problems;
  const caret = issue === null ? null : caretLine(draft, issue.column);
  return (
    <ParamFrame control={props} messages={messages} hint={mustBeBoolean ? 'true/false condition' : undefined}>
      <div className={`wp-expr${issue !== null ? ' is-invalid' : ''}`}>
        <pre className="wp-expr-highlight" aria-hidden="true">{highlighted(tokens, issue === null ? null : issue.column - 1, draft.length)}{'\n'}</pre>
        <textarea
          ref={area} id={id} className="wp-expr-input" rows={1} value={draft}
          spellCheck={false} autoComplete="off" autoCapitalize="off" autoCorrect="off"
          aria-invalid={issue !== null || messages.length > 0}
          aria-describedby={`${describedBy(id)} ${id}-issue`}
          onChange={(e) => change(e.target.value)} onBlur={flush} onKeyDown={onKeyDown}
        />
      </div>
      <div id={`${id}-issue`} aria-live="polite">
        {issue !== null && caret !== null && (
          <div className="wp-expr-error" data-column={issue.column}>
            <pre className="wp-expr-caret" aria-hidden="true">{caret.line}{'\n'}{' '.repeat(caret.offset)}^</pre>
            <p className="wp-param-error"><span aria-hidden="true" className="wp-param-error-icon" />Column {issue.column}: {sentence(issue.text)}</p>
          </div>
        )}
      </div>
      {fields !== null && fields.length > 0 && <FieldChips fields={fields} onPick={insert} />}
    </ParamFrame>
  );
}

/** The fields an expression can read, with their types; clicking one writes it at the cursor. */
function FieldChips({ fields, onPick }: { readonly fields: readonly Field[]; readonly onPick: (name: string) => void }) {
  return (
    <div className="wp-field-chips" role="group" aria-label="Insert a field">
      {fields.map((f) => (
        <button
          key={f.name} type="button" className="wp-field-chip" title={`Insert ${f.name} (${f.type})`} aria-label={`Insert ${f.name}`}
          // Keep the textarea's selection: insert where the cursor was.
          onMouseDown={(e) => e.preventDefault()} onClick={() => onPick(f.name)}
        >
          {f.name}<span className="wp-field-type">{f.type}</span>
        </button>
      ))}
    </div>
  );
}
