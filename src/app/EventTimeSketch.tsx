// A fixed picture, not data: events on an event-time axis, three tumbling windows and a watermark.
const EVENTS: readonly (readonly [number, number])[] = [
  [22, 58], [38, 40], [61, 66], [84, 48], [112, 60], [131, 38], [150, 70], [176, 52],
  [198, 42], [219, 64], [244, 56], [262, 36], [287, 46], [301, 68],
];
const LATE: readonly [number, number] = [70, 30];
const WINDOWS = [10, 120, 230] as const;
const WATERMARK_X = 205;

/** The decorative illustration on the welcome panel. */
export function EventTimeSketch() {
  return (
    <svg className="sketch" viewBox="0 0 340 110" aria-hidden="true" focusable="false">
      {WINDOWS.map((x, index) => (
        <rect
          key={x}
          x={x}
          y={18}
          width={104}
          height={66}
          rx={8}
          className={index < 2 ? 'sketch-window sketch-window-fired' : 'sketch-window'}
        />
      ))}
      <line x1={6} x2={334} y1={92} y2={92} className="sketch-axis" />
      {EVENTS.map(([x, y]) => (
        <circle key={x} cx={x} cy={y} r={4} className="sketch-event" />
      ))}
      <circle cx={LATE[0]} cy={LATE[1]} r={4} className="sketch-event sketch-late" />
      <line x1={WATERMARK_X} x2={WATERMARK_X} y1={8} y2={98} className="sketch-watermark" />
      <text x={WATERMARK_X + 5} y={106} className="sketch-label">
        watermark
      </text>
      <text x={6} y={106} className="sketch-label">
        event time →
      </text>
    </svg>
  );
}
