/**
 * The example pipelines shipped in examples/, as the app lists them.
 *
 * Pure functions over whatever the bundler found, so they can be tested in Node
 * without Vite's `import.meta.glob`.
 */

export interface Example {
  /** The file name without `.json`; stable, used in the URL. */
  readonly slug: string;
  readonly fileName: string;
  readonly name: string;
  readonly description: string;
  /** The raw JSON, validated only when the example is opened. */
  readonly document: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a map of module path to parsed JSON (what `import.meta.glob` gives) into
 * examples sorted by name. A file without a usable `name` is still listed under its
 * file name, so a broken example shows up with its validation problems instead of vanishing.
 */
export function examplesFromModules(modules: Readonly<Record<string, unknown>>): Example[] {
  const examples = Object.entries(modules).map(([path, document]): Example => {
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    const slug = fileName.replace(/\.json$/i, '');
    const name = isRecord(document) && typeof document.name === 'string' && document.name.trim() !== ''
      ? document.name.trim()
      : slug;
    const description =
      isRecord(document) && typeof document.description === 'string' ? document.description.trim() : '';
    return { slug, fileName, name, description, document };
  });
  return examples.sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}

/** The example slug a URL hash such as `#/examples/card-spend` asks for, if it asks for one. */
export function slugFromHash(hash: string): string | undefined {
  const raw = /^#\/examples\/(.+)$/.exec(hash)?.[1];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The example a URL hash points at, if it exists. */
export function exampleForHash(examples: readonly Example[], hash: string): Example | undefined {
  const slug = slugFromHash(hash);
  return slug === undefined ? undefined : examples.find((example) => example.slug === slug);
}

/** The URL hash that opens an example. */
export function hashForExample(example: Example): string {
  return `#/examples/${encodeURIComponent(example.slug)}`;
}
