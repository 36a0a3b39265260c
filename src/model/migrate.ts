/**
 * Upgrades saved documents to the current format version. Every document
 * passes through here before validation, so when version 2 arrives the only
 * change is a step function in {@link MIGRATIONS}.
 */
import { problem, type Problem } from './problems';
import { isRecord, ownValue } from './rawAccess';
import { CURRENT_VERSION } from './schema/document';
import { describeValue } from './text';

/** Reads a document of one version and returns it at the next version. */
export type MigrationStep = (document: Readonly<Record<string, unknown>>) => Record<string, unknown>;

export type MigrationResult =
  | { ok: true; value: unknown; fromVersion: number | undefined }
  | { ok: false; problem: Problem };

/**
 * Step functions keyed by the version they read. The current version's step
 * is a passthrough and ends the chain; an older version's step must return a
 * document one version newer.
 */
export const MIGRATIONS: ReadonlyMap<number, MigrationStep> = new Map<number, MigrationStep>([
  [1, (document) => ({ ...document })],
]);

/**
 * Brings `input` to version {@link CURRENT_VERSION}.
 *
 * An input that is not an object, or has no `version`, passes through
 * untouched: the schema then says what is wrong with it. A version this
 * Windowpane does not know (future, or with no step) is a problem, and so is
 * a step that throws. Never mutates `input`.
 */
export function migrate(
  input: unknown,
  steps: ReadonlyMap<number, MigrationStep> = MIGRATIONS,
  currentVersion: number = CURRENT_VERSION,
): MigrationResult {
  if (!isRecord(input)) return { ok: true, value: input, fromVersion: undefined };
  const version = ownValue(input, 'version');
  if (version === undefined) return { ok: true, value: input, fromVersion: undefined };
  if (typeof version !== 'number' || !steps.has(version) || version > currentVersion) {
    return { ok: false, problem: unsupported(version, currentVersion) };
  }
  let document: Record<string, unknown> = input;
  let at = version;
  for (;;) {
    const step = steps.get(at);
    if (step === undefined) return { ok: false, problem: unsupported(at, currentVersion) };
    try {
      document = step(document);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const doing = at === currentVersion ? 'read the document' : `upgrade the document from version ${at}`;
      return { ok: false, problem: problem('version', `could not ${doing}: ${reason}`) };
    }
    if (at === currentVersion) return { ok: true, value: document, fromVersion: version };
    at += 1;
    document = { ...document, version: at };
  }
}

function unsupported(version: unknown, currentVersion: number): Problem {
  const shown = typeof version === 'number' ? String(version) : describeValue(version);
  return problem('version', `unsupported version ${shown}; this Windowpane reads version ${currentVersion}`);
}
