/**
 * Failures the fuzz suite found whose fix belongs to another part of issue 12
 * and was not merged when the case was added. THE ONLY PLACE a fuzz failure
 * may be set aside: while an entry is here, its corpus cases are skipped (the
 * replay says so) and its generator features are left out of the random
 * cases. Empty an entry once its fix is merged; the replay then holds it.
 */

/** Generator features that reach a known open failure; the generators read them through {@link heldBack}. */
export type GeneratorFlag = 'absurdTimes' | 'hugeParams' | 'deepNesting' | 'bigDocuments';

export interface KnownOpen {
  /** The item of issue 12 whose fix this waits for. */
  readonly issueItem: number;
  readonly what: string;
  /** Corpus cases skipped while open, as `<area>/<file>.json`. */
  readonly corpus: readonly string[];
  /** Generator features left out while open. */
  readonly heldBack: readonly GeneratorFlag[];
}

export const KNOWN_OPEN: readonly KnownOpen[] = [];

/** The open entry a corpus case belongs to, if any. */
export function knownOpenCase(name: string): KnownOpen | undefined {
  return KNOWN_OPEN.find((entry) => entry.corpus.includes(name));
}

/** True while a known open failure keeps this generator feature out of the random cases. */
export function heldBack(flag: GeneratorFlag): boolean {
  return KNOWN_OPEN.some((entry) => entry.heldBack.includes(flag));
}
