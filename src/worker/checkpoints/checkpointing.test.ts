import { describe, expect, it } from 'vitest';
import { MidStepError } from '../../engine/run/runtimeSnapshot';
import type { Session } from '../session';
import { createFakeClock } from '../testing/fakeClock';
import { sensorDocument } from '../testing/documents';
import { createCheckpointing } from './checkpointing';
import { memoryCheckpointStore } from './store';

/** Checkpointing around a session whose checkpoint throws `error`: only what the test reaches is real. */
function failingWith(error: Error) {
  const clock = createFakeClock();
  const session = { checkpoint: () => { throw error; }, scheduler: { phase: 'running' } } as unknown as Session;
  const checkpointing = createCheckpointing({ ...clock, store: () => memoryCheckpointStore(), current: () => ({ doc: sensorDocument({ rate: 10 }), session, runId: 7 }) });
  checkpointing.configure({ documentId: 'd', everyMs: 1000 });
  return checkpointing;
}

describe('taking a checkpoint', () => {
  it('says why a checkpoint could not be taken, instead of skipping it silently', () => {
    const checkpointing = failingWith(new Error('snapshot: state.st.x holds an instance of Y, which is not a registered state class'));
    expect(checkpointing.take('interval')).toBeNull();
    expect(checkpointing.note(7)?.error).toBe('The checkpoint could not be taken: snapshot: state.st.x holds an instance of Y, which is not a registered state class');
  });

  it('waits quietly for the next one when asked mid-step', () => {
    const checkpointing = failingWith(new MidStepError('snapshot: only between steps'));
    expect(checkpointing.take('interval')).toBeNull();
    expect(checkpointing.note(7)).toBeNull();
  });
});
