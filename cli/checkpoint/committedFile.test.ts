import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Field } from '../../src/engine/batch';
import { batchOf } from '../out/randomBatches';
import { memoryIo } from '../testIo';
import { openResultOutput } from '../out';
import { openCommittedFile, rollBack } from './committedFile';

const scratch = mkdtempSync(join(tmpdir(), 'windowpane-ckpt-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the results file of a checkpointed run', () => {
  it('is cut back to the committed length on a resume, and written on after it', async () => {
    const path = join(scratch, 'cut.ndjson');
    writeFileSync(path, 'committed\nrolled back, half a li');
    const file = await openCommittedFile(path, 'committed\n'.length);
    expect(readFileSync(path, 'utf8')).toBe('committed\n');
    file.stream.end('again\n');
    await new Promise<void>((resolve) => file.stream.once('close', () => resolve()));
    expect(readFileSync(path, 'utf8')).toBe('committed\nagain\n');
  });

  it('refuses to roll back a file shorter than committed, or gone, saying so', async () => {
    const path = join(scratch, 'short.csv');
    writeFileSync(path, 'abc');
    await expect(rollBack(path, 10)).rejects.toThrow(`${path}: the output file has 3 bytes, fewer than the 10 its checkpoint committed`);
    expect(readFileSync(path, 'utf8')).toBe('abc');
    await expect(rollBack(join(scratch, 'gone.csv'), 10)).rejects.toThrow('the output file of the checkpointed run is gone');
  });

  it("commits exactly the bytes written so far: the commit point is the file's length once they are written", async () => {
    const path = join(scratch, 'commit.csv');
    const file = await openCommittedFile(path, null);
    const fields: Field[] = [{ name: 'k', type: 'string' }, { name: 'n', type: 'number' }];
    const sinks = [{ id: 'out', fields }];
    const output = await openResultOutput(memoryIo(), path, 'csv', sinks, { stream: file.stream, startAt: 0, rowsBefore: 0 });
    const batch = (rows: { k: string; n: number }[]) => batchOf(fields, rows.map((r) => [r.k, r.n]));
    output.write('out', batch([{ k: 'a', n: 1 }, { k: 'b,c', n: 2 }]));
    const first = output.commitPoint();
    await first.written;
    await file.sync();
    expect(first.bytes).toBe(readFileSync(path).length);
    expect(readFileSync(path, 'utf8')).toBe('k,n\na,1\n"b,c",2\n');
    output.write('out', batch([{ k: 'd', n: 3 }]));
    await output.close();
    // A resume from the first commit point: the header is not written twice, the rows after it are computed again.
    const again = await openCommittedFile(path, first.bytes);
    const resumed = await openResultOutput(memoryIo(), path, 'csv', sinks, { stream: again.stream, startAt: first.bytes, rowsBefore: 2 });
    resumed.write('out', batch([{ k: 'd', n: 3 }]));
    expect(resumed.commitPoint().bytes).toBe(first.bytes + 'd,3\n'.length);
    expect(resumed.rows).toBe(3);
    await resumed.close();
    expect(readFileSync(path, 'utf8')).toBe('k,n\na,1\n"b,c",2\nd,3\n');
  });
});
