/**
 * Runs one benchmark case as its own process under /usr/bin/time -v: wall
 * seconds from spawn to exit (start-up included, as a user waits for it) and
 * the peak resident set size the kernel recorded (VmHWM of the process).
 */
import { spawn } from 'node:child_process';

export interface ProcessRun {
  readonly seconds: number;
  /** Peak resident set size in MB (10^6 bytes). */
  readonly peakMb: number;
  readonly code: number | null;
  readonly stdout: string;
  /** The process's own standard error, without time's report. */
  readonly stderr: string;
}

const PEAK = /Maximum resident set size \(kbytes\): (\d+)/;

/** Runs `node ARGS` and measures it. */
export function runMeasured(args: readonly string[]): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => { stdout += text; });
    child.stderr.setEncoding('utf8').on('data', (text: string) => { stderr += text; });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const report = stderr.lastIndexOf('\tCommand being timed:');
      const peak = PEAK.exec(stderr.slice(Math.max(0, report)));
      resolve({ seconds, peakMb: peak === null ? NaN : (Number(peak[1]) * 1024) / 1e6, code, stdout, stderr: report < 0 ? stderr : stderr.slice(0, report) });
    });
  });
}
