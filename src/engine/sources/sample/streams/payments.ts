/** `payments`: card payments with occasional fraud bursts. */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { paddedLabel } from '../labels';
import { cumulativeWeights, intBelow, pickWeighted, round2, unit } from '../random';
import type { RowSink, StreamSpec } from '../types';

/** Home country per card, and the fraud burst under way (card -1 when none). */
export interface PaymentsState {
  readonly homeCountry: Int32Array;
  burstCard: number;
  burstLeft: number;
  burstCountry: number;
}

const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'NL', 'ES', 'IT', 'CA', 'SE', 'PL', 'BR', 'MX', 'IN', 'JP', 'AU', 'NG', 'RU', 'CN'];
const HOME_WEIGHTS = cumulativeWeights([30, 12, 12, 10, 6, 6, 6, 6, 3, 3, 2, 1, 1, 1, 1, 0, 0, 0]);
const MERCHANTS = [
  'Acme Grocery', 'Blue Bottle Cafe', 'City Fuel', 'Cornerstone Books', 'Daily Pharmacy', 'Electro World',
  'Fresh Market', 'Globe Airlines', 'Harbor Hotel', 'Metro Transit', 'Nimbus Cloud', 'Northwind Outfitters',
  'Pixel Games', 'Quick Burger', 'Riverside Cinema', 'Sunrise Bakery', 'Tailspin Toys', 'Urban Threads',
  'Vista Streaming', 'Wide World Importers',
];
/** A burst starts on about one payment in 5000: rare against the normal traffic. */
const BURST_START_PROBABILITY = 0.0002;
/** Share of burst payments made from abroad. */
const BURST_FOREIGN_PROBABILITY = 0.8;

function otherCountry(rng: RandomGenerator, home: number): number {
  const other = intBelow(rng, COUNTRIES.length - 1);
  return other >= home ? other + 1 : other;
}

/** The `payments` stream: card, merchant, amount, country. */
export const paymentsStream: StreamSpec<PaymentsState> = {
  name: 'payments',
  description:
    'Card payments with a currency amount and country; now and then a stolen card makes a burst of many payments in a short time, usually from abroad.',
  fields: [
    { name: 'card', type: 'string', cardinality: (keys) => keys, label: (id) => paddedLabel('card-', 5, id) },
    { name: 'merchant', type: 'string', cardinality: () => MERCHANTS.length, label: (id) => MERCHANTS[id] ?? '?' },
    { name: 'amount', type: 'number' },
    { name: 'country', type: 'string', cardinality: () => COUNTRIES.length, label: (id) => COUNTRIES[id] ?? '??' },
  ],
  init(rng: RandomGenerator, keys: number): PaymentsState {
    const homeCountry = new Int32Array(keys);
    for (let k = 0; k < keys; k++) homeCountry[k] = pickWeighted(rng, HOME_WEIGHTS);
    return { homeCountry, burstCard: -1, burstLeft: 0, burstCountry: 0 };
  },
  fill(state: PaymentsState, rng: RandomGenerator, sink: RowSink, start: number, end: number): void {
    const home = state.homeCountry;
    const [card, merchant, country] = [sink.ids[0]!, sink.ids[1]!, sink.ids[2]!];
    const amount = sink.num[0]!;
    for (let r = start; r < end; r++) {
      merchant[r] = intBelow(rng, MERCHANTS.length);
      // Burst payments take every other slot, so a burst is dense next to the card's usual pace.
      if (state.burstLeft > 0 && unit(rng) < 0.5) {
        card[r] = state.burstCard;
        country[r] = unit(rng) < BURST_FOREIGN_PROBABILITY ? state.burstCountry : home[state.burstCard]!;
        amount[r] = round2(20 + unit(rng) * 480);
        state.burstLeft--;
        continue;
      }
      if (state.burstLeft === 0 && unit(rng) < BURST_START_PROBABILITY) {
        state.burstCard = intBelow(rng, home.length);
        state.burstLeft = 8 + intBelow(rng, 23);
        state.burstCountry = otherCountry(rng, home[state.burstCard]!);
      }
      const k = intBelow(rng, home.length);
      card[r] = k;
      // A few payments abroad are legitimate travel, so country alone does not flag fraud.
      country[r] = unit(rng) < 0.03 ? otherCountry(rng, home[k]!) : home[k]!;
      const u = unit(rng);
      amount[r] = round2(1 + 120 * u * u + (u > 0.97 ? unit(rng) * 900 : 0));
    }
  },
};
