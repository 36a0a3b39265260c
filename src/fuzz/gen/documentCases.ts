/**
 * Document cases: generated valid documents and the bundled examples, as they
 * are and mutated (one to three mutations), now and then as JSON text cut or
 * spliced so the import's syntax errors get their line and column checked.
 */
import fc from 'fast-check';
import type { DocumentCase } from '../cases/document';
import { heldBack } from '../knownOpen';
import { validDocument } from './documents';
import { applyMutations, mutation } from './mutations';

function base(examples: readonly unknown[]): fc.Arbitrary<Record<string, unknown>> {
  const valid = examples.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null && !Array.isArray(e));
  return valid.length === 0 ? validDocument : fc.oneof({ weight: 3, arbitrary: validDocument }, { weight: 1, arbitrary: fc.constantFrom(...valid) });
}

const chainLength = fc.integer({ min: 2, max: heldBack('bigDocuments') ? 300 : 10_000 });

/** JSON text with a cut, an inserted character or a deleted one. */
function damagedText(document: Record<string, unknown>, at: number, how: number, insert: string): string {
  const text = JSON.stringify(document, null, how % 2 === 0 ? 2 : undefined);
  const cut = at % (text.length + 1);
  if (how % 3 === 0) return text.slice(0, cut);
  if (how % 3 === 1) return text.slice(0, cut) + insert + text.slice(cut);
  return text.slice(0, cut) + text.slice(cut + 1);
}

export function documentCase(examples: readonly unknown[]): fc.Arbitrary<DocumentCase> {
  const documents = base(examples);
  return fc.oneof(
    { weight: 3, arbitrary: documents.map((doc): DocumentCase => ({ doc })) },
    {
      weight: 10,
      arbitrary: fc.tuple(documents, fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([doc, mutations]): DocumentCase => {
          const chain = mutations.find((m) => m.op === 'chain');
          const mutated = { doc: applyMutations(doc, mutations) };
          return chain === undefined ? mutated : { ...mutated, chain: chain.length };
        }),
    },
    { weight: 1, arbitrary: fc.tuple(documents, chainLength).map(([doc, chain]): DocumentCase => ({ doc, chain })) },
    {
      weight: 2,
      arbitrary: fc.tuple(documents, fc.nat(), fc.nat(), fc.constantFrom('{', '}', '"', ',', ':', '\n', 'x', '\\', '[', '\u0000'))
        .map(([doc, at, how, insert]): DocumentCase => ({ text: damagedText(doc, at, how, insert) })),
    },
  );
}
