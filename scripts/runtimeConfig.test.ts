import { describe, expect, it } from 'vitest';
import { runtimeConfigOf } from './runtimeConfig';

describe('runtimeConfigOf', () => {
  it('announces WINDOWPANE_SERVER_PORT when it is a port, and nothing otherwise', () => {
    expect(runtimeConfigOf({ WINDOWPANE_SERVER_PORT: '9123' })).toEqual({ sampleServerPort: 9123 });
    expect(runtimeConfigOf({})).toEqual({ sampleServerPort: null });
    expect(runtimeConfigOf({ WINDOWPANE_SERVER_PORT: 'abc' })).toEqual({ sampleServerPort: null });
    expect(runtimeConfigOf({ WINDOWPANE_SERVER_PORT: '70000' })).toEqual({ sampleServerPort: null });
  });
});
