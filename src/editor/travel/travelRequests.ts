/**
 * Scrubbing sends a travel per input event, far more often than the worker
 * can replay; only the newest matters. One request is in flight at a time
 * and the latest position waits behind it (older ones are skipped).
 */
import type { RunController } from '../run/types';

export interface TravelRequests {
  travel(position: number): void;
  back(unit: 'batch' | 'event'): void;
  /** True while a request is on its way or waiting. */
  readonly busy: boolean;
}

export function createTravelRequests(controller: Pick<RunController, 'send'>, onIdle: () => void): TravelRequests {
  let inFlight = false;
  let waiting: (() => Promise<void>) | null = null;
  const pump = (): void => {
    const next = waiting;
    if (next === null) {
      inFlight = false;
      onIdle();
      return;
    }
    waiting = null;
    inFlight = true;
    void next().finally(pump);
  };
  const request = (task: () => Promise<void>): void => {
    waiting = task;
    if (!inFlight) pump();
  };
  return {
    travel(position) {
      request(() => controller.send(async (api) => {
        await api.travel(position);
      }));
    },
    back(unit) {
      request(() => controller.send(async (api) => {
        await api.stepBack(unit);
      }));
    },
    get busy() { return inFlight || waiting !== null; },
  };
}
