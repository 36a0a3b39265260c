import { useState } from 'react';
import { pageRunHistory } from './pageHistory';
import { RunsPanel } from './RunsPanel';

/** The toolbar's "Runs" button: opens the history of runs. */
export function RunsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="wp-runs-button" title="The history of runs: states, figures and results of past runs" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span>Runs</span>
      </button>
      {open && <RunsPanel history={pageRunHistory()} onClose={() => setOpen(false)} />}
    </>
  );
}
