import { WindowpaneMark } from './WindowpaneMark';

/** The application header: wordmark and tagline. */
export function TopBar() {
  return (
    <header className="topbar">
      <h1 className="brand">
        <a href="#/" className="brand-link">
          <WindowpaneMark />
          <span className="wordmark">Windowpane</span>
        </a>
      </h1>
      <p className="tagline">Design streaming pipelines. See event time.</p>
    </header>
  );
}
