/**
 * One loaded run of a document: the compiled plan instantiated with the
 * worker as its RuntimeHost (results into the pending outputs, the preview
 * tap, late-port counts), paced sources, a scheduler and, once it starts,
 * the WebSocket feeds. A reload or stop disposes it and builds a new one.
 */
import type { OutPort } from '../engine/operators/types';
import { compilePipeline, type FileInput } from '../engine/plan/compile';
import { createRuntime, type Runtime, type RuntimeHost } from '../engine/run/runtime';
import type { PipelineDocument } from '../model';
import { createBreakpointDetector, type BreakpointDetector } from './breakpoints/detector';
import type { Feed, FeedRetry, OpenFeed } from './feeds';
import { createMetricsSampler, type MetricsSampler } from './metrics';
import { createOutputs, type Outputs } from './outputs';
import { pacedSources, type PaceGate } from './pacing';
import { createPreviewTap, type PreviewTap } from './preview';
import type { ConnectionState, RunSpeed, SourceConnection } from './protocol';
import { createScheduler, type Scheduler, type SchedulerClock } from './scheduler';
import { createRunTimeline, type RunTimeline } from './timeline/follow';
import { engineStates } from './travel/engineStates';
import { createTimeMachine, type Limits, type TimeMachine } from './travel/timeMachine';
import type { FileProgressReport } from './files/api';
import type { FileProgress } from '../engine/sources/file/stream/types';
import { createProgressMeter, type ProgressMeter } from './files/progress';
import { createSinkLedger } from './checkpoints/sinkLedger';
import { sliceChunk } from './checkpoints/chunkConcat';
import type { Checkpoint } from './checkpoints/format';
import { createAlertWebhooks } from './alertWebhooks';
import { chooseFileHint } from './chooseFileHint';

/** What a checkpoint takes of a session (the rest, versions and time, the worker adds). */
export type SessionCheckpoint = Pick<Checkpoint, 'events' | 'watermark' | 'runtime' | 'lateRows' | 'sinks'>;

export interface Session {
  readonly runtime: Runtime;
  readonly scheduler: Scheduler;
  readonly outputs: Outputs;
  readonly preview: PreviewTap;
  readonly metrics: MetricsSampler;
  readonly travel: TimeMachine;
  /** The followed window node's timeline. */
  readonly timeline: RunTimeline;
  /** Armed breakpoints. */
  readonly breakpoints: BreakpointDetector;
  /** True while an alert sink's webhook has rows to post. */
  webhooksPending(): boolean;
  /** Opens the WebSocket feeds (once); call when the run first moves. */
  connect(): void;
  /** Diagnostics not yet handed out (a streamed file's bad rows come during the run). */
  takeDiagnostics(): { nodeId: string; message: string }[];
  /** How far each streamed file source has read, by node id. */
  fileProgress(now: number): Record<string, FileProgressReport>;
  /** The run's state for a checkpoint; null while it is not at its head (time travel shows the past, or replays). */
  checkpoint(): SessionCheckpoint | null;
  /** Before the run moves: continues from `checkpoint` (checked by ./checkpoints/format.ts); throws if its state does not fit this plan. */
  resumeFrom(checkpoint: SessionCheckpoint): void;
  dispose(): void;
}

export interface SessionDeps extends SchedulerClock {
  readonly openFeed: OpenFeed;
  readonly log: (line: string) => void;
  /** Any change of the scheduler's phase. */
  readonly onPhase: () => void;
  /** How many snapshots and how much journal time travel keeps (tests make them small). */
  readonly travelLimits?: Limits;
}

/**
 * Progress as far as the run has taken rows, not as far as reading got: a
 * Blob is read in chunks of up to megabytes, so bytes read jump ahead of the
 * run. The bytes of the rows taken are estimated as their share of the rows read.
 * Malformed rows are those reading has met (they may lie a little ahead).
 */
function consumed(progress: FileProgress, taken: number): FileProgress {
  if (progress.done || progress.rows === 0) return progress;
  // Rows as the run took them too, so the rate is the run's, not the read-ahead's (which stops while full).
  return { ...progress, bytesRead: Math.round(progress.bytesRead * Math.min(1, taken / progress.rows)), rows: Math.min(taken, progress.rows) };
}

export type SessionResult = { ok: true; session: Session } | { ok: false; problems: { nodeId: string; message: string }[] };

/**
 * Compiles `doc` and builds an idle session. File sources read their inline
 * data, or the stored files opened for them (`fileInputs`, see files/openStored.ts).
 */
