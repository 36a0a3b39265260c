/**
 * Scripts the page benchmarks inject to watch the main thread: long tasks
 * (PerformanceObserver) and animation frames. Strings, not functions: tsx
 * would wrap a named function in a helper the page does not have.
 */

/** Collects every long task (> 50 ms) into `window.benchLongTasks`; add it as an init script. */
export const OBSERVE_LONG_TASKS = `
  window.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

/** Pushes each animation frame's time into `window.benchFrames` until `window.benchStop` is set. */
export const COUNT_FRAMES = `
  window.benchFrames = [];
  window.benchStop = false;
  requestAnimationFrame(function tick(t) {
    window.benchFrames.push(t);
    if (!window.benchStop) requestAnimationFrame(tick);
  });
`;
