/**
 * The engine's runtime snapshots, as the time machine uses them. Until the
 * engine can snapshot a runtime, null: travel then replays from the start.
 */
import type { RuntimeStates } from './timeMachine';

export function engineStates(): RuntimeStates<unknown> | null {
  return null;
}
