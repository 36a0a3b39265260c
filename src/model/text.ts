/**
 * Small helpers that turn values into the words of a problem message. They
 * never recurse into a value, so a huge or deeply nested input cannot make a
 * message slow or overflow the stack.
 */

const MAX_QUOTED = 60;

/** `'text'`, shortened past 60 characters, control characters escaped. */
export function quote(text: string): string {
  const short = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 3)}...` : text;
  // A newline inside a message would break a one-line problem list.
  let visible = '';
  for (const ch of short) visible += escapeControl(ch);
  return `'${visible}'`;
}

/** `\n` for a newline, `\u007f` for DEL, any other character as it is. */
function escapeControl(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return JSON.stringify(ch).slice(1, -1);
  return code === 0x7f ? '\\u007f' : ch;
}

/** How a value reads after "got": `'5 minutes'`, `42`, `null`, `an object`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `a, b and c`, each item quoted when `quoted`. */
export function listOf(items: readonly string[], quoted = true): string {
  const shown = quoted ? items.map(quote) : [...items];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}

/**
 * The known word closest to a typo (`sizee` -> `size`,
 * `window.tumbing` -> `window.tumbling`), or undefined when none is close.
 */
export function closestMatch(word: string, known: readonly string[]): string | undefined {
  // Long inputs are not typos of short words; skip the quadratic distance.
  if (word.length > 64) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  // Allow more edits in longer words, but never so many that a short word
  // could turn into anything.
  let bestDistance = Math.min(Math.max(2, Math.floor(word.length / 4)), word.length - 1) + 1;
  for (const candidate of known) {
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance with one rolling row. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** ` (did you mean 'size'?)` when a known word is close, else nothing. */
export function didYouMean(word: string, known: readonly string[]): string {
  const match = closestMatch(word, known);
  return match === undefined ? '' : ` (did you mean ${quote(match)}?)`;
}
