import { useEffect } from 'react';
import type { RunController } from './types';

/** Typing in a field or working in a dialog keeps its keys; F-keys still reach the run. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, dialog, [role="dialog"]') !== null);
}

/**
 * The run's shortcuts: F5 or Ctrl/⌘+Enter runs or pauses, F10 steps one
 * batch and Shift+F10 one event, Shift+F5 stops. F5 would reload the page,
 * so it is taken even while typing.
 */
export function useRunShortcuts(controller: RunController): void {
  useEffect(() => {
    const toggle = (): void => {
      if (controller.store.getState().phase === 'running') controller.pause();
      else controller.run();
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || event.altKey) return;
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === 'F5' && !mod) {
        event.preventDefault();
        if (event.shiftKey) controller.stop();
        else toggle();
      } else if (event.key === 'Enter' && mod && !event.shiftKey && !typing(event.target)) {
        event.preventDefault();
        toggle();
      } else if (event.key === 'F10' && !mod) {
        event.preventDefault();
        controller.step(event.shiftKey ? 'event' : 'batch');
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [controller]);
}
