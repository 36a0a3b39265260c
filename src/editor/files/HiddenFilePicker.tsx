import type { Ref } from 'react';

/**
 * A file input kept out of sight, opened by a button of its own (`ref.click()`):
 * hands over the first file chosen, and clears itself so that choosing the
 * same file again still hands it over.
 */
export function HiddenFilePicker({ inputRef, accept, label, onFile }: {
  readonly inputRef: Ref<HTMLInputElement>;
  /** The input's accept list; absent: any file. */
  readonly accept?: string;
  /** What the input is for, for assistive technology; absent: hidden from it (its button speaks for it). */
  readonly label?: string;
  readonly onFile: (file: File) => void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      hidden
      {...(accept === undefined ? {} : { accept })}
      {...(label === undefined ? { 'aria-hidden': true, tabIndex: -1 } : { 'aria-label': label })}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file !== undefined) onFile(file);
      }}
    />
  );
}
