/**
 * The step note about running: a lesson's inline streams are a few dozen
 * events a second of event time apart, so the lesson sets the run speed to
 * LESSON_SPEED (the timeline fills in seconds yet can still be watched), and
 * while a run goes on it offers to run the pipeline as it is now (Stop, then
 * Run), since Run turns into Pause during a run.
 */
import { useEffect } from 'react';
import type { RunSpeed } from '../../worker/protocol';
import { useRun, useRunController } from '../run/RunProvider';
import { selectPhase, selectSpeed } from '../run/selectors';
import { speedLabel } from '../run/speeds';

export const LESSON_SPEED: RunSpeed = 10;

export function LessonRunNote({ lessonId, active, subject }: {
  readonly lessonId: string;
  /** The lesson's own pipeline is on screen: the speed is set for it. */
  readonly active: boolean;
  /** What the run shows, e.g. "the events of tenSeconds on the timeline under the canvas". */
  readonly subject: string;
}) {
  const controller = useRunController();
  const phase = useRun(selectPhase);
  const speed = useRun(selectSpeed);
  // Once per lesson opened: a learner who picks another speed afterwards keeps it.
  useEffect(() => {
    if (active) controller.setSpeed(LESSON_SPEED);
  }, [active, controller, lessonId]);
  const going = phase === 'running' || phase === 'paused';
  return (
    <div className="wp-learn-step-note">
      <p>
        Press <strong>Run</strong> in the top bar to see {subject}. The run goes at <strong>{speedLabel(speed)}</strong>
        {speed === LESSON_SPEED ? ' (set for lessons, so it ends in seconds)' : ''}; the speed menu beside Run changes it.
      </p>
      {going ? (
        <button type="button" className="wp-docs-button" onClick={() => { controller.stop(); controller.run(); }}>
          Run the changed pipeline
        </button>
      ) : null}
    </div>
  );
}
