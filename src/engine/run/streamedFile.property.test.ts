import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffFile } from '../sources/file/stream/index';
import { reusingBytes } from '../sources/file/stream/testing';
import type { OpenedFile } from '../sources/file/stream/types';
import { fileSourceParts } from '../testing/fileTexts';
import { casesAfter, type SnapshotCase } from '../testing/snapshotPipelines';
import { runStreamedWithCuts, type StreamedOutcome } from '../testing/streamedRuns';
import { bytesOfText } from './stepWithFiles';

/*
 * A file read as the run goes, in chunks of any size (1 byte to 64 KB, so
 * rows, quoted fields, multi-byte characters and CRLFs are cut anywhere),
 * gives exactly what the same text given inline (parsed whole) gives:
 * results, late rows, metrics after every step, what every node emitted,
 * and the bad rows with their lines. And a streamed run cut anywhere
 * (snapshot, structuredClone, restore into a fresh runtime that reads the
 * file again from the resume point) gives what the uninterrupted run gives.
 */
const cases = fc.tuple(casesAfter(fileSourceParts), fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 65_536 })));

async function opened(c: SnapshotCase, chunkSize: number, reused = false): Promise<Record<string, OpenedFile>> {
  const params = c.doc.nodes[0]!.params as { format: 'csv' | 'ndjson'; data: string };
  const text = bytesOfText(params.data, `events.${params.format}`, chunkSize);
  const bytes = reused ? reusingBytes(text) : text;
  const sniffed = await sniffFile(bytes, { format: params.format, eventTime: 'ts', timeFormat: 'epochMillis', delimiter: ',' });
  if (!sniffed.ok) throw new Error(sniffed.message);
  return { src0: { bytes, layout: sniffed.layout } };
}

function expectSame(actual: StreamedOutcome, expected: StreamedOutcome, summary: string): void {
  expect(actual.steps, summary).toBe(expected.steps);
  expect(actual.results, summary).toEqual(expected.results);
  expect(actual.late, summary).toEqual(expected.late);
  expect(actual.diagnostics, summary).toEqual(expected.diagnostics);
  expect(actual.metricsByStep, summary).toEqual(expected.metricsByStep);
  expect(actual.metrics, summary).toEqual(expected.metrics);
  expect(actual.logs, summary).toEqual(expected.logs);
  expect(actual.emitted, summary).toEqual(expected.emitted);
}

describe('a streamed file', () => {
  it('gives what its text inline gives, for any chunk and batch size', async () => {
    await fc.assert(fc.asyncProperty(cases, async ([c, chunkSize]) => {
      const inline = await runStreamedWithCuts(c.doc, c.script);
      const streamed = await runStreamedWithCuts(c.doc, c.script, await opened(c, chunkSize));
      expectSame(streamed, inline, `${c.summary} chunk ${chunkSize}`);
    }), { numRuns: 120 });
  });

  it('read into one reused buffer (scribbled over before each next chunk) gives what its text inline gives: no row handed on changes', async () => {
    await fc.assert(fc.asyncProperty(cases, async ([c, chunkSize]) => {
      const inline = await runStreamedWithCuts(c.doc, c.script);
      const streamed = await runStreamedWithCuts(c.doc, c.script, await opened(c, chunkSize, true));
      expectSame(streamed, inline, `${c.summary} chunk ${chunkSize} reused`);
    }), { numRuns: 80 });
  });

  it('cut anywhere (snapshot, clone, restore into a fresh runtime reading on from the resume point) gives the uninterrupted run', async () => {
    await fc.assert(fc.asyncProperty(cases, fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 4 }), async ([c, chunkSize], cuts) => {
      const files = await opened(c, chunkSize);
      const straight = await runStreamedWithCuts(c.doc, c.script, files);
      const cut = await runStreamedWithCuts(c.doc, c.script, files, cuts.map((x) => Math.floor((x / 1000) * straight.steps)));
      expectSame(cut, straight, `${c.summary} chunk ${chunkSize} cuts ${cuts.join(',')}`);
    }), { numRuns: 80 });
  });
});
