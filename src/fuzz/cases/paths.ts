/**
 * Checks that a problem's JSON path really points into the document it is
 * about: every segment but the last must exist (the last may be a missing
 * required field). A path that points nowhere cannot be shown to a person.
 */

/** `nodes[2].params["a b"].size` -> `['nodes', 2, 'params', 'a b', 'size']`, or null when it is not a path. */
export function parsePath(path: string): (string | number)[] | null {
  const segments: (string | number)[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '[') {
      if (path[i + 1] === '"') {
        // A JSON string: find its closing quote, skipping escapes.
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
        if (path[j + 1] !== ']') return null;
        try {
          segments.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        } catch {
          return null;
        }
        i = j + 2;
      } else {
        const match = /^\[(\d+)\]/.exec(path.slice(i));
        if (match === null) return null;
        segments.push(Number(match[1]));
        i += match[0].length;
      }
    } else {
      const start = path[i] === '.' ? i + 1 : i;
      if (start === i + 1 && i === 0) return null;
      const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(path.slice(start));
      if (match === null) return null;
      segments.push(match[0]);
      i = start + match[0].length;
    }
  }
  return segments;
}

/** Why `path` does not point into `document`, or null when it does. */
export function pathProblem(document: unknown, path: string): string | null {
  if (typeof path !== 'string') return `path is ${typeof path}, not a string`;
  const segments = parsePath(path);
  if (segments === null) return `path ${JSON.stringify(path)} is not a JSON path`;
  let at: unknown = document;
  for (const segment of segments.slice(0, -1)) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, segment)) {
      return `path ${JSON.stringify(path)}: ${JSON.stringify(segment)} is not in the document`;
    }
    at = (at as Record<string | number, unknown>)[segment];
  }
  return null;
}
