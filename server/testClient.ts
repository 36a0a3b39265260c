/** Test helpers: read a stream from a running sample server with a real `ws` client. */
import { WebSocket } from 'ws';

export interface StreamRead {
  readonly messages: string[];
  readonly code: number;
  readonly reason: string;
}

/** Connects to `url` and collects every message until the server closes (or `until` says enough). */
export function readStream(url: string, until: (messages: readonly string[]) => boolean = () => false): Promise<StreamRead> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const messages: string[] = [];
    let done = false;
    socket.on('message', (data) => {
      messages.push(data.toString());
      if (!done && until(messages)) {
        done = true;
        socket.close(1000, 'enough');
      }
    });
    socket.on('close', (code, reason) => resolve({ messages, code, reason: reason.toString() }));
    socket.on('error', reject);
  });
}

/** The events of NDJSON or JSON-array messages, skipping the lines that do not parse. */
export function eventsOf(messages: readonly string[]): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (const message of messages) {
    if (message.startsWith('[')) {
      events.push(...(JSON.parse(message) as Record<string, unknown>[]));
      continue;
    }
    for (const line of message.split('\n')) {
      try {
        events.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // A corrupt message, on purpose.
      }
    }
  }
  return events;
}
