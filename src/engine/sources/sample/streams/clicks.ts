/** `clicks`: page views in user sessions (bursts of clicks separated by idle gaps). */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { paddedLabel } from '../labels';
import { cumulativeWeights, intBelow, pickWeighted, unit } from '../random';
import type { RowSink, StreamSpec } from '../types';

/**
 * A tenth of the users are in a session at any moment (one per slot); each event
 * goes to a random slot. When a session ends its user joins the back of an idle
 * queue and the user at the front starts a new one. So within a session a user
 * clicks about every `slots` events, and between sessions waits about
 * `(keys - slots) * 7` events: gaps some 60 times longer, whatever the rate.
 */
export interface ClicksState {
  readonly slotUser: Int32Array;
  readonly slotLeft: Int32Array;
  readonly slotClicks: Int32Array;
  /** Ring buffer of idle users, oldest first. */
  readonly idle: Int32Array;
  idleHead: number;
  idleCount: number;
}

const PAGES = ['/home', '/search', '/product', '/cart', '/checkout', '/account', '/help'];
const PAGE_WEIGHTS = cumulativeWeights([12, 25, 35, 12, 5, 7, 4]);
const MIN_CLICKS = 2;
const MAX_CLICKS = 12;

function sessionLength(rng: RandomGenerator): number {
  return MIN_CLICKS + intBelow(rng, MAX_CLICKS - MIN_CLICKS + 1);
}

/** The `clicks` stream: user, page. */
export const clicksStream: StreamSpec<ClicksState> = {
  name: 'clicks',
  description:
    'Page views: each user clicks in bursts of 2-12 pages (sessions) separated by idle gaps about 60 times longer than the pauses within a session.',
  fields: [
    { name: 'user', type: 'string', cardinality: (keys) => keys, label: (id) => paddedLabel('user-', 4, id) },
    { name: 'page', type: 'string', cardinality: () => PAGES.length, label: (id) => PAGES[id] ?? '/' },
  ],
  init(rng: RandomGenerator, keys: number): ClicksState {
    const slots = Math.max(1, Math.floor(keys / 10));
    const state: ClicksState = {
      slotUser: new Int32Array(slots),
      slotLeft: new Int32Array(slots),
      slotClicks: new Int32Array(slots),
      idle: new Int32Array(keys),
      idleHead: 0,
      idleCount: keys - slots,
    };
    for (let s = 0; s < slots; s++) {
      state.slotUser[s] = s;
      state.slotLeft[s] = sessionLength(rng);
    }
    for (let u = slots; u < keys; u++) state.idle[u - slots] = u;
    return state;
  },
  fill(state: ClicksState, rng: RandomGenerator, sink: RowSink, start: number, end: number): void {
    const { slotUser, slotLeft, slotClicks, idle } = state;
    const user = sink.ids[0]!;
    const page = sink.ids[1]!;
    for (let r = start; r < end; r++) {
      const s = intBelow(rng, slotUser.length);
      const u = slotUser[s]!;
      user[r] = u;
      // Sessions mostly land on the home page, then wander.
      page[r] = slotClicks[s] === 0 && unit(rng) < 0.7 ? 0 : pickWeighted(rng, PAGE_WEIGHTS);
      slotClicks[s] = slotClicks[s]! + 1;
      const left = slotLeft[s]! - 1;
      if (left > 0) {
        slotLeft[s] = left;
        continue;
      }
      // Queue first, then dequeue: with a single user the same one simply goes on.
      idle[(state.idleHead + state.idleCount) % idle.length] = u;
      slotUser[s] = idle[state.idleHead]!;
      state.idleHead = (state.idleHead + 1) % idle.length;
      slotLeft[s] = sessionLength(rng);
      slotClicks[s] = 0;
    }
  },
};
