import type uPlot from 'uplot';
import { formatDateTime, formatNumber } from './format';

/** One line of the tooltip: a swatch, the series' key and its value. */
function line(color: string, label: string, value: string): HTMLElement {
  const row = document.createElement('div');
  row.className = 'wp-chart-tip-row';
  const swatch = document.createElement('span');
  swatch.className = 'wp-swatch';
  swatch.style.background = color;
  const name = document.createElement('span');
  name.textContent = label;
  const number = document.createElement('strong');
  number.textContent = value;
  row.append(swatch, name, number);
  return row;
}

/** A line under the values that says something about the point (an anomaly's reason), in `color`. */
export interface TooltipNote {
  readonly color: string;
  readonly text: string;
}

/** One note line: a ring in the note's colour and its text. */
function noteLine(note: TooltipNote): HTMLElement {
  const row = document.createElement('div');
  row.className = 'wp-chart-tip-note';
  const ring = document.createElement('span');
  ring.className = 'wp-anomaly-ring';
  ring.style.borderColor = note.color;
  const text = document.createElement('span');
  text.textContent = note.text;
  row.append(ring, text);
  return row;
}

/**
 * A uPlot plugin that shows, beside the cursor, the x value (UTC) and every
 * series' value there, then the `notes` of that x (anomalies marked there).
 * Built from DOM nodes and textContent: series keys and reasons are data from
 * the stream, never markup.
 */
export function tooltipPlugin(notes: (x: number) => readonly TooltipNote[] = () => []): uPlot.Plugin {
  const tip = document.createElement('div');
  tip.className = 'wp-chart-tip';
  tip.hidden = true;
  return {
    hooks: {
      init: [(u) => void u.over.appendChild(tip)],
      setCursor: [
        (u) => {
          const idx = u.cursor.idx;
          const left = u.cursor.left ?? -1;
          if (idx === null || idx === undefined || left < 0) {
            tip.hidden = true;
            return;
          }
          const rows: HTMLElement[] = [];
          u.series.forEach((s, i) => {
            const value = u.data[i]?.[idx];
            if (i === 0 || value === null || value === undefined) return;
            // uPlot keeps a series' stroke as a function once the plot is built.
            const stroke = typeof s.stroke === 'function' ? s.stroke(u, i) : s.stroke;
            rows.push(line(typeof stroke === 'string' ? stroke : 'currentColor', String(s.label ?? ''), formatNumber(value)));
          });
          const title = document.createElement('div');
          title.className = 'wp-chart-tip-title';
          const x = u.data[0][idx]!;
          title.textContent = formatDateTime(x);
          tip.replaceChildren(title, ...rows, ...notes(x).map(noteLine));
          tip.hidden = false;
          // Beside the cursor, on the side with room.
          const flip = left > u.over.clientWidth / 2;
          tip.style.transform = `translate(${flip ? `calc(${left - 12}px - 100%)` : `${left + 12}px`}, 8px)`;
        },
      ],
    },
  };
}
