/**
 * The timeline of one of a what-if's two runs, as a TimelineSource: the
 * worker recorded it while comparing, and nothing changes after the
 * comparison answered.
 */
import type { RunController } from '../run/types';
import type { TimelineSource } from '../timeline/timelineSource';

export function whatIfTimelineSource(controller: RunController, run: 'a' | 'b'): TimelineSource {
  return {
    frame: (query) => controller.ask((api) => api.whatIfTimeline(run, query)),
    event: (nodeId, seq) => controller.ask((api) => api.whatIfTimelineEvent(run, nodeId, seq)),
    window: (nodeId, id) => controller.ask((api) => api.whatIfTimelineWindow(run, nodeId, id)),
    onChange: () => () => undefined,
  };
}
