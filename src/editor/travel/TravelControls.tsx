import './travel.css';
import { useEffect, useMemo, useState } from 'react';
import { formatCount } from '../../charts/format';
import { useRun, useRunController } from '../run/RunProvider';
import type { RunState } from '../run/types';
import { createTravelRequests } from './travelRequests';

const selectTravel = (s: RunState) => s.travel;
const selectPhase = (s: RunState) => s.phase;

function Icon({ d }: { d: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Typing in a field or working in a dialog keeps its keys; F-keys still reach the run. */
const typing = (target: EventTarget | null): boolean => target instanceof HTMLElement && target.closest('dialog, [role="dialog"]') !== null;

/**
 * Time travel beside Step: Step back (a batch; Shift+click or Shift+F9: one
 * event, F9: one batch) and the scrubber over the run so far. Dragging it (or
 * its arrow keys, one event a press) shows the pipeline as it was then; Run
 * or Step goes on from there, dropping the old future.
 */
export function TravelControls() {
  const controller = useRunController();
  const travel = useRun(selectTravel);
  const phase = useRun(selectPhase);
  // The scrubber follows the hand while the worker catches up, then the position it reached.
  const [held, setHeld] = useState<number | null>(null);
  const requests = useMemo(() => createTravelRequests(controller, () => setHeld(null)), [controller]);
  const head = travel?.head ?? 0;
  const earliest = travel?.earliest ?? 0;
  const position = travel?.position ?? 0;
  const canBack = head > 0 && position > earliest && phase !== 'idle';

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'F9' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      event.preventDefault();
      requests.back(event.shiftKey ? 'event' : 'batch');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [requests]);

  const shown = held ?? position;
  const back = head - position;
  const valueText = head === 0 ? 'the run has not moved' : `event ${shown.toLocaleString('en')} of ${head.toLocaleString('en')}${back > 0 ? `, ${back.toLocaleString('en')} back` : ', now'}`;
  return (
    <span className="wp-travel">
      <button type="button" aria-label="Step back" title="Step back one batch (F9); Shift+click or Shift+F9: one event" disabled={!canBack} onClick={(e) => requests.back(e.shiftKey ? 'event' : 'batch')}>
        <Icon d="M19 5v14 M14 5.5v13L5 12z" />
      </button>
      <label className="wp-travel-scrub" title={head === 0 ? 'Time travel: run the pipeline first' : `Time travel: drag to see the run as it was. It can go back to event ${earliest.toLocaleString('en')}.`}>
        <span className="visually-hidden">Run position</span>
        <input
          type="range"
          aria-label="Run position"
          min={earliest}
          max={Math.max(head, earliest + 1)}
          step={1}
          value={shown}
          disabled={head === 0}
          aria-valuetext={valueText}
          onChange={(e) => {
            const next = Number(e.target.value);
            setHeld(next);
            requests.travel(next);
          }}
        />
      </label>
      <output className="wp-travel-at" aria-live="off" data-position={position} data-head={head} data-earliest={earliest}>
        {head === 0 ? '' : back > 0 ? `${formatCount(position)} / ${formatCount(head)}` : formatCount(head)}
      </output>
    </span>
  );
}