export function createSession(doc: PipelineDocument, speed: RunSpeed, watched: string | null, deps: SessionDeps, fileInputs?: Readonly<Record<string, FileInput>>): SessionResult {
  const compiled = compilePipeline(doc, { missingDataHint: chooseFileHint, ...(fileInputs === undefined ? {} : { fileInputs }) });
  if (!compiled.ok) return { ok: false, problems: compiled.problems.map((p) => ({ nodeId: p.nodeId, message: p.message })) };
  const { plan } = compiled;
  const outputs = createOutputs(plan.steps);
  // The sinks' contents by output position, for checkpoints (exactly-once after a resume).
  const ledger = createSinkLedger(plan.steps);
  const stepOf = new Map<string, string>();
  const keyFieldsOf = new Map<string, string[]>();
  for (const s of plan.steps) {
    if (s.type !== 'windowAggregate') continue;
    stepOf.set(s.aggregateId, s.nodeId);
    keyFieldsOf.set(s.nodeId, s.keyFields.map((f) => f.name));
  }
  // Alert sinks' webhooks, posted from the worker as rows come (never for rows a time-travel replay passes again).
  const webhooks = createAlertWebhooks(plan.steps);
  const preview = createPreviewTap(stepOf, keyFieldsOf);
  preview.watch(watched);
  let lateRows = new Map<string, number>();
  const gate: PaceGate = { free: false };
  const sourceIds = new Set(plan.steps.filter((s) => s.type === 'sampleSource' || s.type === 'fileSource' || s.type === 'websocketSource').map((s) => s.nodeId));
  // Assigned once the time machine exists; nothing emits before (building a runtime runs nothing).
  let machine: TimeMachine | null = null;
  let replaying = false;
  const position = (): number => machine?.position ?? 0;
  // The timeline needs the runtime (to switch its trace), the runtime's tap feeds the timeline.
  const timeline = createRunTimeline(plan, () => runtime, deps.now);
  const breakpoints = createBreakpointDetector({ doc, plan, position, rowsIn: (stepId) => runtime.metrics().get(stepId)?.rowsIn ?? 0 });
  const host: RuntimeHost = {
    // The clock as the journal saw it at this step, so processing-time windows replay the same.
    now: () => machine?.now() ?? deps.now(),
    log: deps.log,
    trace: null,
    onResults: (sinkId, rows) => {
      if (replaying) return;
      outputs.addRows(sinkId, rows, position());
      ledger.addRows(sinkId, rows, position());
      webhooks.onRows(sinkId, rows);
    },
    onResultBatch: (sinkId, batch) => {
      if (replaying) return;
      outputs.addBatch(sinkId, batch, position());
      ledger.addBatch(sinkId, batch, position());
    },
    onLate: null,
    // Whatever the tap keeps it copies (previews, the timeline): steps reuse their arrays as in the CLI.
    tapKeepsBatches: false,
    onEmit(stepId: string, port: OutPort, batch, rows) {
      if (port === 'late') lateRows.set(stepId, (lateRows.get(stepId) ?? 0) + (rows === null ? batch.length : rows.length));
      else if (sourceIds.has(stepId)) machine?.count(batch.length);
      preview.onEmit(stepId, port, batch, rows);
      // The timeline recorded these the first time: a replay shows it as of then (TimelineQuery.atPosition).
      if (!replaying) timeline.onEmit(stepId, port, batch, rows);
      // A replay (time travel) passes events already seen: no breakpoint stops it.
      if (!replaying) breakpoints.onEmit(stepId, port, batch, rows);
    },
  };
  machine = createTimeMachine({
    instantiate() {
      const paced = pacedSources(plan.steps, gate, host.now);
      return { runtime: createRuntime(plan, host, { sources: Object.fromEntries(paced) }), paced: [...paced.values()] };
    },
    gate,
    now: deps.now,
    host: {
      save: () => ({ lateRows: new Map(lateRows), preview: preview.save() }),
      load(state) {
        lateRows = new Map(state.lateRows);
        preview.load(state.preview);
      },
    },
    states: engineStates(),
    sourceCount: sourceIds.size,
    setReplaying(on) {
      replaying = on;
    },
    onFutureDropped(at) {
      outputs.dropAfter(at);
      ledger.dropAfter(at);
      timeline.recorder?.rewind(at);
    },
  }, deps.travelLimits);
  const travel = machine;
  const runtime = machine.runtime;

  const states = new Map<string, { state: ConnectionState; detail: string; retry?: FeedRetry }>();
  const feeds: Feed[] = [];
  let connected = false;
  const connections = (): Record<string, SourceConnection> => {
    const out = Object.create(null) as Record<string, SourceConnection>; // ids are data (see metrics.ts)
    for (const [id, source] of travel.messageSources) {
      const { state, detail, retry } = states.get(id) ?? { state: 'closed' as const, detail: 'not connected yet' };
      // The retry fields only while waiting for that attempt (i7-runs shows "Retrying (attempt 2 of 5, next in 4 s)").
      const { overflowed: _overflowed, ...stats } = source.stats();
      out[id] = { state, detail, ...stats, ...(state === 'reconnecting' && retry !== undefined ? retry : {}) };
    }
    return out;
  };
  // Diagnostics grow during a run (a streamed file's bad rows); a travel's fresh runtime meets the same ones again.
  let diagnosticsOf = runtime.diagnostics;
  let diagnosticsAt = 0;
  const handed = new Set<string>();
  const meters = new Map<string, ProgressMeter>();
  const scheduler = createScheduler({ runtime, paced: travel.paced, gate, brake: breakpoints, waitFor: travel.waitFor }, deps, speed, deps.onPhase);
  return {
    ok: true,
    session: {
      runtime, scheduler, outputs, preview, travel, timeline, breakpoints,
      webhooksPending: () => webhooks.pending(),
      metrics: createMetricsSampler(doc, { metrics: () => runtime.metrics(), lateRows: () => lateRows, connections, idleness: () => runtime.idleInputs?.report() ?? null, webhooks: () => webhooks.reports() }, deps.now()),
      connect() {
        if (connected) return;
        connected = true;
        for (const step of plan.steps) {
          // The time machine's stand-ins: every message is journaled as it arrives.
          const source = step.type === 'websocketSource' ? travel.messageSources.get(step.nodeId) : undefined;
          if (step.type !== 'websocketSource' || source === undefined) continue;
          states.set(step.nodeId, { state: 'connecting', detail: step.spec.url });
          feeds.push(deps.openFeed(step.spec, source, (state, detail, retry) => states.set(step.nodeId, { state, detail, ...(retry === undefined ? {} : { retry }) })));
        }
      },
      takeDiagnostics() {
        const list = runtime.diagnostics;
        if (list !== diagnosticsOf) {
          diagnosticsOf = list;
          diagnosticsAt = 0;
        }
        const taken: { nodeId: string; message: string }[] = [];
        for (; diagnosticsAt < list.length; diagnosticsAt++) {
          const { nodeId, message } = list[diagnosticsAt]!;
          const key = `${nodeId}\n${message}`;
          if (handed.has(key)) continue;
          handed.add(key);
          taken.push({ nodeId, message });
        }
        return taken;
      },
      fileProgress(now) {
        const out = Object.create(null) as Record<string, FileProgressReport>; // ids are data
        for (const source of travel.sources()) {
          if (source.reader === undefined) continue;
          let meter = meters.get(source.nodeId);
          if (meter === undefined) meters.set(source.nodeId, (meter = createProgressMeter()));
          out[source.nodeId] = meter.report(consumed(source.reader.progress, source.reader.rowsTaken), now);
        }
        return out;
      },
      checkpoint() {
        const frame = travel.frame();
        if (replaying || frame.position !== frame.head) return null;
        let watermark = Infinity;
        for (const id of sourceIds) watermark = Math.min(watermark, runtime.metrics().get(id)?.watermark ?? -Infinity);
        return {
          events: travel.position,
          watermark: sourceIds.size === 0 ? -Infinity : watermark,
          runtime: runtime.snapshot(),
          lateRows: [...lateRows],
          sinks: ledger.contents(),
        };
      },
      resumeFrom(checkpoint) {
        lateRows = new Map(checkpoint.lateRows);
        travel.startFrom(checkpoint.events, checkpoint.runtime);
        ledger.restore(checkpoint.sinks);
        // The page's views start empty with the new run: they get the sinks as of the checkpoint first (a copy: a drain transfers its buffers).
        for (const s of checkpoint.sinks) outputs.addChunk(sliceChunk(s.rows, 0, s.rows.length));
      },
      dispose() {
        webhooks.close();
        scheduler.dispose();
        travel.close();
        for (const feed of feeds) feed.close();
      },
    },
  };
}
