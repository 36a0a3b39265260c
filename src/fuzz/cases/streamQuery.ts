/**
 * One sample-server query: `/streams/NAME?QUERY` through the server's own
 * boundary (parseStreamName, parseStreamRequest); an accepted one starts the
 * generator it implies and takes its first message's worth of events. The
 * rules: nothing throws, a refusal is 400 or 404 and names the parameter it
 * is about, and an accepted request gives events at once.
 */
import { parseStreamName, parseStreamRequest } from '../../../server/streamParams';
import { createSampleGenerator } from '../../engine/sources/sample';
import { thrown, type CaseOutcome } from './types';

export interface StreamQueryCase {
  readonly stream: string;
  /** The query string without its `?`, as a client would send it. */
  readonly query: string;
}

/** A fixed wall clock: `startTime=now` reads it, and the case stays reproducible. */
const NOW = 1_750_000_000_000;

export function runStreamQueryCase(input: StreamQueryCase): CaseOutcome {
  const violations: string[] = [];
  try {
    const name = parseStreamName(input.stream);
    if (!name.ok) {
      if (name.status !== 404 || !name.message.startsWith('unknown stream')) violations.push(`stream name refused as ${name.status}: ${name.message}`);
      return { violations, outcome: 'unknown-stream' };
    }
    const query = new URLSearchParams(input.query);
    const request = parseStreamRequest(name.value, query, NOW);
    if (!request.ok) {
      const names = [...new Set(query.keys())];
      const about = names.find((key) => request.message.startsWith(`${key.slice(0, 40)}: `));
      if (request.status !== 400) violations.push(`a bad query answered ${request.status}`);
      if (about === undefined) violations.push(`the refusal names no parameter of the query: ${request.message}`);
      if (request.message.length > 400) violations.push(`the refusal is ${request.message.length} characters long`);
      return { violations, outcome: 'refused' };
    }
    const { sample, batch } = request.value;
    const generator = createSampleGenerator(sample);
    const block = generator.next(Math.min(batch, 1000));
    if (block !== null && block.length > 0) {
      for (let i = 0; i < block.length; i++) {
        const t = block.time[i]!;
        if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) {
          violations.push(`event ${i} has time ${t}, outside the Date range`);
          break;
        }
      }
    } else if (sample.limit !== 0) {
      violations.push('an accepted stream gave no first events');
    }
    return { violations, outcome: 'accepted' };
  } catch (error) {
    return { violations: [`threw: ${thrown(error)}`], outcome: 'crash' };
  }
}
