import { fromPipelineJson } from '../store/documentFormat';
import type { EditorDocument } from '../store/types';
import type { Problem } from '../../model';

/** One card of the examples gallery. */
export interface GalleryCard {
  readonly slug: string;
  readonly title: string;
  readonly sentence: string;
  readonly nodeCount: number;
  /** Data files the example names but cannot ship (its file sources without data), to choose after opening. */
  readonly needsFiles: readonly string[];
  /** The file as it was bundled, read only when chosen. */
  readonly source: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The files that file sources without data name ("a data file" for one that names none). */
function filesNeeded(nodes: readonly unknown[]): string[] {
  return nodes.flatMap((node) => {
    if (!isRecord(node) || node.kind !== 'source.file') return [];
    const params = isRecord(node.params) ? node.params : {};
    if (typeof params.data === 'string' && params.data !== '') return [];
    return [typeof params.fileName === 'string' && params.fileName !== '' ? params.fileName : 'a data file'];
  });
}

/** Cards for the bundled example files (module path to parsed JSON), sorted by title. */
export function galleryCards(modules: Readonly<Record<string, unknown>>): GalleryCard[] {
  return Object.entries(modules)
    .map(([path, source]): GalleryCard => {
      const slug = path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/i, '');
      const record = isRecord(source) ? source : {};
      const title = typeof record.name === 'string' && record.name.trim() !== '' ? record.name.trim() : slug;
      const sentence = typeof record.description === 'string' ? record.description.trim() : '';
      const nodes: unknown[] = Array.isArray(record.nodes) ? record.nodes : [];
      return { slug, title, sentence, nodeCount: nodes.length, needsFiles: filesNeeded(nodes), source };
    })
    .sort((a, b) => a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug));
}

/** The card's pipeline, checked like any import, so a broken example shows its problems instead of half-opening. */
export function readCard(card: GalleryCard): { ok: true; doc: EditorDocument } | { ok: false; problems: Problem[] } {
  return fromPipelineJson(JSON.stringify(card.source) ?? 'null');
}
