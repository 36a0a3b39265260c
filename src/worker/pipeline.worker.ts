/**
 * The pipeline worker's entry: the API of ./pipelineWorker.ts exposed
 * through comlink, with the real clock and a scheduler that yields to the
 * worker's message queue between slices.
 */
import * as Comlink from 'comlink';
import { createPipelineWorker } from './pipelineWorker';
import type { PipelineWorkerApi } from './protocol';
import type { SchedulerClock } from './scheduler';
import { openWebsocketFeed } from './websocketFeed';

/**
 * setTimeout(0) is clamped to 4 ms once nested, which would idle a flat-out
 * run a third of the time; a MessageChannel post runs right after the
 * messages already queued (comlink calls included), which is exactly the yield wanted.
 */
function createClock(): SchedulerClock {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return {
    now: () => performance.timeOrigin + performance.now(),
    later(task, delayMs) {
      let live = true;
      const run = (): void => {
        if (live) task();
      };
      if (delayMs > 0) {
        const timer = setTimeout(run, delayMs);
        return () => {
          live = false;
          clearTimeout(timer);
        };
      }
      queue.push(run);
      channel.port2.postMessage(null);
      return () => {
        live = false;
      };
    },
  };
}

const worker = createPipelineWorker({ ...createClock(), openFeed: openWebsocketFeed });

const api: PipelineWorkerApi = {
  load: (doc, keepRunning) => worker.load(doc, keepRunning),
  start: () => worker.start(),
  pause: () => worker.pause(),
  step: (unit) => worker.step(unit),
  stop: () => worker.stop(),
  configureCheckpoints: (settings) => worker.configureCheckpoints(settings),
  resume: (checkpoint) => worker.resume(checkpoint),
  setSpeed: (speed) => worker.setSpeed(speed),
  watch: (nodeId) => worker.watch(nodeId),
  checkLessonTasks: (doc, tasks) => worker.checkLessonTasks(doc, tasks),
  compareWhatIf: (request) => worker.compareWhatIf(request),
  whatIfProgress: () => worker.whatIfProgress(),
  cancelWhatIf: () => worker.cancelWhatIf(),
  whatIfTimeline: (run, query) => worker.whatIfTimeline(run, query),
  whatIfTimelineEvent: (run, nodeId, seq) => worker.whatIfTimelineEvent(run, nodeId, seq),
  whatIfTimelineWindow: (run, nodeId, windowId) => worker.whatIfTimelineWindow(run, nodeId, windowId),
  travel: (position) => worker.travel(position),
  stepBack: (unit) => worker.stepBack(unit),
  setBreakpoints: (list) => worker.setBreakpoints(list),
  breakpointHit: () => worker.breakpointHit(),
  lineage: (query) => worker.lineage(query),
  fileProgress: () => worker.fileProgress(),
  drain() {
    const { frame, transfer } = worker.drainWithTransfer();
    return Comlink.transfer(frame, transfer);
  },
  answerDrawing: (giveWayMs) => worker.answerDrawing(giveWayMs),
  answerDrawn: () => worker.answerDrawn(),
  followTimeline: (nodeId, shown) => worker.followTimeline(nodeId, shown),
  timeline: (query) => worker.timeline(query),
  timelineEvent: (nodeId, seq) => worker.timelineEvent(nodeId, seq),
  timelineWindow: (nodeId, windowId) => worker.timelineWindow(nodeId, windowId),
  timelineFindWindow: (nodeId, key, start, end) => worker.timelineFindWindow(nodeId, key, start, end),
};

Comlink.expose(api);
