import { useState } from 'react';
import { createPortal } from 'react-dom';
import { ReplayFromDialog } from './ReplayFromDialog';
import './logReplay.css';

/** "Replay from..." in the inspector of a WebSocket source in log mode. */
export function ReplayFromButton({ nodeId }: { readonly nodeId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="wp-docs-button wp-replay-open" onClick={() => setOpen(true)}>Replay from…</button>
      {open && createPortal(<ReplayFromDialog nodeId={nodeId} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
