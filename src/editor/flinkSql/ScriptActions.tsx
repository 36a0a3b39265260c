import { useEffect, useRef, useState } from 'react';
import { copyText, downloadText } from '../documents/transfer';
import { sqlFileName } from './statements';

/** How long "Copied" stays on the button. */
const CONFIRM_MS = 2500;

/**
 * Copy and Download of the script. Copy says "Copied" on the button (and to
 * screen readers) for a moment; when the browser refuses the clipboard it
 * says so instead. Both are disabled while there is no script.
 */
export function ScriptActions({ script, name }: { script: string | null; name: string }) {
  const [said, setSaid] = useState<'copied' | 'refused' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async (text: string): Promise<void> => {
    const ok = await copyText(text);
    setSaid(ok ? 'copied' : 'refused');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSaid(null), CONFIRM_MS);
  };
  return (
    <>
      <button type="button" className="wp-docs-button" disabled={script === null} onClick={() => script !== null && void copy(script)}>
        {said === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <button type="button" className="wp-docs-button" disabled={script === null} title={`Download ${sqlFileName(name)}`} onClick={() => script !== null && downloadText(script, sqlFileName(name), 'application/sql')}>
        Download
      </button>
      <span className="visually-hidden" role="status">
        {said === 'copied' ? 'The script is copied to the clipboard.' : said === 'refused' ? 'The browser did not allow copying: select the script and copy it yourself.' : ''}
      </span>
    </>
  );
}
