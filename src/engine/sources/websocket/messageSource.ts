import type { WebsocketSourceSpec } from '../../plan/types';
import type { MessageSource } from './types';

/** Creates the source a host feeds with WebSocket messages. (Being written: see the live-preview issue.) */
export function createMessageSource(nodeId: string, spec: WebsocketSourceSpec): MessageSource {
  throw new Error(`source '${nodeId}' (${spec.url}): WebSocket sources are not implemented yet`);
}
