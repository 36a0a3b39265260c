/**
 * The canvas's colours, read from the page's CSS custom properties so the
 * timeline follows the light and dark themes; fates keep their own hues
 * (and shapes, for readers who cannot tell the hues apart).
 */
export interface TimelinePalette {
  readonly ink: string;
  readonly soft: string;
  readonly faint: string;
  readonly grid: string;
  readonly rowShade: string;
  readonly surface: string;
  readonly onTime: string;
  readonly revision: string;
  readonly late: string;
  readonly watermark: string;
  readonly latenessZone: string;
  readonly outOfOrderness: string;
  readonly barOpen: string;
  readonly barFired: string;
  readonly barFiredFill: string;
  readonly barClosed: string;
  readonly font: string;
}

/** Used when there is no page to read (tests) and for any property the page lacks. */
export const DEFAULT_PALETTE: TimelinePalette = {
  ink: '#141a2e',
  soft: '#4a5270',
  faint: '#5f6785',
  grid: '#e2e5ef',
  rowShade: '#f1f3f9',
  surface: '#ffffff',
  onTime: '#2563eb',
  revision: '#d97706',
  late: '#b42318',
  watermark: '#141a2e',
  latenessZone: 'rgba(217, 119, 6, 0.14)',
  outOfOrderness: 'rgba(79, 70, 229, 0.10)',
  barOpen: '#4f46e5',
  barFired: '#3730a3',
  barFiredFill: '#e0e3ff',
  barClosed: '#cdd2e1',
  font: "11px 'Inter', 'Segoe UI', system-ui, sans-serif",
};

const VARS: Partial<Record<keyof TimelinePalette, string>> = {
  ink: '--ink', soft: '--ink-soft', faint: '--ink-faint', grid: '--border', rowShade: '--surface-muted', surface: '--surface',
  late: '--bad', watermark: '--ink', barOpen: '--accent', barFired: '--accent-ink', barFiredFill: '--accent-soft', barClosed: '--border-strong',
};

/** The palette for an element on the page. */
export function readPalette(element: Element): TimelinePalette {
  const style = getComputedStyle(element);
  const read = new Map<string, string>();
  for (const [name, property] of Object.entries(VARS)) {
    const value = style.getPropertyValue(property).trim();
    if (value !== '') read.set(name, value);
  }
  const font = `11px ${style.getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif'}`;
  return { ...DEFAULT_PALETTE, ...Object.fromEntries(read), font };
}
