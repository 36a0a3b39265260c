import { WindowpaneMark } from './WindowpaneMark';

/** The application header: wordmark and tagline. */
export function TopBar() {
  return (
    <header className="topbar">
      <h1 className="brand">
        <WindowpaneMark size={22} />
        <span className="wordmark">Windowpane</span>
      </h1>
      <p className="tagline">Design streaming pipelines. See event time.</p>
    </header>
  );
}
