/** `bids`: Nexmark-style auction bids with hot auctions and hot bidders. */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { cumulativeWeights, intBelow, pickWeighted, round2, unit } from '../random';
import type { RowSink, StreamSpec } from '../types';

/** Per-auction prices and the bidder population. */
export interface BidsState {
  /** Current highest bid per auction: bids climb, as in a real auction. */
  readonly price: Float64Array;
  readonly bidders: number;
}

/** Nexmark numbers its people and auctions from 1000. */
const FIRST_ID = 1000;
/** Half the bids go to the hottest 2% of auctions, as Nexmark's hot-auction ratio skews them. */
const HOT_AUCTION_SHARE = 0.5;
const HOT_AUCTION_FRACTION = 0.02;
const HOT_BIDDER_SHARE = 0.25;
const BIDDERS_PER_AUCTION = 5;
const CHANNELS = ['Google', 'Facebook', 'Baidu', 'Apple', 'Direct'];
const CHANNEL_WEIGHTS = cumulativeWeights([40, 25, 10, 10, 15]);

function skewed(rng: RandomGenerator, n: number, hotShare: number, hotFraction: number): number {
  const hot = Math.max(1, Math.ceil(n * hotFraction));
  return unit(rng) < hotShare ? intBelow(rng, hot) : intBelow(rng, n);
}

/** The `bids` stream: auction, bidder, price, channel. */
export const bidsStream: StreamSpec<BidsState> = {
  name: 'bids',
  description:
    'Nexmark-style auction bids: numeric auction and bidder ids, a climbing bid price and a channel; a few hot auctions receive half of all bids.',
  fields: [
    { name: 'auction', type: 'number' },
    { name: 'bidder', type: 'number' },
    { name: 'price', type: 'number' },
    { name: 'channel', type: 'string', cardinality: () => CHANNELS.length, label: (id) => CHANNELS[id] ?? '?' },
  ],
  init(rng: RandomGenerator, keys: number): BidsState {
    const price = new Float64Array(keys);
    for (let k = 0; k < keys; k++) price[k] = round2(1 + unit(rng) * 99);
    return { price, bidders: keys * BIDDERS_PER_AUCTION };
  },
  fill(state: BidsState, rng: RandomGenerator, sink: RowSink, start: number, end: number): void {
    const { price, bidders } = state;
    const [auction, bidder, priceOut] = [sink.num[0]!, sink.num[1]!, sink.num[2]!];
    const channel = sink.ids[0]!;
    for (let r = start; r < end; r++) {
      const a = skewed(rng, price.length, HOT_AUCTION_SHARE, HOT_AUCTION_FRACTION);
      // Additive raises: a hot auction gets millions of bids, and compounding would overflow.
      const p = round2(price[a]! + 0.5 + unit(rng) * 4.5);
      price[a] = p;
      auction[r] = FIRST_ID + a;
      bidder[r] = FIRST_ID + skewed(rng, bidders, HOT_BIDDER_SHARE, 0.01);
      priceOut[r] = p;
      channel[r] = pickWeighted(rng, CHANNEL_WEIGHTS);
    }
  },
};
