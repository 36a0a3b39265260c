/**
 * Schemas built at their first use rather than when the model loads. zod
 * makes several objects for each schema and each method call on one (`.min`,
 * `.default`, `.describe` each clone): building every node kind's params at
 * load made 503 zod objects, and a young collection's worth of garbage, in a
 * `windowpane validate` whose document uses a few kinds. A document now
 * builds the params of the kinds it holds (README, "Start time"); the shared
 * pieces in ./common.ts and the document's envelope are still built at load.
 */
import * as z from 'zod';

/** What has been built in this process, by name, in order. */
const built: string[] = [];

/**
 * `build`'s schema, built at the first call and the same object after, so a
 * schema used in several places stays one object as it was when built at
 * load (the JSON Schema and the editor's param specs read the same tree).
 */
export function onDemand<Schema extends z.ZodType>(name: string, build: () => Schema): () => Schema {
  let schema: Schema | undefined;
  return () => {
    if (schema === undefined) {
      schema = build();
      built.push(name);
    }
    return schema;
  };
}

/**
 * An exported schema that builds at its first parse: a `z.lazy` of
 * {@link onDemand}'s getter, so a reader parses it as any schema (its
 * `_zod.innerType` is the built schema).
 */
export function lazySchema<Schema extends z.ZodType>(name: string, build: () => Schema): z.ZodLazy<Schema> {
  return z.lazy(onDemand(name, build));
}

/** The names of the schemas built so far, in the order they were built: what a test checks to see that validating builds only what the document needs. */
export function builtSchemas(): readonly string[] {
  return built;
}
