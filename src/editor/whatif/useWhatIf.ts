/**
 * Runs a what-if in the worker and follows it: the request goes through
 * RunController.ask (outside the command queue, so Run and Stop stay
 * responsive), its progress is asked for a few times a second.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Comparison, ParamChange } from '../../engine/compare/types';
import { useRunController } from '../run/RunProvider';
import { runnableDocument } from '../run/runGraph';
import { useEditorStore } from '../store/context';
import type { WhatIfProgress } from '../../worker/whatif/whatIfTypes';

export type WhatIfState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly progress: WhatIfProgress | null }
  | { readonly status: 'done'; readonly comparison: Comparison }
  | { readonly status: 'failed'; readonly message: string };

const PROGRESS_MS = 200;

export function useWhatIf(): { state: WhatIfState; compare: (change: ParamChange, limit: number | undefined) => void; cancel: () => void } {
  const controller = useRunController();
  const editor = useEditorStore();
  const [state, setState] = useState<WhatIfState>({ status: 'idle' });
  // Answers of a request replaced or abandoned are not shown.
  const latest = useRef(0);

  const cancel = useCallback(() => {
    latest.current++;
    void controller.ask((api) => api.cancelWhatIf());
    setState({ status: 'idle' });
  }, [controller]);

  const compare = useCallback((change: ParamChange, limit: number | undefined) => {
    const mine = ++latest.current;
    const runnable = runnableDocument(editor.getState().doc);
    if (!runnable.ok) {
      setState({ status: 'failed', message: `the pipeline cannot run: ${runnable.problems.map((p) => p.message).join('; ')}` });
      return;
    }
    setState({ status: 'running', progress: null });
    const request = { doc: runnable.document, change, listAll: true, ...(limit === undefined ? {} : { limit }) };
    const timer = setInterval(() => {
      void controller.ask((api) => api.whatIfProgress()).then((progress) => {
        if (latest.current === mine && progress !== null) setState({ status: 'running', progress });
      });
    }, PROGRESS_MS);
    void (async () => {
      // A page that has not run anything yet has no worker: an empty command starts one.
      let answer = await controller.ask((api) => api.compareWhatIf(request));
      if (answer === null) {
        await controller.send(async () => undefined);
        answer = await controller.ask((api) => api.compareWhatIf(request));
      }
      clearInterval(timer);
      if (latest.current !== mine) return;
      if (answer === null) setState({ status: 'failed', message: 'the pipeline worker was replaced before the comparison ended' });
      else setState(answer.ok ? { status: 'done', comparison: answer.comparison } : { status: 'failed', message: answer.message });
    })().catch((error: unknown) => {
      clearInterval(timer);
      if (latest.current === mine) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
  }, [controller, editor]);

  // Leaving the dialog ends a comparison under way.
  useEffect(() => () => {
    latest.current++;
    void controller.ask((api) => api.cancelWhatIf());
  }, [controller]);

  return { state, compare, cancel };
}
