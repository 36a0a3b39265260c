/** Constants as columns, for folding, for results, and for operations that need every operand as an array. */
import { createStringDict, internString, type FieldType } from '../batch';
import { filledBytes, filledFloats, filledInts } from './columns';
import type { Run, Scalar } from './types';

/** Columns holding one value; `fresh` gives new arrays per call, for results handed to callers. */
export function constantColumns(type: FieldType, value: Scalar, fresh: boolean): Run {
  switch (type) {
    case 'number':
    case 'time': {
      const fill = typeof value === 'number' ? value : NaN;
      const shared = filledFloats(fill);
      return (block) => ({ type, values: fresh ? new Float64Array(block.length).fill(fill) : shared(block) });
    }
    case 'boolean': {
      const fill = value === true ? 1 : 0;
      const shared = filledBytes(fill);
      return (block) => ({ type, values: fresh ? new Uint8Array(block.length).fill(fill) : shared(block) });
    }
    case 'string': {
      const dict = createStringDict();
      const fill = typeof value === 'string' ? internString(dict, value) : -1;
      const shared = filledInts(fill);
      return (block) => ({ type, codes: fresh ? new Int32Array(block.length).fill(fill) : shared(block), dict });
    }
  }
}
