/** Checkpoints across the worker boundary (part of PipelineWorkerApi and Frame). */

/** Default seconds of wall clock between two checkpoints of a running pipeline. */
export const DEFAULT_CHECKPOINT_EVERY_MS = 5000;

export interface CheckpointSettings {
  /** The document the run's checkpoints are stored beside. */
  readonly documentId: string;
  /** Wall-clock ms between two checkpoints while running; 0 takes them only on Pause and Stop. */
  readonly everyMs: number;
}

/** The run's last checkpoint, in every frame: when, how far, how big, or why it could not be stored. */
export interface CheckpointNote {
  readonly takenAt: number;
  readonly events: number;
  /** Estimated bytes of the stored checkpoint. */
  readonly bytes: number;
  /** How long taking it held the worker, ms. */
  readonly tookMs: number;
  readonly error: string | null;
}

export type ResumeResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export interface CheckpointApi {
  /** Where and how often this worker's runs take checkpoints (off until called). */
  configureCheckpoints(settings: CheckpointSettings): void;
  /**
   * After a load, before the run moves: continues from `checkpoint` (a stored
   * Checkpoint of ./format.ts, checked again here as hostile input, hence
   * unknown). A refused one leaves the run at its beginning.
   */
  resume(checkpoint: unknown): ResumeResult | Promise<ResumeResult>;
}
