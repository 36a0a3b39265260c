/** `sensors`: temperature and humidity readings from a fleet of devices. */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { paddedLabel } from '../labels';
import { gauss, intBelow, round2, unit } from '../random';
import type { RowSink, StreamSpec } from '../types';

/** Per-device state: plain typed arrays indexed by device id. */
export interface SensorsState {
  readonly baseTemperature: Float64Array;
  readonly baseHumidity: Float64Array;
  /** A slow, mean-reverting wander per device, so readings are not white noise. */
  readonly drift: Float64Array;
}

/** One reading in a thousand is an anomaly spike (a fault or a fire), for anomaly-detection demos. */
const SPIKE_PROBABILITY = 0.001;

/** The `sensors` stream: device, temperature, humidity. */
export const sensorsStream: StreamSpec<SensorsState> = {
  name: 'sensors',
  description:
    'IoT readings: each device reports a temperature around its own baseline with occasional anomaly spikes, and a humidity.',
  fields: [
    { name: 'device', type: 'string', cardinality: (keys) => keys, label: (id) => paddedLabel('sensor-', 3, id) },
    { name: 'temperature', type: 'number' },
    { name: 'humidity', type: 'number' },
  ],
  init(rng: RandomGenerator, keys: number): SensorsState {
    const baseTemperature = new Float64Array(keys);
    const baseHumidity = new Float64Array(keys);
    for (let k = 0; k < keys; k++) {
      baseTemperature[k] = 16 + unit(rng) * 12;
      baseHumidity[k] = 30 + unit(rng) * 40;
    }
    return { baseTemperature, baseHumidity, drift: new Float64Array(keys) };
  },
  fill(state: SensorsState, rng: RandomGenerator, sink: RowSink, start: number, end: number): void {
    const { baseTemperature, baseHumidity, drift } = state;
    const keys = drift.length;
    const device = sink.ids[0]!;
    const temperature = sink.num[0]!;
    const humidity = sink.num[1]!;
    for (let r = start; r < end; r++) {
      const k = intBelow(rng, keys);
      const d = drift[k]! * 0.98 + gauss(rng) * 0.1;
      drift[k] = d;
      let t = baseTemperature[k]! + d + gauss(rng) * 0.3;
      if (unit(rng) < SPIKE_PROBABILITY) t += 15 + unit(rng) * 25;
      const h = baseHumidity[k]! - d * 2 + gauss(rng) * 1.5;
      device[r] = k;
      temperature[r] = round2(t);
      humidity[r] = round2(h < 0 ? 0 : h > 100 ? 100 : h);
    }
  },
};
