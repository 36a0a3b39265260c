/**
 * What the event-time timeline crosses the worker boundary with: plain data,
 * marks in columns of typed arrays (thousands of them, every frame), the rest
 * small objects. The worker records what reached the followed window node
 * (its events, their fates, its windows and its watermark); the page asks for
 * a view of it at its own pace and draws it.
 */
import type { PreviewRecord } from './previewRecord';

/** What became of an event at a window node. */
export type EventFate =
  /** Reached its window(s) before they fired. */
  | 'onTime'
  /** Behind the watermark but within the allowed lateness: a window that had fired took it and fired again (a revision). */
  | 'revision'
  /** Too late for every window it belongs to: sent to the `late` port. */
  | 'late';

/** Fate codes in TimelineMarks.fate. */
export const FATE_CODES: readonly EventFate[] = ['onTime', 'revision', 'late'];

/**
 * Events that reached the window node, one entry per index across the arrays
 * (sampled when there are more than the view asked for; `sampled` says so).
 */
export interface TimelineMarks {
  readonly length: number;
  /** Arrival number at the window node, 1-based over the run. */
  readonly seq: Float64Array;
  /** Run position when it arrived: events read from all sources so far (the time-travel scrubber's unit). */
  readonly position: Float64Array;
  /** Event time in epoch ms; for a processing-time window, the arrival time. */
  readonly time: Float64Array;
  /** The host clock (epoch ms) when it arrived. */
  readonly arrivedAt: Float64Array;
  /** The window node's watermark when it arrived. */
  readonly watermark: Float64Array;
  /** Index into TimelineFrame.keys, or -1 for a key outside them (drawn in the folded row). */
  readonly keyIndex: Int32Array;
  /** Index into FATE_CODES. */
  readonly fate: Uint8Array;
}

/** Where a window is in its life. */
export type WindowState =
  /** Collecting events; it has not fired. */
  | 'open'
  /** Fired (and perhaps revised); its state is kept until end - 1 + allowed lateness. */
  | 'fired'
  /** The watermark passed end - 1 + allowed lateness: state dropped, later events go to the late port. */
  | 'closed';

export interface TimelineWindow {
  /** Stable within a run, for TimelineApi.timelineWindow. */
  readonly id: number;
  readonly key: string;
  /** [start, end) in event time; a count window spans its first to its last event (end = last + 1). */
  readonly start: number;
  readonly end: number;
  /** Lane within its key's row, so overlapping (hopping, cumulate) windows stack. */
  readonly lane: number;
  readonly state: WindowState;
  /** Times it fired again after its first result. */
  readonly revisions: number;
  readonly events: number;
  /** The latest result's first aggregate, formatted for the bar; null before it fired. */
  readonly label: string | null;
  /** Sessions: ids of the windows that merged into this one. */
  readonly mergedFrom: readonly number[];
}

/** One point of the watermark's path, where it moved. */
export interface WatermarkPoint {
  readonly seq: number;
  readonly position: number;
  readonly arrivedAt: number;
  readonly watermark: number;
}

/** An input of the window node (a source upstream) and whether it holds the watermark back. */
export interface TimelineInput {
  readonly sourceId: string;
  readonly watermark: number;
  /** Produced nothing for its idle timeout: it no longer holds back the minimum watermark. */
  readonly idle: boolean;
}

