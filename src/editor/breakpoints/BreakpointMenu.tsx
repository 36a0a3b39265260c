import { useEffect, useRef } from 'react';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { BreakpointOptions } from './BreakpointOptions';
import { breakpointsStore, useBreakpoints, type BreakpointsState } from './store';

const menuOf = (s: BreakpointsState) => s.menu;
const docOf = (s: EditorState) => s.doc;
const close = (): void => breakpointsStore.setState({ menu: null });

/**
 * The context menu of a node or an edge on the canvas (right click, or the
 * context-menu key on a focused node): its breakpoints. Escape or a click
 * elsewhere closes it; focus goes into it, so it works from the keyboard.
 */
export function BreakpointMenu() {
  const menu = useBreakpoints(menuOf);
  const doc = useEditor(docOf);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (menu === null) return undefined;
    box.current?.querySelector<HTMLElement>('button, input')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    const onDown = (event: PointerEvent) => {
      if (box.current !== null && !box.current.contains(event.target as Node)) close();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown, true);
    };
  }, [menu]);

  if (menu === null) return null;
  const { target } = menu;
  const nameOf = (id: string): string => doc.nodes.find((n) => n.id === id)?.name ?? id;
  const edge = target.kind === 'edge' ? doc.edges.find((e) => e.id === target.edgeId) : undefined;
  const title = target.kind === 'node' ? nameOf(target.nodeId) : edge === undefined ? target.edgeId : `${nameOf(edge.from)} → ${nameOf(edge.to)}`;
  // Kept inside the window: the menu is about 300 px wide and at most 260 px tall.
  const left = Math.min(menu.x, window.innerWidth - 380);
  const top = Math.min(menu.y, window.innerHeight - 280);
  return (
    <div ref={box} className="wp-bp-menu" role="dialog" aria-label={`Breakpoints of ${title}`} style={{ left, top }} data-testid="breakpoint-menu">
      <p className="wp-bp-menu-title">Breakpoints of <strong>{title}</strong></p>
      <BreakpointOptions target={target} onDone={close} />
    </div>
  );
}
