import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Problem } from '../../model';
import { readEditorJson, type DocumentReading } from '../persistence/savedDocument';
import { toPipelineJson } from '../store/documentFormat';
import type { EditorDocument } from '../store/types';

const PREFIX = '#share=';

/** The URL fragment that carries `doc`: its pipeline JSON, compressed for a URL. */
export function shareFragment(doc: EditorDocument): string {
  return `${PREFIX}${compressToEncodedURIComponent(toPipelineJson(doc))}`;
}

/** A link to this page that opens `doc`: `base` without its fragment, plus {@link shareFragment}. */
export function shareLink(doc: EditorDocument, base: string): string {
  const hash = base.indexOf('#');
  return `${hash === -1 ? base : base.slice(0, hash)}${shareFragment(doc)}`;
}

function damaged(message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path: '', message: `the share link is damaged: ${message}` }] };
}

/**
 * The document a URL fragment shares, every problem when the link is damaged,
 * or undefined when the fragment is not a share link at all.
 *
 * A shared document goes through the same check as an import and as a saved
 * one ({@link readEditorJson}): it is what was on the sender's screen, so a
 * pipeline still being built opens with its problems listed, but a graph the
 * editor could not have made (an unknown kind, a dangling edge) is refused
 * with every problem at its JSON path, as an import would be.
 */
export function readShareFragment(hash: string): DocumentReading | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const data = hash.slice(PREFIX.length);
  if (data === '') return damaged('it holds no pipeline');
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(data);
  } catch {
    text = null;
  }
  if (text === null || text === '') return damaged('its data cannot be decompressed (was it cut short when copied?)');
  return readEditorJson(text);
}
