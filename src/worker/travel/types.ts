/**
 * Time travel across the worker boundary: where the run stands, how far back
 * it can go, and the worker methods that move it (part of PipelineWorkerApi).
 */
/** Where the run stands on its journal; in every frame of a loaded run. */
export interface TravelFrame {
  /** Events read from all sources so far in the state shown (the scrubber's value). */
  readonly position: number;
  /** The furthest position the run has reached (the scrubber's end). */
  readonly head: number;
  /** The earliest position it can still go back to (older snapshots and input were let go). */
  readonly earliest: number;
  /**
   * Bumped each time the run went on from the past and its old future was
   * dropped: the page then drops the results it holds of positions after
   * `droppedAfter`.
   */
  readonly cuts: number;
  readonly droppedAfter: number;
}

/** The worker's time-travel methods. */
export interface TravelApi {
  /**
   * Shows the run as it was at `position` (clamped to [earliest, head]):
   * pauses it, restores the nearest snapshot at or before and replays the
   * journal to the latest position at or before `position` it can stop at.
   * Returns the position reached. Run or Step afterwards goes on from there.
   * A run over stored files answers once their rows are read again.
   */
  travel(position: number): number | Promise<number>;
  /** Back by one event, or by one Step batch, from where the run stands. */
  stepBack(unit: 'batch' | 'event'): number | Promise<number>;
}
