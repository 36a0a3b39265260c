/**
 * `vite preview` of dist/ for the browser benchmark scripts (bench:ui,
 * bench:live): started on its own port, stopped with its whole process group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** Serves dist/ on `port` and resolves once it answers. */
export async function startPreview(port: number): Promise<ChildProcess> {
  const base = `http://localhost:${port}`;
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  stopPreview(server);
  throw new Error(`vite preview did not answer on ${base}`);
}

/** Ends the preview: npx starts vite as a child, so the whole process group it leads. */
export function stopPreview(server: ChildProcess): void {
  if (server.pid === undefined) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch (error) {
    // ESRCH: the group has already gone, which is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
