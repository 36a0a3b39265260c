import { useCallback, useEffect, useRef, useState } from 'react';
import { createImporter, type ImportOutcome, type Importer } from './importClient';
import type { ImportView } from './ImportProgress';

/** Resolves after the browser has painted: the "opening" stage shows before the canvas takes the main thread. */
const afterPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Imports through the import worker and keeps what the progress view shows.
 * `read` resolves with the document (still to be opened: call `opening`
 * first, then `done`), its problems, or that it was cancelled.
 */
export function useImport() {
  const importer = useRef<Importer | null>(null);
  const [view, setView] = useState<ImportView | null>(null);
  useEffect(() => {
    const created = createImporter();
    importer.current = created;
    return () => {
      created.dispose();
      importer.current = null;
    };
  }, []);

  const read = useCallback(async (source: Blob | string, name: string): Promise<ImportOutcome> => {
    const current = importer.current;
    if (current === null) return { ok: false, cancelled: true };
    setView({ name, progress: typeof source === 'string' ? { stage: 'parsing' } : { stage: 'reading', loaded: 0, total: source.size } });
    const outcome = await current.read(source, (progress) => setView({ name, progress }));
    if (!outcome.ok) setView(null);
    return outcome;
  }, []);

  const opening = useCallback(async (name: string): Promise<void> => {
    setView({ name, progress: { stage: 'opening' } });
    await afterPaint();
  }, []);
  const done = useCallback(() => setView(null), []);
  const cancel = useCallback(() => importer.current?.cancel(), []);

  return { view, read, opening, done, cancel };
}
