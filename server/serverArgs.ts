/**
 * The sample server's command line:
 *   [--port N] [--host H] [--data-dir DIR] [--partitions N] [--retention-records N|none]
 *   [--retention-age DURATION|none] [--topic NAME:STREAM:N]... [--live-rate N] [--no-live-topics] [--no-topics]
 * with WINDOWPANE_SERVER_PORT as the default port.
 */
import { SAMPLE_STREAMS, type SampleStreamName } from '../src/engine/sources/sample';
import { parseDuration } from '../src/model';
import type { Retention } from './log/partitionLog';
import { TOPIC_NAME } from './log/topicMeta';
import { DEFAULT_PARTITIONS, DEFAULT_RETENTION } from './log/topicStore';

export const DEFAULT_PORT = 8787;
/** Where topics live unless --data-dir says otherwise, relative to the project (git-ignored). */
export const DEFAULT_DATA_DIR = '.windowpane-data';
/** Events per second each live topic's producer appends: a tenth of a stream's default, so five of them write ~75 KB/s. */
export const DEFAULT_LIVE_RATE = 100;

export interface ServerArgs {
  readonly port: number;
  readonly host: string | undefined;
  /** null with --no-topics. */
  readonly dataDir: string | null;
  readonly partitions: number;
  readonly retention: Retention;
  /** Finite topics from --topic NAME:STREAM:N. */
  readonly topics: readonly { readonly name: string; readonly stream: SampleStreamName; readonly limit: number }[];
  /** Events per second of each live topic, or null with --no-live-topics. */
  readonly liveRate: number | null;
}

const USAGE = 'usage: server/main.ts [--port N] [--host H] [--data-dir DIR] [--partitions N] [--retention-records N|none] [--retention-age DURATION|none] [--topic NAME:STREAM:N]... [--live-rate N] [--no-live-topics] [--no-topics]';
const VALUED = new Set(['--port', '--host', '--data-dir', '--partitions', '--retention-records', '--retention-age', '--topic', '--live-rate']);
const SWITCHES = new Set(['--no-live-topics', '--no-topics']);

function integer(flag: string, text: string, min: number, max: number): number | { error: string } {
  const n = Number(text);
  return Number.isInteger(n) && n >= min && n <= max && text.trim() !== '' ? n : { error: `${flag}: expected an integer in ${min}..${max}, got '${text.slice(0, 40)}'` };
}

/** The options from the command line and environment, or a usage error. */
export function parseServerArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ServerArgs | { error: string } {
  let portText = env.WINDOWPANE_SERVER_PORT ?? String(DEFAULT_PORT);
  let host: string | undefined;
  let dataDir: string | null = DEFAULT_DATA_DIR;
  let partitions = DEFAULT_PARTITIONS;
  let { maxRecords, maxAgeMs } = DEFAULT_RETENTION;
  let liveRate: number | null = DEFAULT_LIVE_RATE;
  let noTopics = false;
  const topics: { name: string; stream: SampleStreamName; limit: number }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (SWITCHES.has(flag) && inline === undefined) {
      if (flag === '--no-topics') noTopics = true;
      else liveRate = null;
      continue;
    }
    if (!VALUED.has(flag)) return { error: `unknown argument '${arg.slice(0, 40)}'; ${USAGE}` };
    const value = inline ?? argv[i + 1];
    if (value === undefined) return { error: `${flag} needs a value` };
    if (inline === undefined) i++;
    let checked: number | { error: string } = 0;
    switch (flag) {
      case '--port': portText = value; break;
      case '--host': host = value; break;
      case '--data-dir': dataDir = value; break;
      case '--partitions': checked = integer(flag, value, 1, 64); if (typeof checked === 'number') partitions = checked; break;
      case '--retention-records':
        if (value === 'none') maxRecords = null;
        else if (typeof (checked = integer(flag, value, 1, Number.MAX_SAFE_INTEGER)) === 'number') maxRecords = checked;
        break;
      case '--retention-age': {
        const ms = value === 'none' ? null : parseDuration(value);
        if (value !== 'none' && (ms === null || !(ms > 0))) return { error: `--retention-age: expected a duration like 1h or 30m, or none, got '${value.slice(0, 40)}'` };
        maxAgeMs = ms;
        break;
      }
      case '--live-rate': {
        const n = Number(value);
        if (!(n > 0 && n <= 100_000)) return { error: `--live-rate: expected events per second in (0, 100000], got '${value.slice(0, 40)}'` };
        liveRate = n;
        break;
      }
      case '--topic': {
        const [name = '', stream = '', count = ''] = value.split(':');
        if (!TOPIC_NAME.test(name) || !(SAMPLE_STREAMS as readonly string[]).includes(stream) || !/^\d{1,9}$/.test(count)) {
          return { error: `--topic: expected NAME:STREAM:N (NAME of letters, digits, - or _; STREAM one of ${SAMPLE_STREAMS.join(', ')}; N records), got '${value.slice(0, 60)}'` };
        }
        topics.push({ name, stream: stream as SampleStreamName, limit: Number(count) });
        break;
      }
    }
    if (typeof checked !== 'number') return checked;
  }
  const port = Number(portText);
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) return { error: `port: expected an integer in 0..65535, got '${portText}'` };
  return { port, host, dataDir: noTopics ? null : dataDir, partitions, retention: { maxRecords, maxAgeMs }, topics, liveRate: noTopics ? null : liveRate };
}
