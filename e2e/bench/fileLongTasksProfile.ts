/**
 * What the page's long tasks are while a big CSV runs at Max (the browser
 * file benchmark's run): a Chrome trace of the page plus a CPU profile,
 * then, per long task (> 50 ms), its top-level trace events by name and the
 * JavaScript functions sampled inside it (self time); then the tasks that
 * took over 25 ms of the main thread's CPU (not wall) time, each split into
 * script, style, layout, paint, layerize and resize observers, and how often
 * the page was re-layerized. On a loaded machine a task's wall time is mostly
 * waiting for a core: CPU time says what the page itself costs, and the
 * profiler's samples (wall-clock) are to be read with that in mind. A
 * diagnosis script, not a test: `npx vite build` first (`--minify false` for
 * readable function names), then
 * `tsx e2e/bench/fileLongTasksProfile.ts --mb 100 [--port N] [--out DIR] [--invalidations]`
 * (`--invalidations` adds what invalidated style, layout and paint, and which objects each paint invalidated;
 * `--no-profile` leaves the CPU profiler off, whose sampling takes a core's share on this 2-core machine:
 * each long task then shows its own CPU time against its wall time, and the other threads' CPU beside it).
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPreview, stopPreview } from './previewServer';
import { OBSERVE_LONG_TASKS } from './pageProbes';
import { benchCsvPath, storeBenchFile } from './browserFile';
import { RunControls } from '../pages/RunControls';
import { workerGcLines } from './workerGc';

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const PORT = Number(arg('--port', '4522'));
const MB = Number(arg('--mb', '100'));
const OUT = arg('--out', '/tmp/windowpane-longtasks');
const CSV = benchCsvPath(MB);
const PROFILE = !process.argv.includes('--no-profile');

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string } }
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] }
const EMPTY_PROFILE: Profile = { nodes: [], startTime: 0, samples: [], timeDeltas: [] };

async function main(): Promise<void> {
  if (!existsSync(CSV)) throw new Error(`${CSV} is missing: run npm run bench:browserfile -- --mb ${MB} once`);
  mkdirSync(OUT, { recursive: true });
  const server = await startPreview(PORT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = await context.newPage();
    await page.goto(`http://localhost:${PORT}`);
    await storeBenchFile(page, CSV);
    const run = new RunControls(page);
    await run.setSpeed('max');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.gc', 'blink', 'disabled-by-default-devtools.timeline', ...(process.argv.includes('--invalidations') ? ['disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-blink.invalidation'] : [])] });
    if (PROFILE) await cdp.send('Profiler.start');
    await page.evaluate(() => { (window as unknown as { benchLongTasks: unknown[] }).benchLongTasks = []; });
    const started = Date.now();
    await run.runButton.click();
    let shot = 0;
    for (;;) {
      const phase = await run.status.getAttribute('data-phase');
      if (phase === 'finished' || phase === 'failed') break;
      if (shot < 2 && Date.now() - started > 2000 + shot * 3000) await page.screenshot({ path: join(OUT, `during-${shot++}.png`) });
      await sleep(250);
    }
    const seconds = (Date.now() - started) / 1000;
    const { profile } = PROFILE ? (await cdp.send('Profiler.stop')) as unknown as { profile: Profile } : { profile: EMPTY_PROFILE };
    const trace = await browser.stopTracing();
    await page.screenshot({ path: join(OUT, 'after.png') });
    writeFileSync(join(OUT, 'trace.json'), trace);
    writeFileSync(join(OUT, 'profile.cpuprofile'), JSON.stringify(profile));
    const events = await run.events();
    console.log(`rows: ${events.toLocaleString('en-US')} in ${seconds.toFixed(1)} s: ${Math.round(events / seconds).toLocaleString('en-US')} rows/s`);
    report(JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }, profile);
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

function report(trace: { traceEvents: TraceEvent[] }, profile: Profile): void {
  const events = trace.traceEvents;
  const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.tid === e.tid && x.name === 'RunTask' && (x.dur ?? 0) > 0 && x.pid === e.pid));
  if (mainTid === undefined) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === mainTid.pid && e.tid === mainTid.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000).sort((a, b) => a.ts - b.ts);
  // Samples with their times (µs, the trace's clock) and their function (self).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const totals = new Map<string, number>();
  const lines: string[] = [`${tasks.length} long tasks (RunTask > 50 ms) on the page's main thread`];
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const children = new Map<string, number>();
    for (const e of onMain) {
      if (e === task || e.ts < task.ts || e.ts >= end || (e.dur ?? 0) < 1000) continue;
      children.set(e.name, (children.get(e.name) ?? 0) + e.dur!);
    }
    const fns = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      if (times[i]! < task.ts || times[i]! >= end) continue;
      const n = byId.get(profile.samples[i]!)!;
      const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      const dt = (times[i + 1] ?? times[i]!) - times[i]!;
      fns.set(name, (fns.get(name) ?? 0) + dt);
      totals.set(name, (totals.get(name) ?? 0) + dt);
    }
    const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join('; ');
    lines.push(`${(task.dur! / 1000).toFixed(0)} ms (${((task.tdur ?? 0) / 1000).toFixed(0)} ms CPU) at ${((task.ts - tasks[0]!.ts) / 1e6).toFixed(2)} s\n  events: ${top(children, 8)}\n  js: ${top(fns, 6)}\n  other threads' CPU meanwhile: ${otherThreads(events, task, mainTid)}`);
  }
  lines.push(`JS self time inside long tasks, all: ${[...totals].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`).join('; ')}`);
  lines.push(...byCpu(onMain));
  lines.push(...workerGcLines(events));
  const text = lines.join('\n');
  writeFileSync(join(OUT, 'report.txt'), text);
  console.log(text);
}

/** The CPU time (ms) other threads' tasks spent within `task`'s wall time, the busiest first: what the page waited behind. */
function otherThreads(events: TraceEvent[], task: TraceEvent, main: TraceEvent): string {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}/${e.tid}`, e.args?.name ?? String(e.tid)]));
  const from = task.ts;
  const to = task.ts + task.dur!;
  const cpu = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask' || (e.pid === main.pid && e.tid === main.tid)) continue;
    const overlap = Math.min(to, e.ts + (e.dur ?? 0)) - Math.max(from, e.ts);
    if (overlap <= 0) continue;
    const name = names.get(`${e.pid}/${e.tid}`) ?? `${e.pid}/${e.tid}`;
    cpu.set(name, (cpu.get(name) ?? 0) + ((e.tdur ?? 0) * overlap) / Math.max(1, e.dur ?? 1) / 1000);
  }
  return [...cpu].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join('; ');
}

/** What each phase of a task is called in the trace: the outermost event of each counts. */
const PHASES = new Map([
  ['FireAnimationFrame', 'frame callbacks'], ['HandlePostMessage', 'messages'], ['TimerFire', 'timers'], ['EventDispatch', 'input'],
  ['UpdateLayoutTree', 'style'], ['Layout', 'layout'], ['PrePaint', 'prepaint'], ['LocalFrameView::RunPaintLifecyclePhase', 'paint'],
  ['Layerize', 'layerize'], ['LocalFrameView::NotifyResizeObservers', 'resize observers'], ['Commit', 'commit'],
]);

/** The tasks over 25 ms of main-thread CPU, by phase, and how often the page was layerized anew. */
function byCpu(onMain: TraceEvent[]): string[] {
  const sorted = [...onMain].sort((a, b) => a.ts - b.ts);
  const first = sorted[0]?.ts ?? 0;
  const tasks = sorted.filter((e) => e.name === 'RunTask');
  const lines = ['Tasks over 25 ms of main-thread CPU (wall / CPU ms; CPU by phase; a task with no phase is outside the page, e.g. the profiler or a screenshot):'];
  let at = 0;
  for (const task of tasks) {
    if ((task.tdur ?? 0) < 25_000) continue;
    const end = task.ts + task.dur!;
    while (at < sorted.length && sorted[at]!.ts < task.ts) at++;
    const phases = new Map<string, number>();
    const open: { phase: string; end: number }[] = [];
    for (let i = at; i < sorted.length && sorted[i]!.ts < end; i++) {
      const e = sorted[i]!;
      const phase = PHASES.get(e.name);
      if (phase === undefined) continue;
      // Only the outermost event of a phase: a forced layout inside a layout is not counted twice.
      if (open.some((o) => o.phase === phase && e.ts < o.end)) continue;
      open.push({ phase, end: e.ts + (e.dur ?? 0) });
      phases.set(phase, (phases.get(phase) ?? 0) + (e.tdur ?? 0));
    }
    const split = [...phases].sort((a, b) => b[1] - a[1]).filter(([, us]) => us >= 500).map(([p, us]) => `${p} ${(us / 1000).toFixed(1)}`).join(', ');
    lines.push(`  ${((task.ts - first) / 1e6).toFixed(2)} s: ${(task.dur! / 1000).toFixed(0)} / ${(task.tdur! / 1000).toFixed(0)} ms${split === '' ? '' : `: ${split}`}`);
  }
  const count = (name: string) => onMain.filter((e) => e.name === name).length;
  const cpu = (name: string) => onMain.filter((e) => e.name === name).reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  lines.push(`Main thread: ${(cpu('RunTask') / 1000).toFixed(2)} s CPU in ${count('RunTask')} tasks; layout ${cpu('Layout').toFixed(0)} ms, paint ${cpu('LocalFrameView::RunPaintLifecyclePhase').toFixed(0)} ms, layerize ${cpu('Layerize').toFixed(0)} ms (${count('PaintArtifactCompositor::Update')} full compositing updates of ${count('Layerize')}), frame callbacks ${cpu('FireAnimationFrame').toFixed(0)} ms`);
  return lines;
}

await main();
