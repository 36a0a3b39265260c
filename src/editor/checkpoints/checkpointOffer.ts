/**
 * What the toolbar offers for the open pipeline's newest checkpoint: Resume
 * (it checks out), a message (it cannot be used, and why), or nothing.
 */
import type { PipelineDocument } from '../../model';
import { pipelineVersion } from '../../model';
import { checkCheckpoint, type Checkpoint, type CheckpointProblem } from '../../worker/checkpoints/format';
import type { CheckpointStore } from '../../worker/checkpoints/store';

export type CheckpointOffer =
  | { readonly kind: 'none' }
  | { readonly kind: 'resume'; readonly checkpoint: Checkpoint }
  | { readonly kind: 'unusable'; readonly problem: CheckpointProblem | 'refused'; readonly message: string; readonly takenAt: number | null };

export const NO_OFFER: CheckpointOffer = { kind: 'none' };

/** Reads and checks the newest checkpoint of `documentId` against `doc` (the runnable document, null when it cannot run). */
export async function readOffer(store: CheckpointStore, documentId: string, doc: PipelineDocument | null): Promise<CheckpointOffer> {
  let value: unknown;
  try {
    value = await store.newest(documentId);
  } catch (error) {
    return { kind: 'unusable', problem: 'corrupt', takenAt: null, message: `The checkpoints could not be read: ${error instanceof Error ? error.message : String(error)}.` };
  }
  if (value === undefined) return NO_OFFER;
  if (doc === null) return NO_OFFER;
  const checked = checkCheckpoint(value, { pipelineVersion: pipelineVersion(doc) });
  if (checked.ok) return { kind: 'resume', checkpoint: checked.checkpoint };
  return { kind: 'unusable', problem: checked.problem, message: checked.message, takenAt: checked.takenAt };
}

/** Sources that cannot rewind (a WebSocket not in log mode), by name, for Resume's tooltip. */
export function liveOnlySources(doc: PipelineDocument): string[] {
  return doc.nodes.filter((n) => n.kind === 'source.websocket' && !Object.hasOwn(n.params, 'log')).map((n) => n.name ?? n.id);
}
