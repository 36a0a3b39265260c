/** Reading raw cells as numbers and booleans, the same way for inference and for filling columns. */
import type { RawValue } from './types';

/** Plain decimal numbers only: no hex, no Infinity, no digit separators. */
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** True for a cell with no value: absent, null or empty text. */
export function isEmpty(value: RawValue | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

/** The finite number a cell holds, or NaN. */
export function toNumber(value: RawValue | undefined): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string' || !DECIMAL.test(value)) return NaN;
  const n = Number(value);
  return Number.isFinite(n) ? n : NaN;
}

/** 1 for true, 0 for false (either JSON booleans or the text, any case), -1 otherwise. */
export function toBoolean(value: RawValue | undefined): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return -1;
  const text = value.trim().toLowerCase();
  return text === 'true' ? 1 : text === 'false' ? 0 : -1;
}

/** The text of a cell for a string column. */
export function toText(value: RawValue | undefined): string {
  return typeof value === 'string' ? value : String(value);
}
