import { useEffect } from 'react';
import { focusedNodeId, ownsKeys } from '../shortcuts/keyTargets';
import { useEditorStore } from '../store/context';
import type { OpenConnect } from './connectCommand';

/**
 * C opens the "Connect" dialog for the node that has the focus, or else
 * the one selected node; with none, `notify` says how to pick one.
 */
export function useConnectShortcut(open: OpenConnect, notify: (message: string) => void): void {
  const store = useEditorStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || ownsKeys(event.target)) return;
      if (event.key.toLowerCase() !== 'c' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      const { selection } = store.getState();
      const id = focusedNodeId() ?? (selection.nodes.length === 1 ? selection.nodes[0]! : null);
      event.preventDefault();
      if (id === null) notify(selection.nodes.length > 1 ? 'Select one node to connect it' : 'Select a node first, then press C to connect it');
      else open(id);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, open, notify]);
}
