/**
 * Time travel for one session: a runtime the scheduler drives through a
 * journaling facade, snapshots every so many events (./snapshotRing.ts), and
 * `travel`, which restores the nearest snapshot into a fresh runtime of the
 * same plan and replays the journal (./journal.ts) to the position asked for.
 * The facade also freezes the clock for each step, so processing-time
 * windows replay the same, and stands between WebSocket feeds and their
 * sources, so every message is journaled as it arrives.
 */
import type { TraceListener } from '../../engine/operators/types';
import type { Runtime } from '../../engine/run/runtime';
import type { MessageSource } from '../../engine/sources/websocket/types';
import type { PacedSource, PaceGate } from '../pacing';
import { createJournal, type JournalEntry } from './journal';
import { createSnapshotRing, estimateBytes, type Snapshot } from './snapshotRing';
import type { TravelFrame } from './types';

/** A runtime and its paced sources, fresh from the plan. */
export interface Instance {
  readonly runtime: Runtime;
  readonly paced: readonly PacedSource[];
}

/** How to take a runtime's state and put it into a fresh one (the engine's snapshot API). */
export interface RuntimeStates<R> {
  snapshot(runtime: Runtime): R;
  restore(runtime: Runtime, state: R): void;
}

/** Host state beside the runtime's (late-port counts, the preview), saved with each snapshot. */
export interface HostStates<H> {
  save(): H;
  load(state: H): void;
}

export interface TimeMachineDeps<R, H> {
  instantiate(): Instance;
  readonly gate: PaceGate;
  now(): number;
  readonly host: HostStates<H>;
  /** Null when the engine cannot snapshot: travel then replays from the start. */
  readonly states: RuntimeStates<R> | null;
  /** Sources of the plan: one runtime step reads at most this many rows per row asked for. */
  readonly sourceCount: number;
  /** While true the host hands nothing out (results replayed were handed out the first time). */
  setReplaying(on: boolean): void;
  /** The run went on from `position`: results of later positions are of a future that is gone. */
  onFutureDropped(position: number): void;
}

export interface Limits {
  /** Snapshots kept at most. */
  readonly snapshots: number;
  /** Events between snapshots at first (it doubles as the run grows, see snapshotRing.ts). */
  readonly interval: number;
  /** Journal entries kept at most. */
  readonly entries: number;
  /** Characters of WebSocket messages kept at most. */
  readonly chars: number;
  /** Bytes the snapshots may hold together (estimated): a pipeline with much state keeps fewer. */
  readonly bytes?: number;
}

/**
 * Dense enough that a jump anywhere in a 10-million-event run replays at
 * most 20,000 events; small state (a few hundred keys) makes a snapshot
 * some tens of kilobytes, and large state is snapshotted less often
 * (BYTES_PER_EVENT) and thinned by the byte budget.
 */
export const DEFAULT_LIMITS: Limits = { snapshots: 512, interval: 20_000, entries: 300_000, chars: 32_000_000, bytes: 256 * 1024 * 1024 };

/**
 * Events between snapshots at least per byte of one: a snapshot of 44 KB (a
 * hundred keys in a tumbling window) costs about 2 % of the time of the
 * 20,000 events before it; one of 10 MB waits 2.5 M events.
 */
const BYTES_PER_EVENT = 4;
/** Snapshots weighed for the byte budget: one in this many. */
const WEIGH_EVERY = 8;
/**
 * Stepping time per millisecond the last snapshot took, at least, before the
 * next: snapshots cost at most about 2 % of a run. Events alone did not
 * bound it (in the app's worker P2's snapshots took 7 % of the run at Max);
 * with a clock that stands still (tests) it never holds one back.
 */
const STEP_MS_PER_SNAPSHOT_MS = 50;

