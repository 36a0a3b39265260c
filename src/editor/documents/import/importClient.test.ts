import { describe, expect, it } from 'vitest';
import { createImporter, type ImportWorker } from './importClient';
import type { ImportProgress, ImportResult } from './readImport';

/** A fake import worker whose answers the test gives; it records whether it was ended. */
function fakeWorkers() {
  const started: { terminated: boolean; answer: (r: ImportResult) => void; crash: (m: string) => void }[] = [];
  const start = (onCrash: (message: string) => void): ImportWorker => {
    const entry = { terminated: false, answer: (_r: ImportResult) => undefined as void, crash: onCrash };
    started.push(entry);
    const pending = (): Promise<ImportResult> => new Promise<ImportResult>((resolve) => {
      entry.answer = resolve;
    });
    return {
      api: { readFile: pending, readText: pending } as unknown as ImportWorker['api'],
      terminate: () => {
        entry.terminated = true;
      },
    };
  };
  return { started, start };
}

const ok: ImportResult = { ok: true, doc: { name: 'p', nodes: [], edges: [] } };

describe('the importer', () => {
  it('cancel ends the worker at once and the read resolves as cancelled; the next read gets a fresh worker', async () => {
    const w = fakeWorkers();
    const importer = createImporter(w.start);
    const first = importer.read('{}', () => undefined);
    importer.cancel();
    await expect(first).resolves.toEqual({ ok: false, cancelled: true });
    expect(w.started[0]?.terminated).toBe(true);
    const second = importer.read('{}', () => undefined);
    expect(w.started).toHaveLength(2);
    w.started[1]?.answer(ok);
    await expect(second).resolves.toEqual(ok);
    expect(w.started[1]?.terminated).toBe(false);
  });

  it('a worker that dies mid-read gives a problem saying so, not a read that never ends', async () => {
    const w = fakeWorkers();
    const importer = createImporter(w.start);
    const read = importer.read(new Blob(['{}']), () => undefined);
    w.started[0]?.crash('out of memory');
    await expect(read).resolves.toEqual({ ok: false, problems: [{ path: '', message: 'the import stopped: out of memory' }] });
  });

  it('drops progress that arrives after the answer (it comes on a port of its own)', async () => {
    const w = fakeWorkers();
    let report: ((p: ImportProgress) => void) | null = null;
    const start = (onCrash: (message: string) => void): ImportWorker => {
      const worker = w.start(onCrash);
      const readText = (_text: string, r: (p: ImportProgress) => void) => {
        report = r;
        return (worker.api.readText as unknown as () => Promise<ImportResult>)();
      };
      return { ...worker, api: { ...worker.api, readText } as unknown as ImportWorker['api'] };
    };
    const importer = createImporter(start);
    const seen: string[] = [];
    const read = importer.read('{}', (p) => seen.push(p.stage));
    report!({ stage: 'parsing' });
    w.started[0]?.answer(ok);
    await read;
    report!({ stage: 'checking' });
    expect(seen).toEqual(['parsing']);
  });

  it('refuses a file over the size limit without starting a worker', async () => {
    const w = fakeWorkers();
    const importer = createImporter(w.start);
    const big = { size: 64_000_000 } as Blob;
    const read = await importer.read(big, () => undefined);
    expect(read.ok).toBe(false);
    expect(w.started).toHaveLength(0);
  });
});
