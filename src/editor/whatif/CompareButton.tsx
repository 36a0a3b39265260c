import { useState } from 'react';
import { createPortal } from 'react-dom';
import { paramValue } from '../../engine/compare/whatIfParams';
import { runnableDocument } from '../run/runGraph';
import { useEditorStore } from '../store/context';
import { WhatIfDialog, type WhatIfTarget } from './WhatIfDialog';
import './whatif.css';

/** "Compare with..." under a window or source param in the inspector: opens the what-if dialog. */
export function CompareButton({ nodeId, param, label }: { readonly nodeId: string; readonly param: string; readonly label: string }) {
  const editor = useEditorStore();
  const [target, setTarget] = useState<WhatIfTarget | null>(null);
  const open = () => {
    const doc = editor.getState().doc;
    const runnable = runnableDocument(doc);
    const node = doc.nodes.find((n) => n.id === nodeId);
    const own = node !== undefined && Object.hasOwn(node.params, param) ? node.params[param] : undefined;
    const current = runnable.ok ? paramValue(runnable.document, nodeId, param) : typeof own === 'string' || typeof own === 'number' ? own : null;
    const unbounded = doc.nodes.some((n) => n.kind === 'source.sample' && n.params['limit'] === undefined);
    setTarget({ nodeId, param, label, current, unbounded });
  };
  return (
    <>
      <button type="button" className="wp-link-button wp-whatif-open" onClick={open} aria-label={`Compare ${label.toLowerCase()} with another value`}>
        Compare with…
      </button>
      {/* On the body, not inside the inspector's form (a form may not hold another). */}
      {target !== null && createPortal(<WhatIfDialog target={target} onClose={() => setTarget(null)} />, document.body)}
    </>
  );
}
