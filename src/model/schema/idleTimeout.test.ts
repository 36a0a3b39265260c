import { describe, expect, it } from 'vitest';
import { problemsOf, sensorPipeline } from '../testing/fixtures';

/** `sensorPipeline()` with these params added to its source; problems as `path: message`. */
function problemsWith(params: Record<string, unknown>): string[] {
  const document = sensorPipeline();
  const source = document.nodes[0]!;
  document.nodes[0] = { ...source, params: { ...source.params, ...params } } as never;
  return problemsOf(document).map((p) => `${p.path}: ${p.message}`);
}

describe('idleTimeout, quietAfter and quietFor', () => {
  it('accepts an idle timeout and a quiet spell', () => {
    expect(problemsWith({ idleTimeout: '5s' })).toEqual([]);
    expect(problemsWith({ idleTimeout: '1ms', quietAfter: 0, quietFor: '1m' })).toEqual([]);
  });

  it('refuses an idle timeout of 0 or one that is no duration, on its path', () => {
    expect(problemsWith({ idleTimeout: '0s' })).toEqual(["nodes[0].params.idleTimeout: node 'src': idleTimeout must be longer than 0, got '0s'"]);
    expect(problemsWith({ idleTimeout: 5 })[0]).toContain('nodes[0].params.idleTimeout');
  });

  it('wants quietAfter and quietFor together, naming the one missing', () => {
    expect(problemsWith({ quietAfter: 100 })).toEqual(["nodes[0].params.quietFor: node 'src': quietFor is needed with quietAfter: the stream goes quiet after quietAfter events for quietFor"]);
    expect(problemsWith({ quietFor: '10s' })).toEqual(["nodes[0].params.quietAfter: node 'src': quietAfter is needed with quietFor: the stream goes quiet after quietAfter events for quietFor"]);
    expect(problemsWith({ quietAfter: -1, quietFor: '10s' })[0]).toContain('nodes[0].params.quietAfter');
  });
});
