import { useEffect, useRef, useState } from 'react';
import type { FlinkExportResult } from '../../flinkSql/types';
import { toPipelineJson } from '../store/documentFormat';
import type { EditorDocument } from '../store/types';
import { exportOptions, type ConnectorChoices } from './connectors';
import { exportInWorker } from './exportClient';

/** Edits closer together than this export once, after the last. */
export const EXPORT_DEBOUNCE_MS = 150;

/**
 * Whether two documents export the same script: they differ at most in node
 * positions. A drag replaces the document on every frame but keeps each
 * node's params object and the edges, so this spares sixty exports a second.
 */
export function sameForExport(a: EditorDocument, b: EditorDocument): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i]!;
    return n.id === m.id && n.kind === m.kind && n.name === m.name && n.params === m.params;
  });
}

/** The export of `doc`, in the worker, as the pipeline format writes it (the exporter reads raw documents, as the CLI's files). */
export function exportDocument(doc: EditorDocument, choices: ConnectorChoices): Promise<FlinkExportResult> {
  return exportInWorker(toPipelineJson(doc), exportOptions(doc, choices));
}

export interface LiveExport {
  readonly result: FlinkExportResult | null;
  /** How long the last export took, from asking the worker to its answer, in milliseconds (shown to no one; the panel puts it on a data attribute for measuring). */
  readonly ms: number;
  /** What the exporter threw (a bug of ours): the panel throws it again while rendering, for its error boundary. */
  readonly error?: unknown;
}

/**
 * The export of the open document, kept up to date: computed in a worker,
 * at once when the panel opens and then {@link EXPORT_DEBOUNCE_MS} after the
 * last edit. Moving nodes exports nothing; an answer to an older document
 * than the one last asked about is dropped.
 */
export function useFlinkExport(doc: EditorDocument, choices: ConnectorChoices): LiveExport {
  const [live, setLive] = useState<LiveExport>({ result: null, ms: 0 });
  const last = useRef<{ doc: EditorDocument; choices: ConnectorChoices } | null>(null);
  const asked = useRef(0);
  useEffect(() => {
    const previous = last.current;
    if (previous !== null && previous.choices === choices && sameForExport(previous.doc, doc)) return undefined;
    const timer = setTimeout(() => {
      const started = performance.now();
      last.current = { doc, choices };
      const mine = ++asked.current;
      exportDocument(doc, choices).then(
        (result) => {
          if (mine === asked.current) setLive({ result, ms: performance.now() - started });
        },
        (error: unknown) => {
          if (mine === asked.current) setLive({ result: null, ms: performance.now() - started, error });
        },
      );
    }, previous === null ? 0 : EXPORT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [doc, choices]);
  // Answers that come after the panel closed are dropped too.
  useEffect(() => () => {
    asked.current = -1;
  }, []);
  return live;
}
