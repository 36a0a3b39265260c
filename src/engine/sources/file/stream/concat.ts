/** Two row blocks as one (copied): the streamed source's peeked row in front of the rows after it. */
import { newColumns, type Column, type RowBlock } from '../../../batch';

function concatFloat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** `a`'s rows then `b`'s; both code their strings in the same dictionaries. */
export function concatRowBlocks(a: RowBlock, b: RowBlock): RowBlock {
  const columns = newColumns();
  const time = concatFloat(a.time, b.time);
  for (const name of Object.keys(a.columns)) {
    const x = a.columns[name]!;
    const y = Object.hasOwn(b.columns, name) ? b.columns[name]! : undefined;
    let column: Column;
    if (x.type === 'string' && y?.type === 'string') {
      const codes = new Int32Array(a.length + b.length);
      codes.set(x.codes);
      codes.set(y.codes, a.length);
      column = { type: 'string', codes, dict: x.dict };
    } else if (x.type === 'boolean' && y?.type === 'boolean') {
      const values = new Uint8Array(a.length + b.length);
      values.set(x.values);
      values.set(y.values, a.length);
      column = { type: 'boolean', values };
    } else if ((x.type === 'number' || x.type === 'time') && (y?.type === 'number' || y?.type === 'time')) {
      // The event-time column shares the block's time array, as a parsed block's does.
      column = { type: x.type, values: x.values === a.time && y.values === b.time ? time : concatFloat(x.values, y.values) };
    } else throw new Error(`column '${name}' differs between the blocks`);
    columns[name] = column;
  }
  return { length: a.length + b.length, time, columns };
}
