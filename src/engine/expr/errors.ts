/**
 * Errors in an expression the user typed. Every one points at a column of
 * the source, so the editor can underline the offending token.
 */

/** A problem in an expression: `column` is 1-based; `message` already starts with "column N: ". */
export interface ExpressionError {
  readonly message: string;
  readonly column: number;
}

/** Builds an error at a 0-based source index. */
export function expressionError(index: number, text: string): ExpressionError {
  const column = index + 1;
  return { message: `column ${column}: ${text}`, column };
}

/**
 * Thrown inside the parser and the checker, caught at the public API and
 * returned as a value: deep recursion is easier to write with an exception,
 * but the engine never throws on user input.
 */
export class SourceError extends Error {
  readonly error: ExpressionError;

  constructor(index: number, text: string) {
    const error = expressionError(index, text);
    super(error.message);
    this.name = 'SourceError';
    this.error = error;
  }
}

/** Runs `body`, turning a {@link SourceError} into a failed result; anything else is a bug and propagates. */
export function catchSourceError<T>(body: () => T): { ok: true; value: T } | { ok: false; error: ExpressionError } {
  try {
    return { ok: true, value: body() };
  } catch (e) {
    if (e instanceof SourceError) return { ok: false, error: e.error };
    throw e;
  }
}
