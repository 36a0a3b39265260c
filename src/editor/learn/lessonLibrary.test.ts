import { describe, expect, it } from 'vitest';
import { lessonFile } from '../../lessons/testing/lessonFixtures';
import { memoryBackend, type KeyValueBackend } from '../persistence/backend';
import { createLessonLibrary } from './lessonLibrary';

const text = (edit: (file: ReturnType<typeof lessonFile>) => void = () => {}): string => {
  const file = lessonFile();
  edit(file);
  return JSON.stringify(file, null, 2);
};

/** A second library over the same storage: what a reload finds. */
async function reloaded(backend: KeyValueBackend, builtin: ReadonlySet<string> = new Set()) {
  const library = createLessonLibrary(backend, builtin);
  await library.restore();
  return library.state.getState();
}

describe('the lesson library', () => {
  it('keeps an imported lesson as its text, and a teacher\'s new version of it replaces the old', async () => {
    const backend = memoryBackend();
    const library = createLessonLibrary(backend, new Set());
    const first = await library.importText(text());
    expect(first).toMatchObject({ ok: true, replaced: false, lesson: { id: 'late-clicks' } });
    const second = await library.importText(text((f) => { f.title = 'Late clicks, again'; }));
    expect(second).toMatchObject({ ok: true, replaced: true });
    const after = await reloaded(backend);
    expect(after.imported).toHaveLength(1);
    expect(after.imported[0]).toMatchObject({ ok: true, lesson: { title: 'Late clicks, again' }, text: text((f) => { f.title = 'Late clicks, again'; }) });
  });

  it('refuses an invalid file with every problem at its path, and stores nothing', async () => {
    const backend = memoryBackend();
    const library = createLessonLibrary(backend, new Set());
    const outcome = await library.importText(text((f) => { f.id = 'Bad Id'; f.steps = []; }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['id', 'steps']));
    expect((await reloaded(backend)).imported).toEqual([]);
  });

  it('refuses the id of a built-in lesson, so a file cannot stand in for one', async () => {
    const library = createLessonLibrary(memoryBackend(), new Set(['late-clicks']));
    const outcome = await library.importText(text());
    expect(outcome).toEqual({ ok: false, problems: [{ path: 'id', message: expect.stringMatching(/built-in lesson has the id 'late-clicks'/) }] });
  });

  it('restores progress after a reload, and keeps stored lessons when a change comes before the restore ends', async () => {
    const backend = memoryBackend();
    const first = createLessonLibrary(backend, new Set());
    await first.importText(text());
    await first.markOpened('late-clicks', 'pipeline-7');
    await first.markPassed('late-clicks', 'empty-late-port');
    await first.markPassed('late-clicks', 'empty-late-port');

    // No restore() called first: the change waits for it rather than replacing what is stored.
    const second = createLessonLibrary(backend, new Set());
    await second.markPassed('watermarks', 'no-late-readings');
    const after = await reloaded(backend);
    expect(after.imported).toHaveLength(1);
    expect(after.progress.get('late-clicks')).toEqual({ opened: true, passed: ['empty-late-port'], pipelineId: 'pipeline-7' });
    expect(after.progress.get('watermarks')).toEqual({ opened: true, passed: ['no-late-readings'] });
  });

  it('keeps a stored lesson that no longer reads, with its problems, instead of dropping it', async () => {
    const backend = memoryBackend([['imported', ['{"format":"windowpane.lesson","version":99}', text()]]]);
    const state = await reloaded(backend);
    expect(state.imported.map((l) => l.ok)).toEqual([false, true]);
    expect(state.imported[0]).toMatchObject({ ok: false, name: 'imported lesson 1', text: '{"format":"windowpane.lesson","version":99}' });
  });

  it('says so when storage fails, and keeps the work in the page', async () => {
    const failing: KeyValueBackend = { get: async () => undefined, setMany: async () => { throw new Error('quota exceeded'); }, delMany: async () => {} };
    const library = createLessonLibrary(failing, new Set());
    await library.markPassed('late-clicks', 'empty-late-port');
    expect(library.state.getState().storageProblem).toMatch(/quota exceeded/);
    expect(library.progressOf('late-clicks').passed).toEqual(['empty-late-port']);
  });
});
