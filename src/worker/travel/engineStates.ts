/** The engine's runtime snapshots (Runtime.snapshot/restore), as the time machine uses them. */
import type { RuntimeSnapshot } from '../../engine/run/runtimeSnapshot';
import type { RuntimeStates } from './timeMachine';

export function engineStates(): RuntimeStates<RuntimeSnapshot> {
  return {
    snapshot: (runtime) => runtime.snapshot(),
    restore: (runtime, state) => runtime.restore(state),
  };
}