export interface TimeMachine {
  /** What the scheduler drives: the current runtime, every call journaled. */
  readonly runtime: Runtime;
  /** One paced source standing for all of them (empty when there are none). */
  readonly paced: readonly Pick<PacedSource, 'advance' | 'hasDue'>[];
  /** What the feeds deliver to, by source id. */
  readonly messageSources: ReadonlyMap<string, MessageSource>;
  /** The clock as the current step sees it. */
  now(): number;
  /** Events read from all sources: the host calls this from its emit tap for each source batch. */
  count(rows: number): void;
  readonly position: number;
  /**
   * Moves to the latest stop at or before `target` (clamped to what is kept);
   * returns where it stands. A run with streamed sources (stored files)
   * re-reads them from the restored point, so its travel answers later.
   */
  travel(target: number): number | Promise<number>;
  /**
   * Null when a step of `rows` may run now; else a promise that resolves
   * once it may (streamed sources still reading, or a travel replaying).
   */
  waitFor(rows: number): Promise<void> | null;
  /** Stops the current instance's readers (the session is disposed). */
  close(): void;
  /** The current instance's paced sources (they change with each travel that restores). */
  sources(): readonly PacedSource[];
  frame(): TravelFrame;
  /** Every entry from the run's start (a what-if replays its WebSocket input), or null once the oldest were let go. */
  recorded(): readonly JournalEntry[] | null;
  /**
   * Before the run first moves: stands at `position` with the runtime state
   * of a checkpoint (it throws if the state does not fit), which becomes the
   * earliest point travel can go back to.
   */
  startFrom(position: number, runtimeState: unknown): void;
}

type SnapState<R, H> = { readonly runtime: R | null; readonly host: H };

