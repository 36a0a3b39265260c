/**
 * The main thread's view of a run: what the toolbar, node badges, previews,
 * charts and tables read. Figures that change ten times a second live in the
 * run store; per-row results never do: they go through the results bus
 * straight into the views' own buffers (uPlot.setData, the table's rows).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { AsyncPipelineApi } from '../../worker/client';
import type {
  Frame,
  MetricsSnapshot,
  NodeFailure,
  NodePreview,
  ResultChunk,
  RunPhase,
  RunSpeed,
  StepUnit,
} from '../../worker/protocol';
import type { TravelFrame } from '../../worker/travel/types';
import type { Checkpoint } from '../../worker/checkpoints/format';
import type { CheckpointNote, ResumeResult } from '../../worker/checkpoints/types';

export interface RunState {
  /**
   * The pipeline this state belongs to (the documents session's open id; ''
   * when the page has none). Everything below is about a run of this pipeline
   * only: opening another one starts again from idle.
   */
  readonly pipelineId: string;
  /**
   * The id of this pipeline's first run, null until it has loaded one. Frames
   * of lower ids (or any, while null) are of a run of the pipeline open
   * before, still draining, and are dropped.
   */
  readonly firstRunId: number | null;
  readonly phase: RunPhase;
  /** The worker's run id of the figures shown; views clear their buffers when it changes. */
  readonly runId: number;
  readonly failure: NodeFailure | null;
  readonly speed: RunSpeed;
  readonly metrics: MetricsSnapshot | null;
  readonly watchedNodeId: string | null;
  readonly preview: NodePreview | null;
  readonly diagnostics: Frame['diagnostics'];
  /** Compile problems that kept the current document from running, if any. */
  readonly loadProblems: readonly { readonly nodeId: string; readonly message: string }[];
  /**
   * Why the worker was replaced, as a sentence (it crashed, or did not answer
   * Stop and was ended), until a run moves again.
   */
  readonly workerError: string | null;
  /**
   * A Run or Step is waiting for the worker's answer. Stop stays available
   * then even while the phase is still idle: a load that hangs must be stoppable.
   */
  readonly commandPending: boolean;
  /** Where the run stands for time travel (the scrubber); null before a run has loaded. */
  readonly travel: TravelFrame | null;
  /** The run's last checkpoint (when, how far, how big), null before its first. */
  readonly checkpoint: CheckpointNote | null;
}

/** Every change of RunState goes through one reducer as one of these (TanStack Query's way). */
export type RunAction =
  | { readonly type: 'frame'; readonly frame: Frame }
  | { readonly type: 'loaded'; readonly runId: number }
  | { readonly type: 'loadRefused'; readonly problems: RunState['loadProblems'] }
  /** The document changed so that the reasons a run was refused may no longer hold. */
  | { readonly type: 'refusalOutdated' }
  /** Another pipeline is on screen. */
  | { readonly type: 'pipelineOpened'; readonly pipelineId: string }
  | { readonly type: 'speed'; readonly speed: RunSpeed }
  | { readonly type: 'watch'; readonly nodeId: string | null }
  | { readonly type: 'workerCrashed'; readonly message: string }
  /** Stop got no answer within `waitedMs`, so the worker was ended and a fresh one started. */
  | { readonly type: 'stopUnanswered'; readonly waitedMs: number }
  | { readonly type: 'commandPending'; readonly pending: boolean };

type RunStore = StoreApi<RunState>;

/** Receives every chunk of one sink, in order, as it arrives (at most once per frame). */
export type ResultListener = (chunk: ResultChunk) => void;

/** What the views use to follow results; `onReset` fires when a new run starts (clear your buffers). */
export interface ResultsBus {
  subscribe(sinkId: string, listener: ResultListener): () => void;
  onReset(listener: (runId: number) => void): () => void;
}

/** The run's commands, for the toolbar and shortcuts. */
export interface RunController {
  readonly store: RunStore;
  readonly results: ResultsBus;
  run(): void;
  pause(): void;
  step(unit: StepUnit): void;
  stop(): void;
  setSpeed(speed: RunSpeed): void;
  watch(nodeId: string | null): void;
  /** Checkpoints every `everyMs` of wall clock while running (0: on Pause and Stop only), stored beside the open pipeline. */
  setCheckpointEvery(everyMs: number): void;
  /** Loads the document afresh, continues from `checkpoint` and runs; null when it could not be asked (another pipeline opened). */
  resume(checkpoint: Checkpoint): Promise<ResumeResult | null>;
  /**
   * Asks the current worker at once, outside the command queue (views that
   * pull, like the timeline); null when no worker runs or it is replaced.
   */
  ask<T>(question: (api: AsyncPipelineApi) => Promise<T>): Promise<T | null>;
  /** Sends a command in turn after the ones before it (time travel, breakpoints), then pulls a frame. */
  send(task: (api: AsyncPipelineApi) => Promise<void>): Promise<void>;
  dispose(): void;
}
