import type { Observable } from './types';

/**
 * A version counter with listeners, the base of the view buffers: a buffer
 * changes many times a frame, views redraw at most once per frame from it.
 */
export class Notifier implements Observable {
  version = 0;
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
