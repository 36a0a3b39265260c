/**
 * Spreads work over animation frames: at most `perFrame` queued tasks run in
 * each frame, first queued first. A run's first figures used to mount every
 * node's live badges and every edge's rate label in one frame (their
 * elements created, styled, laid out and painted together), the run's first
 * long task; paced, they arrive over a few frames instead. Framework-free:
 * the frame scheduler is given, so a test drives it with fake frames.
 */
export interface FramePacerDeps {
  /** Tasks run per frame, at least one. */
  readonly perFrame: number;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

export interface FramePacer {
  /** Queues `task` for a coming frame; the answer takes it out of the queue if it has not run yet. */
  enqueue(task: () => void): () => void;
  /** Tasks waiting for a frame. */
  readonly pending: number;
  /** Drops every waiting task and the frame asked for. */
  dispose(): void;
}

/** Creates an empty pacer: it asks for a frame only while tasks wait. */
export function createFramePacer(deps: FramePacerDeps): FramePacer {
  if (!Number.isInteger(deps.perFrame) || deps.perFrame < 1) throw new Error(`createFramePacer: perFrame must be a whole number of at least 1, got ${deps.perFrame}`);
  // A Set keeps insertion order (first queued, first run) and deletes a cancelled task in O(1).
  const queue = new Set<() => void>();
  let handle: number | null = null;

  const frame = (): void => {
    handle = null;
    // Taken before any runs: a Set's iteration would also visit tasks that these tasks queue.
    const due: (() => void)[] = [];
    for (const task of queue) {
      if (due.length === deps.perFrame) break;
      due.push(task);
    }
    for (const task of due) {
      // Cancelled by an earlier task of this frame: its place is not taken back.
      if (!queue.delete(task)) continue;
      task();
    }
    if (queue.size > 0 && handle === null) handle = deps.requestFrame(frame);
  };

  return {
    enqueue(task) {
      // The same function queued twice is still two tasks: wrap it so each has its own place.
      const entry = (): void => task();
      queue.add(entry);
      if (handle === null) handle = deps.requestFrame(frame);
      return () => {
        queue.delete(entry);
      };
    },
    get pending() {
      return queue.size;
    },
    dispose() {
      queue.clear();
      if (handle !== null) deps.cancelFrame(handle);
      handle = null;
    },
  };
}
