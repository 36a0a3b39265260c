/** The CLI's documented exit codes. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
/** A live source's connection failed or its server went away before the end of the stream: the results are partial. */
export const EXIT_SOURCE_FAILED = 3;
/** An unexpected error; what was computed before it is still written. */
export const EXIT_ERROR = 4;
