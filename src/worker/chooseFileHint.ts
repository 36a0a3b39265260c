/**
 * How the app's user gives a file source its data, naming the file it wants:
 * the worker refuses a Run with it, and the editor's Problems panel lists the
 * same sentence before any Run, so the two never disagree (nor show twice).
 */
export function chooseFileHint(fileName: string | null): string {
  return fileName === null ? "choose its data file with the node's Choose file button" : `choose its data file ${fileName} with the node's Choose file button`;
}
