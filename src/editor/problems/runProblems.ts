import type { Problem } from '../../model';
import type { RunState } from '../run/types';
import { withoutOwner } from './groupProblems';

/** What a refused run's reasons start with in the Problems panel. */
const CANT_RUN = "Can't run: ";

/**
 * The reasons the last Run could not start, as problems of the panel, less
 * those the document's own problems say already (an invalid parameter is in
 * both). What is left is what only running finds out: a file source without
 * its data, a source that cannot open. Each reads "Can't run: …" under its node.
 */
export function runProblems(refusal: RunState['loadProblems'], listed: readonly Problem[]): Problem[] {
  const known = new Set(listed.map((p) => `${p.nodeId ?? ''}\n${p.message}`));
  return refusal
    .filter((p) => !known.has(`${p.nodeId}\n${p.message}`))
    .map((p) => ({ path: '', message: `${CANT_RUN}${withoutOwner(p.message)}`, ...(p.nodeId === '' ? {} : { nodeId: p.nodeId }) }));
}
