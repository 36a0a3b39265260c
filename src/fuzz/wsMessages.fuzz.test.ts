/** Issue 12, "keep it fixed": WebSocket messages through parseMessage, readRecord and a websocket source's run. */
import { describe } from 'vitest';
import { wsMessageCase } from './gen/wsMessages';
import { fuzzSuite } from './harness/suite';

describe('fuzz: WebSocket messages', () => {
  fuzzSuite('wsMessages', wsMessageCase, 600);
});
