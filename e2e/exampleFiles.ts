import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the tests expect the app to show for one file in examples/. */
export interface ExampleFile {
  readonly slug: string;
  readonly name: string;
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

const EXAMPLES_DIR = join(import.meta.dirname, '..', 'examples');

/** The NAB file the NYC taxi example reads, from ../shared (never copied into the project). */
export const NYC_TAXI = join(import.meta.dirname, '..', '..', 'shared', 'data', 'nab', 'nyc_taxi.csv');

/** A NAB file an example reads by name (its File node says "Needs NAME"), from ../shared. */
export const nabFile = (name: string): string => join(import.meta.dirname, '..', '..', 'shared', 'data', 'nab', name);

function ids(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) =>
    typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : '',
  );
}

/** Reads examples/*.json from disk: the build bundles the same files. */
export function readExampleFiles(): ExampleFile[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const document: unknown = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
      const record = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
      const slug = file.replace(/\.json$/, '');
      return {
        slug,
        name: typeof record.name === 'string' && record.name.trim() !== '' ? record.name.trim() : slug,
        nodeIds: ids(record.nodes),
        edgeIds: ids(record.edges),
      };
    });
}
