export declare const DEBIAN_CHROMIUM: string;
export declare function findBrowser(
  playwrightPath: string,
  env?: NodeJS.ProcessEnv,
  exists?: (path: string) => boolean,
): { path: string | undefined } | { missing: string };
