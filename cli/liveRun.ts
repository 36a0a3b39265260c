/**
 * Running a document with WebSocket sources in Node: each source's URL is
 * opened with `ws`, its messages feed the runtime's MessageSource, and the
 * runtime is stepped between messages. A source ends when its server closes
 * the connection, at --limit events, or when the run is aborted (Ctrl+C), so
 * its windows flush like at the end of a file. A plain source does not
 * reconnect unless its params give a retry policy (a CLI run measures what
 * one connection delivered; a reconnect would skip or repeat events); a log-
 * mode source reconnects by its policy (default: 5 retries) from its position,
 * `from=offsets:...`, so a lost connection or a restarted server costs no
 * event and repeats none.
 */
import type { WebSocket } from 'ws';
import type { ExecutionPlan, WebsocketSourceSpec } from '../src/engine/plan/types';
import type { Runtime } from '../src/engine/run/runtime';
import type { DeadLetter } from '../src/engine/sources/websocket/types';
import type { ResultOutput } from './out';
import { stepWithFiles } from '../src/engine/run/stepWithFiles';
import { logConnectUrl, streamsApiOf, topicPartitions } from '../src/engine/sources/websocket/logAddress';
import type { MessageSource } from '../src/engine/sources/websocket/types';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from '../src/model';

/** A live run's end: the sources that ended abnormally, and an error that stopped it early. */
export interface LiveRunResult {
  readonly failures: readonly string[];
  readonly error?: unknown;
}

export interface LiveRunOptions {
  /** After every step (warnings as they come). */
  readonly afterStep: () => void;
  /** Between two steps of the loop only (a checkpoint may be taken then; not after a failed step). */
  readonly between?: () => void;
  /** Ends every WebSocket source (what is queued still flows). */
  readonly signal?: AbortSignal;
  /** How the connection of a source went, for standard error. */
  readonly report: (line: string) => void;
  /** Uniform in [0, 1), for the retries' jitter (tests pin it). */
  readonly random?: () => number;
}

/** The policy a source reconnects by in the CLI, or null: plain sources without one end with their connection. */
function policyOf(spec: WebsocketSourceSpec): RetryPolicy | null {
  return spec.retry ?? (spec.log === undefined ? null : DEFAULT_RETRY_POLICY);
}

/** Log mode: the topic's partitions, so each holds the watermark before its first event (none known when the server has no list). */
async function learnPartitions(spec: WebsocketSourceSpec, source: MessageSource): Promise<void> {
  const api = spec.log === undefined ? null : streamsApiOf(spec.url);
  if (api === null) return;
  try {
    const response = await fetch(api.api);
    const partitions = response.ok ? topicPartitions(await response.json(), api.topic) : null;
    if (partitions !== null) source.expectPartitions(partitions);
  } catch {
    // Without the list, partitions count from their first event.
  }
}

/** Waits for the next message or close of any source, or `ms`, whichever comes first. */
function createWaker(): { wake(): void; wait(ms: number): Promise<void> } {
  let resolve: (() => void) | null = null;
  return {
    wake() {
      resolve?.();
      resolve = null;
    },
    wait(ms) {
      return new Promise<void>((done) => {
        const timer = setTimeout(() => { resolve = null; done(); }, ms);
        resolve = () => { clearTimeout(timer); done(); };
      });
    },
  };
}

const yieldTurn = (): Promise<void> => new Promise((done) => setImmediate(done));

/**
 * Runs `runtime` (of `plan`) until every source has ended, its file sources
 * read as it goes and its results written to `output` by the runtime's host.
 */
