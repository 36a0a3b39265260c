/**
 * The ports the end-to-end tests use: their own, not `npm start`'s (5173 and
 * 8787), so `npm test` runs beside the app. WINDOWPANE_E2E_PORT moves the
 * whole block (the app, the sample server, then servers tests start themselves).
 */
const base = Number(process.env.WINDOWPANE_E2E_PORT ?? 4173);
if (!Number.isInteger(base) || base < 1024 || base > 65000) throw new Error(`WINDOWPANE_E2E_PORT: expected a port from 1024 to 65000, got '${process.env.WINDOWPANE_E2E_PORT}'`);

/** `vite preview` serving dist/. */
export const APP_PORT = base;
/** The sample server playwright.config.ts starts beside the app; the app finds it through /windowpane-config.json. */
export const SAMPLE_SERVER_PORT = base + 1;
/** A sample server a test starts and stops itself. */
export const OWN_SERVER_PORT = base + 2;
