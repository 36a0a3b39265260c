/**
 * A quick look at one pipeline against the ceiling, for profiling and for
 * comparing changes on a noisy machine: the two alternate, run after run, so
 * both see the same load, and the ratio is printed per round.
 *
 *   node --import tsx bench/quick.ts P2 [events] [rounds] [batch]
 *   node --cpu-prof --import tsx bench/quick.ts P2 2000000 3
 */
import { runCeiling } from './ceiling';
import { pregenerate } from './inputs';
import { benchInput, compileBench, P1, P2, P3, P4, P5, P5_SHUFFLED, P6, runEngine, type BenchPipeline } from './pipelines';

/** CPU time of this process, ms: steadier than wall time on a machine shared with other work. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
const ALL: BenchPipeline[] = [P1, P2, ...P3, P4, P5, P5_SHUFFLED, P6];
const [id = 'P2', eventsArg = '2000000', roundsArg = '5', batchArg = '8192'] = process.argv.slice(2);
const pipeline = ALL.find((p) => p.id === id);
if (pipeline === undefined) throw new Error(`no pipeline ${id} (have ${ALL.map((p) => p.id).join(', ')})`);
const events = Number(eventsArg);
const bench = compileBench(pipeline, events);
const block = benchInput(pipeline, bench);
const ceilingBlock = pipeline.source === P2.source && pipeline.delay === undefined ? block : pregenerate(compileBench(P2, events).sourceParams);

function time(work: () => void): number {
  const t0 = cpuMs();
  work();
  return cpuMs() - t0;
}

const mps = (ms: number): string => (events / ms / 1000).toFixed(1);
// The fastest run of each is the one least disturbed by the other processes on the machine.
let bestEngine = Infinity;
let bestCeiling = Infinity;
for (let r = 0; r < Number(roundsArg); r++) {
  const engineMs = time(() => runEngine(bench, block, Number(batchArg), false));
  const ceilingMs = time(() => runCeiling(ceilingBlock, false));
  bestEngine = Math.min(bestEngine, engineMs);
  bestCeiling = Math.min(bestCeiling, ceilingMs);
  console.log(`${id} ${mps(engineMs)} M ev/s, ceiling ${mps(ceilingMs)} M ev/s, ratio ${(ceilingMs / engineMs).toFixed(2)}`);
}
console.log(`best: ${id} ${mps(bestEngine)} M ev/s, ceiling ${mps(bestCeiling)} M ev/s, ratio ${(bestCeiling / bestEngine).toFixed(2)}`);
