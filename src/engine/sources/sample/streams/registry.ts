/** The registry of sample streams. */
import type { SampleStreamName, StreamSpec } from '../types';
import { bidsStream } from './bids';
import { clicksStream } from './clicks';
import { paymentsStream } from './payments';
import { sensorsStream } from './sensors';
import { tradesStream } from './trades';

/** Each stream's spec by name (its state type is private to the stream's module). */
export const STREAM_SPECS: Readonly<Record<SampleStreamName, StreamSpec<unknown>>> = {
  sensors: sensorsStream,
  clicks: clicksStream,
  payments: paymentsStream,
  trades: tradesStream,
  bids: bidsStream,
};
