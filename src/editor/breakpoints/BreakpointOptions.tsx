import { useId, useState, type FormEvent } from 'react';
import { analyseDocument } from '../analysis/analyse';
import { checkExpression } from '../inspector/expressionCheck';
import { useRunControllerOrNull } from '../run/RunProvider';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import type { BreakpointSpec } from '../../worker/breakpoints/types';
import { firesWindows, isSource, parseEventNumber, parseTime } from './specs';
import { breakpointsStore, type BreakpointTarget } from './store';

const docOf = (s: EditorState) => s.doc;

/** A field and a button: a breakpoint that needs a value (a time, an event number, a condition). */
function ValueForm({ label, placeholder, button, check, onSet }: {
  label: string;
  placeholder: string;
  button: string;
  /** The problem with the text as typed, or null. */
  check: (text: string) => string | null;
  onSet: (text: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const problem = text === '' && !touched ? null : check(text);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (check(text) === null) onSet(text);
  };
  return (
    <form className="wp-bp-form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="wp-bp-form-row">
        <input
          id={id} type="text" value={text} placeholder={placeholder} spellCheck={false} autoComplete="off"
          aria-invalid={problem !== null} aria-describedby={problem === null ? undefined : `${id}-problem`}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="wp-small-button">{button}</button>
      </div>
      {problem !== null && <p className="wp-bp-problem" id={`${id}-problem`} role="alert">{problem}</p>}
    </form>
  );
}

/**
 * The breakpoints a node or edge offers, each as "Run until ...": choosing one
 * arms it (it stays armed, marked on the canvas and listed, until removed) and
 * runs. Shown in the node's and edge's context menu and in the inspector.
 */
export function BreakpointOptions({ target, onDone }: { target: BreakpointTarget; onDone?: () => void }) {
  const doc = useEditor(docOf);
  const controller = useRunControllerOrNull();
  const arm = (spec: BreakpointSpec): void => {
    breakpointsStore.getState().add(spec);
    onDone?.();
    // The worker hears of it before Run does: commands are sent in turn.
    const phase = controller?.store.getState().phase;
    if (controller !== null && phase !== 'running' && phase !== 'finished' && phase !== 'failed') controller.run();
  };

  if (target.kind === 'edge') {
    const fields = analyseDocument(doc).edgeSchemas.get(target.edgeId)?.fields ?? null;
    return (
      <div className="wp-bp-options" data-testid="breakpoint-options">
        <ValueForm
          label="Run until a record on this edge matches"
          placeholder="device == 'sensor-3' && temperature > 40"
          button="Run until"
          check={(text) => {
            const issue = checkExpression(text, fields, true);
            return issue === null ? null : `${issue.text} (column ${issue.column})`;
          }}
          onSet={(expression) => arm({ kind: 'condition', edgeId: target.edgeId, expression: expression.trim() })}
        />
      </div>
    );
  }
  const { nodeId } = target;
  return (
    <div className="wp-bp-options" data-testid="breakpoint-options">
      {firesWindows(doc, nodeId) && (
        <div className="wp-bp-buttons" role="group" aria-label="Run until">
          <button type="button" onClick={() => arm({ kind: 'fire', nodeId })}>Run until the next window fires</button>
          <button type="button" onClick={() => arm({ kind: 'revision', nodeId })}>Run until the next revision</button>
          <button type="button" onClick={() => arm({ kind: 'late', nodeId })}>Run until the next late event</button>
        </div>
      )}
      <ValueForm
        label="Run until the watermark passes"
        placeholder="2023-11-14 22:15:00 or epoch ms"
        button="Run until"
        check={(text) => (parseTime(text) === null ? 'write a UTC time as the tables show it (2023-11-14 22:15:00) or epoch milliseconds' : null)}
        onSet={(text) => arm({ kind: 'watermark', nodeId, time: parseTime(text)! })}
      />
      {isSource(doc, nodeId) && (
        <ValueForm
          label="Run until event number"
          placeholder="12345"
          button="Run until"
          check={(text) => (parseEventNumber(text) === null ? 'write a whole number from 1' : null)}
          onSet={(text) => arm({ kind: 'event', n: parseEventNumber(text)! })}
        />
      )}
    </div>
  );
}
