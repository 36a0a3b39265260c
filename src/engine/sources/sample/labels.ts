/** The text of string ids: padded key names and ticker symbols. */

/** `prefix` followed by id + 1 padded to `width` digits: sensor-001, user-0042. */
export function paddedLabel(prefix: string, width: number, id: number): string {
  return prefix + String(id + 1).padStart(width, '0');
}

const KNOWN_TICKERS = [
  'AAPL', 'MSFT', 'GOOG', 'AMZN', 'NVDA', 'META', 'TSLA', 'NFLX', 'AMD', 'INTC',
  'ORCL', 'IBM', 'CSCO', 'ADBE', 'CRM', 'PYPL', 'UBER', 'SHOP', 'SAP', 'ASML',
  'JPM', 'BAC', 'GS', 'MS', 'V', 'MA', 'KO', 'PEP', 'NKE', 'DIS', 'XOM', 'CVX',
];

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const FIVE_LETTER_CODES = 26 ** 5;

/**
 * Ticker of symbol `id`: well-known tickers first, then five-letter codes (no
 * known ticker has five letters, so they never collide) scattered by a
 * multiplier coprime to 26^5 so neighbouring ids do not look alike.
 */
export function tickerLabel(id: number): string {
  const known = KNOWN_TICKERS[id];
  if (known !== undefined) return known;
  const n = id - KNOWN_TICKERS.length;
  if (n >= FIVE_LETTER_CODES) return `SYM${n}`;
  let code = (n * 7919 + 104729) % FIVE_LETTER_CODES;
  let text = '';
  for (let i = 0; i < 5; i++) {
    text += LETTERS[code % 26] ?? 'X';
    code = Math.floor(code / 26);
  }
  return text;
}
