/**
 * One loaded run of a document: the compiled plan instantiated with the
 * worker as its RuntimeHost (results into the pending outputs, the preview
 * tap, late-port counts), paced sources, a scheduler and, once it starts,
 * the WebSocket feeds. A reload or stop disposes it and builds a new one.
 */
import type { OutPort } from '../engine/operators/types';
import { compilePipeline } from '../engine/plan/compile';
import { createRuntime, type Runtime } from '../engine/run/runtime';
import type { PipelineDocument } from '../model';
import { createBreakpointDetector, type BreakpointDetector } from './breakpoints/detector';
import type { Feed, OpenFeed } from './feeds';
import { createMetricsSampler, type MetricsSampler } from './metrics';
import { createOutputs, type Outputs } from './outputs';
import { pacedSources, type PaceGate } from './pacing';
import { createPreviewTap, type PreviewTap } from './preview';
import type { ConnectionState, RunSpeed, SourceConnection } from './protocol';
import { createScheduler, type Scheduler, type SchedulerClock } from './scheduler';

export interface Session {
  readonly runtime: Runtime;
  readonly scheduler: Scheduler;
  readonly outputs: Outputs;
  readonly preview: PreviewTap;
  readonly metrics: MetricsSampler;
  /** Armed breakpoints, and the run position (events read from all sources). */
  readonly breakpoints: BreakpointDetector;
  /** Opens the WebSocket feeds (once); call when the run first moves. */
  connect(): void;
  /** Diagnostics not yet handed out. */
  takeDiagnostics(): { nodeId: string; message: string }[];
  dispose(): void;
}

export interface SessionDeps extends SchedulerClock {
  readonly openFeed: OpenFeed;
  readonly log: (line: string) => void;
  /** Any change of the scheduler's phase. */
  readonly onPhase: () => void;
}

export type SessionResult = { ok: true; session: Session } | { ok: false; problems: { nodeId: string; message: string }[] };

/** Compiles `doc` (file sources read their inline data) and builds an idle session. */
export function createSession(doc: PipelineDocument, speed: RunSpeed, watched: string | null, deps: SessionDeps): SessionResult {
  const compiled = compilePipeline(doc, { missingDataHint: 'press Choose file on the node to load its file' });
  if (!compiled.ok) return { ok: false, problems: compiled.problems.map((p) => ({ nodeId: p.nodeId, message: p.message })) };
  const { plan } = compiled;
  const outputs = createOutputs(plan.steps);
  const stepOf = new Map<string, string>();
  const keyFieldsOf = new Map<string, string[]>();
  for (const s of plan.steps) {
    if (s.type !== 'windowAggregate') continue;
    stepOf.set(s.aggregateId, s.nodeId);
    keyFieldsOf.set(s.nodeId, s.keyFields.map((f) => f.name));
  }
  const preview = createPreviewTap(stepOf, keyFieldsOf);
  preview.watch(watched);
  const lateRows = new Map<string, number>();
  const gate: PaceGate = { free: false };
  const paced = pacedSources(plan.steps, gate);
  const breakpoints = createBreakpointDetector({ doc, plan, gate, rowsIn: (stepId) => runtime.metrics().get(stepId)?.rowsIn ?? 0 });
  const runtime = createRuntime(plan, {
    now: deps.now,
    log: deps.log,
    trace: null,
    onResults: (sinkId, rows) => outputs.addRows(sinkId, rows),
    onResultBatch: (sinkId, batch) => outputs.addBatch(sinkId, batch),
    onLate: null,
    onEmit(stepId: string, port: OutPort, batch, rows) {
      if (port === 'late') lateRows.set(stepId, (lateRows.get(stepId) ?? 0) + (rows === null ? batch.length : rows.length));
      preview.onEmit(stepId, port, batch, rows);
      breakpoints.onEmit(stepId, port, batch, rows);
    },
  }, { sources: Object.fromEntries(paced) });

  const states = new Map<string, { state: ConnectionState; detail: string }>();
  const feeds: Feed[] = [];
  let connected = false;
  const connections = (): Record<string, SourceConnection> => {
    const out = Object.create(null) as Record<string, SourceConnection>; // ids are data (see metrics.ts)
    for (const [id, source] of runtime.messageSources) {
      const { state, detail } = states.get(id) ?? { state: 'closed' as const, detail: 'not connected yet' };
      out[id] = { state, detail, ...source.stats() };
    }
    return out;
  };
  let pendingDiagnostics = [...runtime.diagnostics];
  const scheduler = createScheduler({ runtime, paced: [...paced.values()], gate, brake: breakpoints }, deps, speed, deps.onPhase);
  return {
    ok: true,
    session: {
      runtime, scheduler, outputs, preview, breakpoints,
      metrics: createMetricsSampler(doc, { metrics: () => runtime.metrics(), lateRows: () => lateRows, connections }, deps.now()),
      connect() {
        if (connected) return;
        connected = true;
        for (const step of plan.steps) {
          const source = step.type === 'websocketSource' ? runtime.messageSources.get(step.nodeId) : undefined;
          if (step.type !== 'websocketSource' || source === undefined) continue;
          states.set(step.nodeId, { state: 'connecting', detail: step.spec.url });
          feeds.push(deps.openFeed(step.spec, source, (state, detail) => states.set(step.nodeId, { state, detail })));
        }
      },
      takeDiagnostics() {
        const taken = pendingDiagnostics;
        pendingDiagnostics = [];
        return taken;
      },
      dispose() {
        scheduler.dispose();
        for (const feed of feeds) feed.close();
      },
    },
  };
}
