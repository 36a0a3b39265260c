import { describe, expect, it } from 'vitest';
import { familyOf, NODE_KINDS } from '../../model';
import { NODE_TYPES } from './nodeTypes';

describe('node types', () => {
  it('draw every family with the pipeline node (React Flow draws an unknown type as a blank box)', () => {
    for (const kind of NODE_KINDS) expect(Object.hasOwn(NODE_TYPES, familyOf(kind)), kind).toBe(true);
  });
});
