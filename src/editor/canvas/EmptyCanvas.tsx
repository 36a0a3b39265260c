/** What an empty canvas says: how to start. */
export function EmptyCanvas() {
  return (
    <div className="wp-empty-canvas">
      <svg width="40" height="40" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 5h6v5H3z M15 14h6v5h-6z M9 7.5h3a2 2 0 0 1 2 2v5a2 2 0 0 0 2 2" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <p className="wp-empty-title">Start a pipeline</p>
      <p>Drag a source from the palette onto the canvas, or double-click it. Then connect nodes handle to handle.</p>
    </div>
  );
}
