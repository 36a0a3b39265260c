/**
 * Stands in for `protobufjs/minimal` in the browser bundle. @datadog/sketches-js
 * requires it only to (de)serialise sketches as protobuf, which Windowpane
 * never does, and does not install it (it is one of its dev dependencies), so
 * bundling the engine into the worker would otherwise fail to resolve it.
 * `roots` is what its generated code touches when the module is first read.
 */
export const roots: Record<string, unknown> = {};
