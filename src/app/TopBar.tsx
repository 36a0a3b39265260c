import type { ReactNode } from 'react';
import { WindowpaneMark } from './WindowpaneMark';

/** The application header: wordmark, tagline, and on the right the controls it is given (the run toolbar). */
export function TopBar({ children }: { readonly children?: ReactNode }) {
  return (
    <header className="topbar">
      <h1 className="brand">
        <WindowpaneMark size={22} />
        <span className="wordmark">Windowpane</span>
      </h1>
      <p className="tagline">Design streaming pipelines. See event time.</p>
      {children}
    </header>
  );
}
