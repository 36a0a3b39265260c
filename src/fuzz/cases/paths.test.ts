import { describe, expect, it } from 'vitest';
import { formatPath } from '../../model';
import { parsePath, pathProblem } from './paths';

describe('problem paths', () => {
  it.each([
    [['nodes', 2, 'params', 'size']],
    [['nodes', 0, 'params', 'a b', '__proto__', 'x.y']],
    [['edges', 10, 'from']],
    [[]],
    [['nodes', 1, 'params', 'a"b\\c']],
  ])('reads back what formatPath wrote: %j', (segments) => {
    expect(parsePath(formatPath(segments))).toEqual(segments);
  });

  it('refuses text that is not a path', () => {
    expect(parsePath('nodes[')).toBeNull();
    expect(parsePath('.nodes')).toBeNull();
    expect(parsePath('nodes[x]')).toBeNull();
  });

  it('accepts a missing last segment and refuses a missing parent', () => {
    const document = { nodes: [{ id: 'a', params: {} }] };
    expect(pathProblem(document, 'nodes[0].params.size')).toBeNull();
    expect(pathProblem(document, '')).toBeNull();
    expect(pathProblem(document, 'nodes[1].params')).toMatch(/1 is not in the document/);
    // Object.prototype's members are not in the document.
    expect(pathProblem(document, 'constructor.name')).toMatch(/is not in the document/);
  });
});