export async function runLive(plan: ExecutionPlan, runtime: Runtime, output: ResultOutput, options: LiveRunOptions): Promise<LiveRunResult> {
  // Loaded only for a document with a WebSocket source: most runs never need it.
  const { WebSocket } = await import('ws');
  const waker = createWaker();
  const sockets: { socket: WebSocket | null; resumeBelow: number; queued: () => number }[] = [];
  /** Sources whose connection failed or closed with anything but 1000 ("end of stream") before we ended it. */
  const failures: string[] = [];
  /** Set once the run ends the connections itself (end of run, --limit, Ctrl+C): their closes are no failure. */
  let ending = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const random = options.random ?? Math.random;
  for (const step of plan.steps) {
    if (step.type !== 'websocketSource') continue;
    const spec = step.spec;
    const source = runtime.messageSources.get(step.nodeId)!;
    const entry: (typeof sockets)[number] = { socket: null, resumeBelow: spec.queueLimit / 4, queued: () => source.stats().queued };
    sockets.push(entry);
    const policy = policyOf(spec);
    let attempt = 0;
    const connect = (): void => {
      const url = spec.log === undefined ? spec.url : logConnectUrl(spec.url, source.position() ?? spec.log.from);
      const socket = new WebSocket(url);
      entry.socket = socket;
      let failure = '';
      socket.on('open', () => options.report(`node '${step.nodeId}': connected to ${url}`));
      socket.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        attempt = 0;
        source.offer(Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8'));
        // Back-pressure instead of drops: unlike a live view, a CLI run wants every event.
        if (source.stats().queued >= spec.queueLimit / 2) socket.pause();
        waker.wake();
      });
      socket.on('error', (error) => { failure = error.message; });
      socket.on('close', (code, reason) => {
        const why = failure !== '' ? `cannot read ${url}: ${failure}` : `connection closed (code ${code}${reason.length > 0 ? `: ${reason.toString()}` : ''})`;
        options.report(`node '${step.nodeId}': ${why}`);
        const failed = !ending && (failure !== '' || code !== 1000);
        // 1008 and its kind refuse the request itself: asking again would be refused again.
        const refused = [1002, 1003, 1007, 1008, 1009, 1010].includes(code);
        if (failed && policy !== null && !refused && attempt < policy.retries) {
          const delay = retryDelayMs(policy, ++attempt, random());
          options.report(`node '${step.nodeId}': retry ${attempt} of ${policy.retries} in ${(delay / 1000).toFixed(1)} s`);
          const timer = setTimeout(() => { timers.delete(timer); if (!ending) connect(); }, delay);
          timers.add(timer);
          return;
        }
        if (failed) failures.push(`node '${step.nodeId}': ${why}${attempt > 0 ? `, after ${attempt} ${attempt === 1 ? 'retry' : 'retries'}` : ''}`);
        source.close();
        waker.wake();
      });
    };
    await learnPartitions(spec, source);
    connect();
  }
  const stop = (): void => {
    ending = true;
    for (const timer of timers) clearTimeout(timer);
    for (const source of runtime.messageSources.values()) source.close();
    waker.wake();
  };
  options.signal?.addEventListener('abort', stop);
  const batchSize = 4096;
  let error: unknown;
  try {
    while (await stepWithFiles(runtime, batchSize)) {
      options.afterStep();
      options.between?.();
      if (output.waiting) await output.drain();
      for (const s of sockets) if (s.socket !== null && s.socket.isPaused && s.queued() < s.resumeBelow) s.socket.resume();
      // A file source beside the live ones reads on without waiting for messages.
      const starving = [...runtime.messageSources.values()].every((s) => s.stats().queued === 0)
        && [...runtime.fileSources.values()].every((f) => f.progress.done && f.buffered === 0);
      // Messages only arrive while the event loop turns: wait for one when there is nothing to do.
      await (starving ? waker.wait(100) : yieldTurn());
    }
  } catch (thrown) {
    // The caller writes what was computed so far and says what happened.
    error = thrown ?? new Error('the run failed');
  } finally {
    options.afterStep();
    ending = true;
    for (const timer of timers) clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
    for (const { socket } of sockets) if (socket !== null && (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)) socket.terminate();
  }
  for (const [id, source] of runtime.messageSources) {
    const stats = source.stats();
    if (stats.deadLetters > 0) options.report(`node '${id}': ${stats.deadLetters} unreadable messages or events (last: ${lastDeadLetter(stats.lastDeadLetters.at(-1))})`);
    if (stats.dropped > 0) options.report(`node '${id}': ${stats.dropped} events dropped because the queue was full`);
  }
  return { failures, ...(error === undefined ? {} : { error }) };
}

/** The last dead letter as the CLI prints it: which message, and why. */
function lastDeadLetter(letter: DeadLetter | undefined): string {
  return letter === undefined ? '' : `message ${letter.message}: ${letter.reason}`;
}
