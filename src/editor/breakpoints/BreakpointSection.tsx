import { useMemo } from 'react';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { BreakpointOptions } from './BreakpointOptions';
import { describeSpec } from './specs';
import { breakpointsStore, onEdge, onNode, useBreakpoints, type BreakpointsState, type BreakpointTarget } from './store';

const docOf = (s: EditorState) => s.doc;

/** The inspector's breakpoints of the selected node or edge: the keyboard's way to the context menu's options. */
export function BreakpointSection({ target }: { target: BreakpointTarget }) {
  const doc = useEditor(docOf);
  const select = useMemo(() => (s: BreakpointsState) => s.list, []);
  const list = useBreakpoints(select);
  const mine = target.kind === 'node' ? onNode(list, target.nodeId) : onEdge(list, target.edgeId);
  return (
    <section className="wp-bp-section" aria-label="Breakpoints">
      <h3>Breakpoints</h3>
      {mine.length > 0 && (
        <ul className="wp-bp-own">
          {mine.map((b) => (
            <li key={b.id}>
              {describeSpec(doc, b.spec)}{' '}
              <button type="button" className="wp-small-button" onClick={() => breakpointsStore.getState().remove(b.id)}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <BreakpointOptions target={target} />
    </section>
  );
}
