import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { describeSpec } from './specs';
import { breakpointsStore, useBreakpoints, type BreakpointsState } from './store';

const docOf = (s: EditorState) => s.doc;
const listOf = (s: BreakpointsState) => s.list;
const problemsOf = (s: BreakpointsState) => s.problems;
const hitOf = (s: BreakpointsState) => s.hit;

/**
 * The armed breakpoints over the canvas, each with a remove button, what the
 * worker could not arm and why, and where the run last stopped. Hidden while
 * there are none.
 */
export function BreakpointList() {
  const doc = useEditor(docOf);
  const list = useBreakpoints(listOf);
  const problems = useBreakpoints(problemsOf);
  const hit = useBreakpoints(hitOf);
  if (list.length === 0) return null;
  return (
    <section className="wp-bp-list" aria-label="Breakpoints" data-testid="breakpoint-list">
      <header>
        <h3>Breakpoints</h3>
        <button type="button" className="wp-small-button" onClick={() => breakpointsStore.getState().clear()}>Remove all</button>
      </header>
      <ul>
        {list.map((b) => {
          const problem = problems.find((p) => p.id === b.id);
          const isHit = hit !== null && hit.breakpointId === b.id;
          return (
            <li key={b.id} className={isHit ? 'is-hit' : undefined} data-testid="breakpoint">
              <span className="wp-bp-dot" aria-hidden="true" />
              <span className="wp-bp-text">{describeSpec(doc, b.spec)}</span>
              <button type="button" className="wp-bp-remove" aria-label={`Remove breakpoint: ${describeSpec(doc, b.spec)}`} onClick={() => breakpointsStore.getState().remove(b.id)}>×</button>
              {problem !== undefined && <p className="wp-bp-problem" role="alert">{problem.message}</p>}
            </li>
          );
        })}
      </ul>
      {hit !== null && (
        <p className="wp-bp-hit" role="status" data-testid="breakpoint-hit" data-position={hit.position} data-seq={hit.seq}>
          Stopped after event {hit.position.toLocaleString('en-US')}: {hit.what}.
        </p>
      )}
    </section>
  );
}
