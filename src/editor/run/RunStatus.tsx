import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { countedSinks, resultsOnce, resultsPerSink, type CountedSink } from '../results/resultCount';
import { nodeNameOf, nodeNamesOf } from './nodeNames';
import { useRun } from './RunProvider';
import { eventsFrom, selectDiagnostics, selectFailure, selectLoadProblems, selectPhase, selectWorkerError } from './selectors';

const PHASE_TEXT = { idle: 'Idle', running: 'Running', paused: 'Paused', finished: 'Finished', failed: 'Failed' } as const;

const sourceIds = (s: EditorState): string[] => s.doc.nodes.filter((n) => n.kind.startsWith('source.')).map((n) => n.id);
// A string, so the selector's answer compares equal while the sinks and their inputs stay the same.
const sinksKey = (s: EditorState): string => JSON.stringify(countedSinks(s.doc));
const nodeNames = (s: EditorState): ReadonlyMap<string, string> => nodeNamesOf(s.doc);

// One formatter: toLocaleString builds a new one on every call, which showed in profiles at 10 updates a second.
const NUMBER = new Intl.NumberFormat('en-US');
const count = (n: number): string => NUMBER.format(n);

/**
 * The run's phase as text (with a failure's node and message), and how many
 * events the sources produced and results reached the sinks; the figures are
 * also in data- attributes for tests and tools.
 */
export function RunStatus() {
  const phase = useRun(selectPhase);
  const failure = useRun(selectFailure);
  const problems = useRun(selectLoadProblems);
  const workerError = useRun(selectWorkerError);
  const notes = useRun(selectDiagnostics);
  const sources = useEditor(useShallow(sourceIds));
  const sinksJson = useEditor(sinksKey);
  const sinks = useMemo(() => JSON.parse(sinksJson) as CountedSink[], [sinksJson]);
  const names = useEditor(useShallow(nodeNames));
  const events = useRun(useCallback((s) => eventsFrom(s, sources), [sources]));
  const results = useRun(useCallback((s) => resultsOnce(s, sinks), [sinks]));
  const perSink = useRun(useCallback((s) => resultsPerSink(s, sinks, count), [sinks]));

  let text: string = PHASE_TEXT[phase];
  if (phase === 'failed' && failure !== null) text = `Failed: ${failure.nodeId === null ? '' : `${nodeNameOf(names, failure.nodeId)}: `}${failure.message}`;
  const first = problems[0];
  return (
    <div className="wp-run-status" data-testid="run-status" data-phase={phase} data-events={events} data-results={results}>
      {/* A failure's message may be cut short in the toolbar; its title holds it whole. */}
      <span className="wp-run-phase" role="status" data-phase={phase} title={phase === 'failed' ? text : undefined}>{text}</span>
      {first !== undefined && (
        <span className="wp-run-problem" title={problems.map((p) => p.message).join('\n')}>
          Can't run: {first.message}{problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}
        </span>
      )}
      {workerError !== null && <span className="wp-run-problem wp-run-worker-error" data-testid="run-worker-error" title={workerError}>{workerError}</span>}
      {notes.length > 0 && (
        <span className="wp-run-notes" data-testid="run-notes" title={notes.slice(0, 20).map((d) => `${nodeNameOf(names, d.nodeId)}: ${d.message}`).join('\n')}>
          {notes.length === 1 ? '1 note' : `${notes.length} notes`}
        </span>
      )}
      {phase !== 'idle' && (
        <span className="wp-run-figures">
          {count(events)} events · <span data-testid="run-results" title={`Each result counted once, however many sinks show it. By sink:\n${perSink}`}>{count(results)} results</span>
        </span>
      )}
    </div>
  );
}