/** The followed window node as the view should draw it now. */
export interface TimelineFrame {
  readonly nodeId: string;
  readonly kind: 'tumbling' | 'hopping' | 'cumulate' | 'session' | 'count';
  /** Processing-time windows use arrival time on the time axis and say so. */
  readonly timeDomain: 'event' | 'processing';
  readonly latenessMs: number;
  /** The largest out-of-orderness bound of the sources upstream. */
  readonly outOfOrdernessMs: number;
  readonly watermark: number;
  readonly maxEventTime: number;
  /** Events that reached the node in the run so far (or up to `atPosition`), since `recordedFrom`. */
  readonly totalEvents: number;
  /**
   * The run position (events read from the sources) at which recording this
   * node began: 0 when it was followed from the start; later when the
   * timeline was first opened on it mid-run or after the run ended (the
   * engine traces only the node followed, as tracing slows a run).
   */
  readonly recordedFrom: number;
  /**
   * The run position at which the recording stopped, or null while it goes
   * on: at Max speed the worker records a hidden timeline's node only for its
   * first events (HIDDEN_TIMELINE_EVENTS), as recording slows the run.
   */
  readonly recordedTo: number | null;
  /** Rows, most events first (or the focused key alone); the key as text ('' for an unkeyed window). */
  readonly keys: readonly { readonly key: string; readonly events: number }[];
  readonly marks: TimelineMarks;
  /** True when `marks` is a sample of the events in the span. */
  readonly sampled: boolean;
  readonly windows: readonly TimelineWindow[];
  readonly watermarks: readonly WatermarkPoint[];
  /** The stretch of event time the frame covers. */
  readonly span: { readonly from: number; readonly to: number };
  readonly inputs: readonly TimelineInput[];
  /** The input whose watermark is the minimum that holds the node's watermark back, if one does. */
  readonly heldBackBy: string | null;
}

export interface TimelineQuery {
  readonly nodeId: string;
  /** Focus one key; null: the top keys by volume, each in its own row. */
  readonly key: string | null;
  /** All keys folded into one row. */
  readonly fold: boolean;
  /** Rows at most when not focused or folded. */
  readonly maxKeys: number;
  /** Marks at most; more are sampled. */
  readonly maxMarks: number;
  /** The event-time stretch to cover; absent: the most recent stretch. */
  readonly span?: { readonly from: number; readonly to: number };
  /** Time travel: as it was when the run stood at this position; absent: now. */
  readonly atPosition?: number;
}

/** One event, as hovering its mark shows it. */
export interface TimelineEventDetail {
  readonly seq: number;
  readonly position: number;
  readonly fields: PreviewRecord;
  readonly key: string;
  readonly time: number;
  readonly watermark: number;
  readonly fate: EventFate;
  /** The windows [start, end) it belongs to. */
  readonly windows: readonly { readonly start: number; readonly end: number }[];
  /** The verdict as a sentence ("late: the watermark 12:00:07.999 had passed the window [12:00:00, 12:00:05) plus its 2 s of allowed lateness; sent to the late port"). */
  readonly verdict: string;
}

/** One firing of a window: its result and what made it. */
export interface WindowRevision {
  /** 0 for the first firing. */
  readonly revision: number;
  /** Arrival number (at the window node) after which it fired. */
  readonly seq: number;
  readonly watermark: number;
  readonly result: PreviewRecord;
  /** Arrival numbers of the events it included (capped; `eventCount` is the whole). */
  readonly eventSeqs: readonly number[];
  readonly eventCount: number;
}

/** One window, as hovering its bar or asking "why this result" shows it. */
export interface TimelineWindowDetail {
  readonly window: TimelineWindow;
  readonly revisions: readonly WindowRevision[];
  /** The events in it (capped at a few hundred), oldest first. */
  readonly events: readonly TimelineEventDetail[];
}

/** The worker's timeline methods (part of PipelineWorkerApi). */
export interface TimelineApi {
  /**
   * Records the trace of window node `nodeId` from now on in this run and from
   * the start of later runs (a recording of another node ends). With null,
   * later runs record nothing, but this run keeps recording the node it
   * follows, so the timeline shows the whole run when it is opened again.
   * `shown` false (the page's timeline is hidden): at Max speed only the
   * node's first HIDDEN_TIMELINE_EVENTS events are recorded, as recording
   * slows a Max run; true (the default), all of them.
   */
  followTimeline(nodeId: string | null, shown?: boolean): void;
  timeline(query: TimelineQuery): TimelineFrame | null;
  timelineEvent(nodeId: string, seq: number): TimelineEventDetail | null;
  timelineWindow(nodeId: string, windowId: number): TimelineWindowDetail | null;
}
