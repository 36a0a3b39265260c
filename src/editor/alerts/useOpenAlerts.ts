import { useCallback, useSyncExternalStore } from 'react';
import { useSinkBuffer } from '../results/SinkBuffers';

const never = () => () => undefined;

/** How many alerts of alert sink `id` are open now (0 while it has no buffer): its tab's badge. */
export function useOpenAlerts(id: string): number {
  const sink = useSinkBuffer(id);
  const buffer = sink?.kind === 'alerts' ? sink.buffer : null;
  const subscribe = useCallback((listener: () => void) => (buffer === null ? never() : buffer.subscribe(listener)), [buffer]);
  return useSyncExternalStore(subscribe, () => buffer?.open() ?? 0);
}
