/**
 * Building blocks shared by every node family: ids, durations, field names
 * and the strict object that lists the known keys when it meets a typo.
 */
import * as z from 'zod';
import { DURATION_PATTERN, formatDuration, parseDuration } from '../duration';
import { MAX_DURATION_MS } from '../limits';
import { describeValue, didYouMean, listOf, quote } from '../text';

/** Node and edge ids: FORMAT.md `^[A-Za-z_][A-Za-z0-9_-]*$`. */
export const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export const idSchema = z
  .string()
  .regex(ID_PATTERN, { error: 'must start with a letter or _ and hold only letters, digits, _ and -' });

/**
 * A `z.strictObject` whose unknown-key problem names the keys it does know,
 * so `sizee` gets "did you mean 'size'?".
 */
export function strict<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys, known) : undefined),
  });
}

/** Past this many unknown keys the object is likely not what it claims to be; listing more helps no one. */
const MAX_KEYS_LISTED = 5;

function unknownKeys(keys: readonly string[], known: readonly string[]): string {
  const first = keys[0] ?? '';
  const hint = keys.length === 1 ? didYouMean(first, known) : '';
  const noun = keys.length === 1 ? 'key' : 'keys';
  const listed =
    keys.length > MAX_KEYS_LISTED
      ? `${keys.slice(0, MAX_KEYS_LISTED).map(quote).join(', ')} and ${keys.length - MAX_KEYS_LISTED} more`
      : listOf(keys);
  const knownText = known.length === 0 ? 'it takes no keys' : `known keys are ${listOf(known, false)}`;
  return `has unknown ${noun} ${listed}${hint}; ${knownText}`;
}

const DURATION_HINT = 'must be a duration like 30s or 5m';
const DURATION_RE = new RegExp(DURATION_PATTERN);

function durationText() {
  // A number like 30 is the likeliest mistake: answer with the duration hint
  // rather than "must be a string". Missing values fall through to "is required".
  return z
    .string({ error: (issue) => (issue.input === undefined ? undefined : DURATION_HINT) })
    .regex(DURATION_RE, { error: DURATION_HINT });
}

/**
 * Unparseable text is left to the pattern check so it is reported once (NaN);
 * text of the duration grammar too long for a number (400 nines) is infinite.
 */
function lengthOf(text: string): number {
  return parseDuration(text) ?? (DURATION_RE.test(text) ? Infinity : Number.NaN);
}

/**
 * Every duration is a whole number of milliseconds and at most
 * MAX_DURATION_MS either way: the engine counts windows in whole ms, and
 * "0.0000001ms" or 400 nines would make it count forever.
 */
function bounded(schema: ReturnType<typeof durationText>) {
  return schema
    .refine((text) => !(Math.abs(lengthOf(text)) > MAX_DURATION_MS), {
      error: (issue) => `must be at most ${MAX_DURATION_TEXT} (100 years) either way, got ${describeValue(issue.input)}`,
      abort: true,
    })
    .refine((text) => { const ms = lengthOf(text); return Number.isNaN(ms) || Number.isInteger(ms); }, {
      error: (issue) => `must be a whole number of milliseconds, got ${describeValue(issue.input)}`,
      abort: true,
    });
}

const MAX_DURATION_TEXT = formatDuration(MAX_DURATION_MS);

/** A duration of any sign (offsets). */
export const durationSchema = bounded(durationText());

/** A duration > 0 (window sizes, slides, gaps): at least 1ms, as it is whole. */
export const positiveDurationSchema = bounded(durationText()).refine((text) => !(lengthOf(text) <= 0), {
  error: (issue) => `must be longer than 0, got ${describeValue(issue.input)}`,
});

/** A duration >= 0 (lateness, out-of-orderness). */
export const nonNegativeDurationSchema = bounded(durationText()).refine((text) => !(lengthOf(text) < 0), {
  error: (issue) => `must not be negative, got ${describeValue(issue.input)}`,
});

/** A field of the event, by name; an empty one reads "y is empty: choose a field", not "must not be empty, got ''". */
export const fieldNameSchema = z.string().min(1, { error: 'is empty: choose a field' });

/** Where the editor draws the node; defaults to the origin. */
export const positionSchema = strict({ x: z.number(), y: z.number() })
  .default(() => ({ x: 0, y: 0 }))
  .describe('Where the editor draws the node.');

/** The `time` of a time window: event time (watermarks) or the wall clock. */
export const timeDomainSchema = z.enum(['event', 'processing']).default('event');

/**
 * Adds "`fieldName` 'x' is already used by `fieldName`[i]" for repeated
 * names in a list, at the repeated entry's path.
 */
export function reportRepeats(
  names: readonly string[],
  ctx: z.core.$RefinementCtx<unknown>,
  pathOf: (index: number) => PropertyKey[],
  label: (index: number) => string,
): void {
  const firstAt = new Map<string, number>();
  names.forEach((name, index) => {
    const earlier = firstAt.get(name);
    if (earlier === undefined) firstAt.set(name, index);
    else {
      const message = `${describeValue(name)} is already used by ${label(earlier)}`;
      ctx.addIssue({ code: 'custom', path: pathOf(index), input: name, message });
    }
  });
}
