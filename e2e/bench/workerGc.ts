/**
 * The garbage collections of a Chrome trace, by thread: how many major and
 * minor collections the page's Web Worker ran and for how long, and the CPU
 * the renderer's background threads spent on collection work (concurrent
 * marking, sweeping) for the page and the worker together. Used by
 * fileLongTasksProfile.ts; `tsx e2e/bench/workerGc.ts TRACE.json` reads a
 * trace it wrote.
 */
import { readFileSync } from 'node:fs';

export interface GcTraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; value?: unknown } }

interface Tally { count: number; wallMs: number; cpuMs: number }

function tally(events: readonly GcTraceEvent[]): Tally {
  return {
    count: events.length,
    wallMs: events.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000,
    cpuMs: events.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000,
  };
}

const show = (label: string, t: Tally): string => `${label} ${t.count} (${t.wallMs.toFixed(0)} ms wall, ${t.cpuMs.toFixed(0)} ms CPU)`;

/** Collection work done beside the thread that owns the heap (needs the disabled-by-default-v8.gc category). */
const isBackgroundGc = (name: string): boolean => name.startsWith('V8.GC_') && name.includes('BACKGROUND');

/** One line per Web Worker that collected (major and minor collections, what started the marking) and one per page (with the background collection work of its renderer). */
export function workerGcLines(events: readonly GcTraceEvent[]): string[] {
  const names = events.filter((e) => e.name === 'thread_name' && e.ph === 'M');
  const workers = names.filter((e) => e.args?.name === 'DedicatedWorker thread');
  const mains = names.filter((e) => e.args?.name === 'CrRendererMain');
  const lines: string[] = [];
  for (const w of workers) {
    const on = events.filter((e) => e.pid === w.pid && e.tid === w.tid && e.ph === 'X');
    const major = tally(on.filter((e) => e.name === 'MajorGC'));
    const minor = tally(on.filter((e) => e.name === 'MinorGC'));
    // The app starts several workers; one that never collected is not the run's.
    if (major.count + minor.count === 0) continue;
    const reasons = new Map<string, number>();
    for (const e of on) {
      if (e.name !== 'V8.GCIncrementalMarkingStart') continue;
      const reason = (e.args as { value?: { reason?: string } } | undefined)?.value?.reason ?? 'unknown';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    const why = [...reasons].map(([r, n]) => `${n} ${r}`).join(', ');
    lines.push(`Worker (pid ${w.pid} tid ${w.tid}): ${show('major GCs', major)}; ${show('minor GCs', minor)}${why === '' ? '' : `; marking started by: ${why}`}`);
  }
  for (const m of mains) {
    const on = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X');
    if (!on.some((e) => e.name === 'RunTask')) continue;
    const major = tally(on.filter((e) => e.name === 'MajorGC'));
    const minor = tally(on.filter((e) => e.name === 'MinorGC'));
    const background = tally(events.filter((e) => e.pid === m.pid && e.ph === 'X' && e.tid !== m.tid && !workers.some((w) => w.tid === e.tid) && isBackgroundGc(e.name)));
    lines.push(`Page (pid ${m.pid}): ${show('major GCs', major)}; ${show('minor GCs', minor)}; ${show('background GC work items', background)}`);
  }
  return lines.length > 0 ? lines : ['no garbage collections found in the trace'];
}

if (process.argv[1]?.endsWith('workerGc.ts') === true) {
  const path = process.argv[2];
  if (path === undefined) throw new Error('usage: tsx e2e/bench/workerGc.ts TRACE.json');
  const trace = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: GcTraceEvent[] };
  console.log(workerGcLines(trace.traceEvents).join('\n'));
}
