/** `trades`: stock trades, each symbol's price a random walk. */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { tickerLabel } from '../labels';
import { gauss, intBelow, round2, unit } from '../random';
import type { RowSink, StreamSpec } from '../types';

/** Per-symbol state, indexed by symbol id. */
export interface TradesState {
  readonly price: Float64Array;
  /** Each symbol's opening price, which its walk is gently pulled back to. */
  readonly anchor: Float64Array;
  /** Relative price step per trade. */
  readonly volatility: Float64Array;
}

const MIN_PRICE = 0.01;

/** The `trades` stream: symbol, price, volume. */
export const tradesStream: StreamSpec<TradesState> = {
  name: 'trades',
  description:
    'Stock trades: each symbol has a price that follows its own random walk (2 decimals, always positive) and a traded volume.',
  fields: [
    { name: 'symbol', type: 'string', cardinality: (keys) => keys, label: tickerLabel },
    { name: 'price', type: 'number' },
    { name: 'volume', type: 'number' },
  ],
  init(rng: RandomGenerator, keys: number): TradesState {
    const price = new Float64Array(keys);
    const volatility = new Float64Array(keys);
    for (let k = 0; k < keys; k++) {
      const u = unit(rng);
      price[k] = round2(5 + 495 * u * u);
      volatility[k] = 0.0005 + unit(rng) * 0.002;
    }
    return { price, anchor: price.slice(), volatility };
  },
  fill(state: TradesState, rng: RandomGenerator, sink: RowSink, start: number, end: number): void {
    const { price, anchor, volatility } = state;
    const symbol = sink.ids[0]!;
    const [priceOut, volume] = [sink.num[0]!, sink.num[1]!];
    for (let r = start; r < end; r++) {
      const k = intBelow(rng, price.length);
      // Multiplicative steps (bounded below 1 in size) keep the price positive; the
      // weak pull to the anchor stops a million-step walk from drifting to pennies.
      let p = price[k]! * (1 + volatility[k]! * gauss(rng));
      p += (anchor[k]! - p) * 1e-4;
      price[k] = p;
      symbol[r] = k;
      priceOut[r] = Math.max(MIN_PRICE, round2(p));
      // Mostly odd lots, sometimes round lots of hundreds.
      volume[r] = unit(rng) < 0.7 ? 1 + intBelow(rng, 99) : 100 * (1 + intBelow(rng, 50));
    }
  },
};
