/** The four-pane logo; decorative, so hidden from assistive technology. */
export function WindowpaneMark({ size = 28 }: { readonly size?: number }) {
  return (
    <svg className="mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="28" height="28" rx="7" fill="#1e1b4b" />
      <rect x="7" y="7" width="8" height="8" rx="1.5" fill="#a5b4fc" />
      <rect x="17" y="7" width="8" height="8" rx="1.5" fill="#6366f1" />
      <rect x="7" y="17" width="8" height="8" rx="1.5" fill="#6366f1" />
      <rect x="17" y="17" width="8" height="8" rx="1.5" fill="#f59e0b" />
    </svg>
  );
}
