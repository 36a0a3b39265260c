import type { RunPhase, RunSpeed } from '../../worker/protocol';

/**
 * How often the page pulls the worker's figures and rows while a run at Max
 * pours them in: five times a second. Each answer applied is a frame of work on
 * the page (the store update, React, then style, layout, paint and compositing
 * of the canvas's badges, edge labels, progress and status), about 5 to 8 ms
 * of the main thread's CPU. Pulled every frame at Max, those frames took a
 * third of a core while the worker took another (issue 15's 1 GB file: the
 * page's long tasks were rendering frames waiting for a core); ten a second
 * they were still half the page's main-thread time in that run, and on a
 * busy machine every such frame is a chance to wait past 50 ms for a core.
 * Counts that change five times a second still read as live; paced runs are
 * pulled every frame, so events move one by one.
 */
export const POURING_PULL_MS = 200;

/**
 * The longest the worker gives way while the page draws an answer at Max
 * (drainLoop.ts; it is told once the frame is drawn, usually within 10-20
 * ms). On this project's two cores the worker and the browser's file reading
 * left the page's answer frames a share of a core: perf sched showed the
 * page's thread preempted through them, and a frame of 15-20 ms of CPU took
 * 60-80 ms of wall time (issue 15's 1 GB CSV: a long task in 7 of 12 runs;
 * none in 8 of 8 with the worker giving way, at the same rows per second).
 * Bounded, so an answer the page never draws costs the run little.
 */
export const POURING_GIVE_WAY_MS = 50;

/** The least time between two drains of the worker (0: every frame). */
export function pullEveryMs(phase: RunPhase, speed: RunSpeed): number {
  return phase === 'running' && speed === 'max' ? POURING_PULL_MS : 0;
}
