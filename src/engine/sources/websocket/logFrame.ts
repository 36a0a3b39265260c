/**
 * Reading one frame of the partitioned log (../../../model/logProtocol.ts): a
 * JSON array of {partition, offset, ts, value}. What is not such a message is
 * refused with its text and reason, as parseMessage refuses what is not an
 * object, so the source counts it as a dead letter and goes on.
 */
import type { LogMessage } from '../../../model';
import { findTooDeep, tooDeepReason } from '../jsonDepth';
import { isRecord } from './parseMessage';

export interface ParsedLogFrame {
  readonly messages: LogMessage[];
  readonly refused: { readonly text: string; readonly reason: string }[];
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Why `element` is not a LogMessage, or null when it is one. */
function problemOf(element: unknown): string | null {
  if (!isRecord(element)) return 'expected a log message {partition, offset, ts, value}';
  if (!isIndex(element.partition)) return 'partition: expected a whole number >= 0';
  if (!isIndex(element.offset)) return 'offset: expected a whole number >= 0';
  if (!isRecord(element.value)) return 'value: expected a JSON object';
  return null;
}

export function parseLogFrame(text: string): ParsedLogFrame {
  const out: ParsedLogFrame = { messages: [], refused: [] };
  const deep = findTooDeep(text);
  if (deep !== null) {
    out.refused.push({ text, reason: tooDeepReason(deep.column) });
    return out;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    out.refused.push({ text, reason: `not JSON (${error instanceof Error ? error.message : String(error)})` });
    return out;
  }
  // One message alone is accepted too: a server may send them unbatched.
  const list: unknown[] = Array.isArray(value) ? value : [value];
  list.forEach((element, i) => {
    const problem = problemOf(element);
    if (problem === null) out.messages.push(element as LogMessage);
    else out.refused.push({ text: JSON.stringify(element) ?? String(element), reason: `element ${i}: ${problem}` });
  });
  return out;
}
