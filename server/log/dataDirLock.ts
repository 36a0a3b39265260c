/**
 * One server per data directory: two appending to the same segment files would
 * interleave their records. `DIR/LOCK` holds the owner's pid, created
 * exclusively; a lock whose process is gone (a killed server) is taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/** Whether a process with `pid` runs (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks this process holds (a LOCK naming our own pid is ours only if listed: a restarted container reuses pids). */
const held = new Set<string>();

/** Takes the lock of `dir`; throws, naming the owner, when a running process holds it. Returns the release. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      return () => {
        held.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      const running = owner === process.pid ? held.has(path) : Number.isInteger(owner) && owner > 0 && alive(owner);
      if (running) {
        throw new Error(`the data directory ${dir} is in use by process ${owner} (another sample server); pass --data-dir DIR or --no-topics`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock the data directory ${dir}`);
}
