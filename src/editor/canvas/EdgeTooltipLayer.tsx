import { useStore, type StoreApi } from 'zustand';
import type { Analysis } from '../analysis/analyse';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { EdgeTooltip, type EdgeHover } from './EdgeTooltip';

const documentOf = (s: EditorState) => s.doc;
const hoverOf = (s: { hover: EdgeHover | null }) => s.hover;

/**
 * Shows {@link EdgeTooltip} for the edge under the pointer. The hover lives
 * in its own small store so moving along an edge redraws the tooltip only.
 */
export function EdgeTooltipLayer({ hover, analysis }: { hover: StoreApi<{ hover: EdgeHover | null }>; analysis: Analysis }) {
  const current = useStore(hover, hoverOf);
  const doc = useEditor(documentOf);
  if (current === null) return null;
  return <EdgeTooltip hover={current} doc={doc} analysis={analysis} />;
}
