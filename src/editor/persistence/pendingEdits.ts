/**
 * Edits typed but not yet committed (a field waiting for its pause), so that
 * leaving the page can commit them before autosave writes: a reload never
 * fires `blur`, and a timer set by the page that is going away never runs.
 */
const pending = new Set<() => void>();

/**
 * Registers `commit` as holding an edit that is not in the document yet;
 * returns what withdraws it (call that once the edit is committed or dropped).
 */
export function holdPendingEdit(commit: () => void): () => void {
  const entry = (): void => commit();
  pending.add(entry);
  return () => {
    pending.delete(entry);
  };
}

/**
 * Commits every held edit now, each once. One that throws does not keep the
 * others from committing; the first error is rethrown after they have.
 */
export function commitPendingEdits(): void {
  const commits = [...pending];
  pending.clear();
  let failure: { error: unknown } | undefined;
  for (const commit of commits) {
    try {
      commit();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure !== undefined) throw failure.error;
}

/** How many edits are held: for tests. */
export function pendingEditCount(): number {
  return pending.size;
}