export function createTimeMachine<R, H>(deps: TimeMachineDeps<R, H>, limits: Limits = DEFAULT_LIMITS): TimeMachine {
  const journal = createJournal();
  const ring = createSnapshotRing<SnapState<R, H>>(limits.snapshots, limits.interval, limits.bytes);
  let current = deps.instantiate();
  let position = 0;
  let head = 0;
  /** Journal index up to which the current runtime has taken every entry. */
  let cursor = 0;
  /** Sub-steps of the entry at `cursor` taken by a travel that stopped inside it. */
  let partial: JournalEntry[] = [];
  let stepNow = deps.now();
  let cuts = 0;
  let droppedAfter = 0;
  let lastSnapshotAt = 0;
  let taken = 0;
  let weight = 0;
  /** How long the last snapshot took, and the time spent stepping since. */
  let snapshotMs = 0;
  let steppedMs = 0;
  /** The followed node's trace, set again on each fresh runtime once its replay is done (a replay is not traced again). */
  let traced: { nodeId: string | null; listener: TraceListener | null } = { nodeId: null, listener: null };
  /** The journal outgrew its bounds with no snapshot to start again from: travel is off for this run. */
  let lost = false;
  ring.add({ position: 0, index: 0, state: { runtime: null, host: deps.host.save() } });

  const atHead = (): boolean => cursor === journal.end && partial.length === 0;

  function record(entry: JournalEntry): void {
    if (lost) return;
    journal.append(entry);
    cursor = journal.end;
  }

  /** Before the run moves: if it stands in the past, the old future goes (its WebSocket input is offered again). */
  function goOn(): void {
    if (atHead()) return;
    const future = journal.cut(cursor);
    ring.dropAfter(cursor);
    for (const e of partial) journal.append(e);
    partial = [];
    cursor = journal.end;
    head = position;
    cuts++;
    droppedAfter = position;
    deps.onFutureDropped(position);
    for (const e of future) {
      if (e.kind !== 'message' && e.kind !== 'close') continue;
      const source = current.runtime.messageSources.get(e.sourceId);
      if (source === undefined) continue;
      record(e);
      if (e.kind === 'message') source.offer(e.text);
      else source.close();
    }
  }

  function trim(): void {
    while (!lost && (journal.end - journal.start > limits.entries || journal.chars > limits.chars)) {
      const next = ring.dropOldest();
      if (next !== undefined) journal.dropBefore(next.index);
      else if (deps.states !== null) {
        // Nothing older to start from: start again from here.
        ring.add({ position, index: cursor, state: { runtime: deps.states.snapshot(current.runtime), host: deps.host.save() } });
        journal.dropBefore(cursor);
      } else {
        lost = true;
        journal.dropBefore(journal.end);
      }
    }
  }

  function afterMove(): void {
    head = position;
    // Due by events, and no sooner than BYTES_PER_EVENT allows for the state's size: large state is snapshotted less often.
    if (deps.states !== null && ring.due(position) && position - lastSnapshotAt >= weight / BYTES_PER_EVENT && steppedMs >= snapshotMs * STEP_MS_PER_SNAPSHOT_MS) {
      const started = deps.now();
      const runtimeState = deps.states.snapshot(current.runtime);
      // Weighed every few snapshots (the walk costs about what taking one does); state changes slowly.
      if (taken++ % WEIGH_EVERY === 0) weight = estimateBytes(runtimeState);
      ring.add({ position, index: cursor, state: { runtime: runtimeState, host: deps.host.save() }, bytes: weight });
      lastSnapshotAt = position;
      snapshotMs = deps.now() - started;
      steppedMs = 0;
    }
    trim();
  }

  const runtime: Runtime = {
    step(rows) {
      goOn();
      stepNow = deps.now();
      const free = deps.gate.free;
      const more = current.runtime.step(rows);
      steppedMs += deps.now() - stepNow;
      record({ kind: 'step', rows, free, now: stepNow, after: position });
      afterMove();
      return more;
    },
    tick(now) {
      goOn();
      stepNow = now;
      current.runtime.tick(now);
      record({ kind: 'tick', now });
    },
    metrics: () => current.runtime.metrics(),
    snapshot: () => current.runtime.snapshot(),
    restore: (state) => current.runtime.restore(state),
    // The machine's count: a restored runtime counts from 0 again.
    get position() { return position; },
    setTrace(nodeId, listener) {
      traced = { nodeId, listener };
      current.runtime.setTrace(nodeId, listener);
    },
    get diagnostics() { return current.runtime.diagnostics; },
    get messageSources() { return current.runtime.messageSources; },
    get fileSources() { return current.runtime.fileSources; },
    get idleInputs() { return current.runtime.idleInputs; },
  };

  const pacer: Pick<PacedSource, 'advance' | 'hasDue'> = {
    advance(eventMs, maxWaitEventMs) {
      goOn();
      for (const p of current.paced) p.advance(eventMs, maxWaitEventMs);
      record({ kind: 'advance', eventMs, maxWaitEventMs });
    },
    hasDue: () => current.paced.some((p) => p.hasDue()),
  };

  /** Feeds deliver here: journaled as they arrive; handed to the source only while the run stands at its head. */
  const messageSources = new Map<string, MessageSource>();
  for (const [id, first] of current.runtime.messageSources) {
    const live = (): MessageSource => current.runtime.messageSources.get(id) ?? first;
    messageSources.set(id, {
      nodeId: id,
      next: (maxRows, reuse) => live().next(maxRows, reuse),
      finalBatch: () => live().finalBatch(),
      stats: () => live().stats(),
      // Behind the head the past instance resumes earlier: what it reads twice, the source drops as duplicates.
      position: () => live().position(),
      expectPartitions: (partitions) => live().expectPartitions(partitions),
      fail: (message) => live().fail(message),
      offer(text) {
        const here = atHead();
        if (!lost) journal.append({ kind: 'message', sourceId: id, text });
        if (here) {
          cursor = journal.end;
          live().offer(text);
        }
        trim();
      },
      close() {
        const here = atHead();
        if (!lost) journal.append({ kind: 'close', sourceId: id });
        if (here) {
          cursor = journal.end;
          live().close();
        }
      },
    });
  }

  /** Resolves once every streamed source of the current instance has `rows` read (null: they have). */
  function sourcesReady(rows: number): Promise<void> | null {
    const waits: Promise<void>[] = [];
    for (const p of current.paced) if (p.reader !== undefined && !p.reader.ready(rows)) waits.push(p.reader.fill(rows));
    return waits.length === 0 ? null : Promise.all(waits).then(() => undefined);
  }

  const closeReaders = (instance: Instance): void => {
    for (const p of instance.paced) p.reader?.close();
  };

  /** The travel under way when it waits for streamed sources: nothing else may step meanwhile. */
  let travelling: Promise<unknown> | null = null;

  /**
   * Runs `steps` (a replay), waiting before each for the rows it says it
   * needs: synchronous while every source has them, a promise from the first wait on.
   */
  function drive(steps: Generator<number, void, void>): Promise<void> | null {
    for (;;) {
      const next = steps.next();
      if (next.done === true) return null;
      const wait = sourcesReady(next.value);
      if (wait !== null) return wait.then(() => drive(steps) ?? undefined);
    }
  }

  function restore(snap: Snapshot<SnapState<R, H>>): void {
    closeReaders(current);
    const fresh = deps.instantiate();
    if (snap.state.runtime !== null && deps.states !== null) deps.states.restore(fresh.runtime, snap.state.runtime);
    deps.host.load(snap.state.host);
    current = fresh;
    position = snap.position;
    cursor = snap.index;
    partial = [];
  }

  /** Replays entries from `cursor` until the next step would pass `target`; that step is taken in smaller steps up to it. */
  function* replayTo(target: number): Generator<number, void, void> {
    const { runtime: rt } = current;
    while (cursor < journal.end) {
      const e = journal.at(cursor);
      if (e.kind === 'step' && e.after > target) {
        yield* splitStep(e, target);
        return;
      }
      // A streamed source re-reads from its restored point: the rows this entry needs are read first.
      if (e.kind === 'step' || e.kind === 'advance') yield e.kind === 'step' ? e.rows : 1;
      if (e.kind === 'advance') for (const p of current.paced) p.advance(e.eventMs, e.maxWaitEventMs);
      else if (e.kind === 'tick') {
        stepNow = e.now;
        rt.tick(e.now);
      } else if (e.kind === 'step') {
        stepNow = e.now;
        deps.gate.free = e.free;
        try {
          rt.step(e.rows);
        } finally {
          deps.gate.free = false;
        }
        if (position !== e.after) throw new Error(`replay diverged: at ${position} where the run stood at ${e.after}`);
      } else {
        const source = rt.messageSources.get(e.sourceId);
        if (e.kind === 'message') source?.offer(e.text);
        else source?.close();
      }
      cursor++;
    }
  }

  function* splitStep(e: Extract<JournalEntry, { kind: 'step' }>, target: number): Generator<number, void, void> {
    for (;;) {
      // Each source reads at most `rows`: never past the target.
      const rows = Math.floor((target - position) / Math.max(1, deps.sourceCount));
      if (rows < 1) break;
      yield rows;
      stepNow = e.now;
      deps.gate.free = e.free;
      const before = position;
      try {
        current.runtime.step(rows);
      } finally {
        deps.gate.free = false;
      }
      partial.push({ kind: 'step', rows, free: e.free, now: e.now, after: position });
      if (position === before) break;
    }
  }

  return {
    runtime,
    paced: current.paced.length > 0 ? [pacer] : [],
    messageSources,
    now: () => stepNow,
    count(rows) {
      position += rows;
    },
    get position() { return position; },
    travel(target) {
      if (travelling !== null) return travelling.then(() => this.travel(target));
      if (lost) return position;
      const first = ring.list[0];
      const goal = Math.max(first?.position ?? 0, Math.min(Math.floor(target), head));
      if (goal === position && partial.length === 0 && (goal !== head || atHead())) return position;
      const snap = ring.before(goal);
      if (snap === undefined) return position;
      // Forward along the journal from here unless a snapshot is nearer (or this state sits inside a step).
      const fromHere = partial.length === 0 && position <= goal && snap.position <= position && cursor >= snap.index;
      deps.setReplaying(true);
      const done = (): number => {
        deps.setReplaying(false);
        current.runtime.setTrace(traced.nodeId, traced.listener);
        travelling = null;
        return position;
      };
      let waiting: Promise<void> | null;
      try {
        if (!fromHere) restore(snap);
        else current.runtime.setTrace(null, null);
        waiting = drive(replayTo(goal));
      } catch (error) {
        done();
        throw error;
      }
      if (waiting === null) return done();
      const settled = waiting.then(done, (error: unknown) => {
        done();
        throw error;
      });
      travelling = settled;
      return settled;
    },
    waitFor(rows) {
      if (travelling !== null) return travelling.then(() => undefined, () => undefined);
      return sourcesReady(rows);
    },
    close() {
      closeReaders(current);
    },
    sources: () => current.paced,
    startFrom(at, runtimeState) {
      if (journal.end !== 0 || position !== 0) throw new Error('startFrom: only before the run moves');
      if (deps.states === null) throw new Error('startFrom: this run cannot restore a checkpoint');
      // The state came from storage and is checked by the runtime's restore (another plan's, or damaged, is refused).
      const snap = { position: at, index: 0, state: { runtime: runtimeState as R, host: deps.host.save() } };
      restore(snap);
      ring.dropOldest();
      ring.add(snap);
      head = at;
      lastSnapshotAt = at;
      current.runtime.setTrace(traced.nodeId, traced.listener);
    },
    frame: () => ({ position, head, earliest: lost ? head : (ring.list[0]?.position ?? head), cuts, droppedAfter }),
    recorded() {
      if (lost || journal.start > 0) return null;
      const entries: JournalEntry[] = [];
      for (let i = 0; i < journal.end; i++) entries.push(journal.at(i));
      return entries;
    },
  };
}
