import { useState, type FormEvent } from 'react';
import { Dialog } from '../documents/Dialog';
import { useWhatIf } from './useWhatIf';
import { WhatIfResults } from './WhatIfResults';

/** Events each run reads when a sample stream has no limit of its own. */
export const DEFAULT_WHATIF_LIMIT = 100_000;

export interface WhatIfTarget {
  readonly nodeId: string;
  readonly param: string;
  /** The label the inspector shows for the param. */
  readonly label: string;
  /** Its value in the document now. */
  readonly current: string | number | null;
  /** True when a source is unbounded, so a limit of events is needed. */
  readonly unbounded: boolean;
}

/** A value a user may mean for the param: 0s for 3s lateness, double for the rest. */
function suggestion(current: string | number | null, param: string): string {
  if (typeof current === 'number') return String(current * 2);
  if (param === 'allowedLateness' || param === 'offset') return current === '0s' || current === '0ms' ? '30s' : '0s';
  return current ?? '';
}

/**
 * "Compare with...": asks for another value of one param, runs the pipeline
 * as it is (A) and with that value (B) over the same input in the worker,
 * and shows both side by side.
 */
export function WhatIfDialog({ target, onClose }: { readonly target: WhatIfTarget; readonly onClose: () => void }) {
  const { state, compare, cancel } = useWhatIf();
  const [value, setValue] = useState(() => suggestion(target.current, target.param));
  const [limit, setLimit] = useState(target.unbounded ? String(DEFAULT_WHATIF_LIMIT) : '');
  const limitValue = limit.trim() === '' ? undefined : Number(limit);
  const limitOk = limitValue === undefined ? !target.unbounded : Number.isSafeInteger(limitValue) && limitValue > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!limitOk || value.trim() === '') return;
    const typed = typeof target.current === 'number' ? Number(value) : value.trim();
    compare({ nodeId: target.nodeId, param: target.param, value: typed }, limitValue);
  };
  const id = `wp-whatif-${target.nodeId}-${target.param}`;
  return (
    <Dialog title={`What if ${target.label.toLowerCase()} were…`} onClose={onClose} className="wp-whatif-dialog"
      description={<>Runs the same input twice: <strong>A</strong>, the pipeline as it is ({target.nodeId}: {target.label.toLowerCase()} <code>{target.current ?? 'default'}</code>), and <strong>B</strong>, with the value below. Sample streams and files play the same events both times; a WebSocket source plays what this run has received so far.</>}>
      <form className="wp-whatif-form" onSubmit={submit}>
        <label htmlFor={`${id}-value`}>Compare with</label>
        <input id={`${id}-value`} type="text" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" spellCheck={false} aria-describedby={`${id}-hint`} />
        <label htmlFor={`${id}-limit`}>Events per run</label>
        <input id={`${id}-limit`} type="text" inputMode="numeric" value={limit} placeholder="the whole input" onChange={(e) => setLimit(e.target.value)} aria-invalid={!limitOk} />
        <button type="button" className="wp-docs-button" onClick={onClose}>Close</button>
        {state.status === 'running'
          ? <button type="button" className="wp-docs-button" onClick={cancel}>Cancel</button>
          : <button type="submit" className="wp-docs-button wp-docs-button-primary" disabled={!limitOk || value.trim() === ''}>Compare</button>}
      </form>
      <p id={`${id}-hint`} className="muted wp-whatif-hint">{typeof target.current === 'number' ? 'A whole number.' : 'A duration such as 0s, 500ms, 30s or 5m.'}{target.unbounded ? ' A source is unbounded, so each run stops after this many events.' : ''}</p>
      <div aria-live="polite" className="wp-whatif-status">
        {state.status === 'running' && <p role="status">Running both… {state.progress === null ? '' : `${state.progress.eventsA.toLocaleString('en')} events read`}</p>}
        {state.status === 'failed' && <p role="alert" className="wp-param-error">Cannot compare: {state.message}</p>}
      </div>
      {state.status === 'done' && <WhatIfResults comparison={state.comparison} />}
    </Dialog>
  );
}
