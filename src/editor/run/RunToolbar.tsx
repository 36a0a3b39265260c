import './run.css';
import { useEffect, useId, useRef, useState } from 'react';
import { speedLabel, SPEEDS, parseSpeed } from './speeds';
import { RunStatus } from './RunStatus';
import { useRun, useRunController } from './RunProvider';
import { selectCommandPending, selectPhase, selectSpeed } from './selectors';
import { useRunShortcuts } from './useRunShortcuts';
import { TravelControls } from '../travel/TravelControls';
import { RunsButton } from '../runs/RunsButton';
import { CheckpointControl } from '../checkpoints/CheckpointControl';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function Icon({ d, filled = false }: { d: string; filled?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * Run / Pause, Step (a batch; Shift+click or the menu for one event), Stop,
 * the speed of sample and file sources, and the run's status. It sits in
 * the app's top bar; its shortcuts work anywhere on the page.
 */
export function RunToolbar() {
  const controller = useRunController();
  const phase = useRun(selectPhase);
  const speed = useRun(selectSpeed);
  const pending = useRun(selectCommandPending);
  const [menu, setMenu] = useState(false);
  const menuId = useId();
  const stepGroup = useRef<HTMLSpanElement>(null);
  useRunShortcuts(controller);
  useEffect(() => {
    if (!menu) return undefined;
    const close = (event: Event): void => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !stepGroup.current?.contains(event.target as Node)) setMenu(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [menu]);
  const running = phase === 'running';
  const step = (unit: 'batch' | 'event'): void => {
    setMenu(false);
    controller.step(unit);
  };
  return (
    <div className="wp-run-toolbar" role="toolbar" aria-label="Run">
      {running ? (
        <button type="button" className="wp-run-main" aria-label="Pause" title={`Pause (F5 or ${MOD}Enter)`} onClick={() => controller.pause()}>
          <Icon d="M8 5v14 M16 5v14" />
          <span>Pause</span>
        </button>
      ) : (
        <button type="button" className="wp-run-main" aria-label="Run" title={`Run (F5 or ${MOD}Enter)`} onClick={() => controller.run()}>
          <Icon d="M7 4.5v15l12-7.5z" filled />
          <span>Run</span>
        </button>
      )}
      <span className="wp-run-step" ref={stepGroup}>
        <button type="button" aria-label="Step" title="Step one batch (F10); Shift+click or Shift+F10: one event" disabled={running} onClick={(e) => step(e.shiftKey ? 'event' : 'batch')}>
          <Icon d="M5 5v14 M10 5.5v13l9-6.5z" />
          <span>Step</span>
        </button>
        <button type="button" className="wp-run-more" aria-label="Step options" aria-expanded={menu} aria-controls={menuId} disabled={running} onClick={() => setMenu((m) => !m)}>
          <Icon d="m7 10 5 5 5-5" />
        </button>
        {menu && (
          <span className="wp-run-menu" id={menuId} role="menu">
            <button type="button" role="menuitem" onClick={() => step('batch')}>One batch <kbd>F10</kbd></button>
            <button type="button" role="menuitem" onClick={() => step('event')}>One event <kbd>Shift+F10</kbd></button>
          </span>
        )}
      </span>
      <TravelControls />
      <button type="button" aria-label="Stop" title="Stop and reset (Shift+F5)" disabled={phase === 'idle' && !pending} onClick={() => controller.stop()}>
        <Icon d="M6 6h12v12H6z" />
      </button>
      <label className="wp-run-speed" title="Speed of sample and file sources, in event time: at 1x a second of event time takes a second. A gap in a file that would take over 3 s to play is skipped, so a sparse file (an event every 5 minutes) runs as fast at any speed">
        <span className="visually-hidden">Speed</span>
        <select aria-label="Speed" value={String(speed)} onChange={(e) => controller.setSpeed(parseSpeed(e.target.value))}>
          {SPEEDS.map((s) => <option key={String(s)} value={String(s)}>{speedLabel(s)}</option>)}
        </select>
      </label>
      <RunsButton />
      <CheckpointControl />
      <RunStatus />
    </div>
  );
}
