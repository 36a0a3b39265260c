import type { ImportProgress as Progress } from './readImport';

/** What the page shows of an import: the worker's stages, then opening it on the canvas (the page's own work). */
type ImportStage = Progress | { readonly stage: 'opening' };

export interface ImportView {
  /** The file's name, or "pasted JSON". */
  readonly name: string;
  readonly progress: ImportStage;
}

const megabytes = (bytes: number): string => (bytes / 1_000_000).toFixed(1);

/**
 * How far along, in percent: reading the bytes is most of the way (it is what
 * grows with the file), parsing and checking the rest; opening is the end.
 */
function importPercent(progress: ImportStage): number {
  switch (progress.stage) {
    case 'reading':
      return Math.floor((progress.loaded / Math.max(progress.total, 1)) * 70);
    case 'parsing':
      return 75;
    case 'checking':
      return 88;
    case 'opening':
      return 97;
  }
}

function describe(progress: ImportStage): string {
  switch (progress.stage) {
    case 'reading':
      return `Reading ${megabytes(progress.loaded)} of ${megabytes(progress.total)} MB`;
    case 'parsing':
      return 'Parsing the JSON';
    case 'checking':
      return 'Checking the pipeline';
    case 'opening':
      return 'Opening it on the canvas';
  }
}

/**
 * The import under way: its stage, a progress bar with the percentage, and
 * Cancel (until the document is being opened on the canvas: that last step
 * runs on the page and cannot be interrupted).
 */
export function ImportProgress({ view, onCancel, inline = false }: {
  readonly view: ImportView;
  readonly onCancel: () => void;
  /** In a dialog's flow (the paste dialog: the page behind a modal dialog cannot be clicked), not floating over the canvas. */
  readonly inline?: boolean;
}) {
  const percent = importPercent(view.progress);
  const label = `Importing “${view.name}”`;
  return (
    <div className={inline ? 'wp-docs-import-inline' : 'wp-docs-import-region'}>
      <div className="wp-docs-import" role="group" aria-label={label} data-stage={view.progress.stage}>
        <span className="wp-docs-import-text">
          {label}: {describe(view.progress)}…
        </span>
        <progress className="wp-docs-import-bar" max={100} value={percent} aria-label="Import progress" aria-valuetext={`${percent}%`} />
        <span className="wp-docs-import-percent" aria-hidden="true">{percent}%</span>
        {view.progress.stage === 'opening' ? null : (
          <button type="button" className="wp-docs-button wp-docs-button-small" onClick={onCancel}>Cancel</button>
        )}
      </div>
    </div>
  );
}
