import type { RunFinalState } from './types';
import { STATE_NAMES } from './runsText';
import './runs.css';

/** A run's state as a coloured pill with its name: the word carries the meaning, the colour helps. */
export function RunStateLabel({ state, title }: { state: RunFinalState; title?: string }) {
  return (
    <span className={`wp-run-state is-${state}`} data-testid="run-state" data-state={state} title={title === '' ? undefined : title}>
      <span className="wp-run-state-dot" aria-hidden="true" />
      {STATE_NAMES[state]}
    </span>
  );
}
