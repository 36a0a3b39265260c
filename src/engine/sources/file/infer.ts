/** Type inference for file columns. */
import type { FieldType } from '../../batch';
import type { RawValue } from './types';
import { isEmpty, toBoolean, toNumber } from './values';

/**
 * `number` when every non-empty value is a finite number, `boolean` when every
 * one is true/false, otherwise `string` (also for a column with no values at all).
 */
export function inferType(values: Iterable<RawValue | undefined>): Exclude<FieldType, 'time'> {
  let numbers = true;
  let booleans = true;
  let any = false;
  for (const value of values) {
    if (isEmpty(value)) continue;
    any = true;
    if (numbers && Number.isNaN(toNumber(value))) numbers = false;
    if (booleans && toBoolean(value) < 0) booleans = false;
    if (!numbers && !booleans) return 'string';
  }
  if (!any) return 'string';
  return numbers ? 'number' : booleans ? 'boolean' : 'string';
}
