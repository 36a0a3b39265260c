import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** A sample server of the test's own, on its own port, that the test can stop and start again. */
export class SampleServerProcess {
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  /** Starts `npx tsx server/main.ts --port N` and waits until /health answers. */
  async start(): Promise<void> {
    if (this.child !== null) throw new Error(`the sample server on port ${this.port} is already running`);
    // Its own process group, so stopping it also stops the node process tsx starts under npx.
    this.child = spawn('npx', ['tsx', 'server/main.ts', '--port', String(this.port), '--no-topics'], {
      cwd: resolve(import.meta.dirname, '..'), detached: true, stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the sample server on port ${this.port} exited with ${this.child.exitCode}`);
      try {
        if ((await fetch(`http://localhost:${this.port}/health`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`the sample server on port ${this.port} did not answer /health within 30 s`);
  }

  /** Stops it (SIGTERM to its process group: clients see code 1001) and waits until it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}
