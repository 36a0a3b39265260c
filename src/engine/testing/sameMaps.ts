import { runInThisContext } from 'node:vm';
import { buildHotStates, isDescription, stateObjects } from './hotStates';

/*
 * Run by hotState.test.ts as `node --allow-natives-syntax --import tsx
 * src/engine/testing/sameMaps.ts`: builds the window operators' state in two
 * runs, as two pipeline runs do, and prints as JSON the paths whose objects
 * do not share V8's hidden class (map) between the runs. A changed map is what
 * deoptimised the fold loops from the second run on (see FastRun in
 * window/fastFold.ts).
 */

// Natives syntax is V8's, not JavaScript's: compiled by V8 directly so no TypeScript tool parses it.
const haveSameMap = runInThisContext('(function (a, b) { return %HaveSameMap(a, b); })') as (a: object, b: object) => boolean;

class Probe {
  x = 0;
}
// The probe must tell maps apart, or an empty report would mean nothing.
const working = haveSameMap(new Probe(), new Probe()) && !haveSameMap(new Probe(), { x: 0 });

const first = buildHotStates();
const second = buildHotStates();
const differ: { path: string; type: string }[] = [];
let compared = 0;
for (let i = 0; i < first.length; i++) {
  const [name, a] = first[i]!;
  const b = stateObjects(second[i]![1], name);
  for (const [path, x] of stateObjects(a, name)) {
    const y = b.get(path);
    if (y === undefined || isDescription(path)) continue;
    compared++;
    if (!haveSameMap(x, y)) differ.push({ path, type: (Object.getPrototypeOf(x) as { constructor?: { name?: string } } | null)?.constructor?.name ?? '?' });
  }
}
process.stdout.write(JSON.stringify({ working, compared, differ }));
