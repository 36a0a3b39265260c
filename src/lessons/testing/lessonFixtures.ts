/**
 * A small valid lesson file for tests, as a plain JSON value: the click
 * pipeline with a 0 ms bound to start, a 15 s bound as the solution, and one
 * task that wants the late port empty.
 */
import { LESSON_FORMAT, LESSON_VERSION } from '../format';
import { clickPipeline } from './lessonPipelines';

export type LessonFile = Record<string, unknown> & { tasks: Record<string, unknown>[]; steps: Record<string, unknown>[] };

export function lessonFile(): LessonFile {
  return JSON.parse(JSON.stringify({
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    id: 'late-clicks',
    title: 'Late clicks',
    summary: 'A watermark bound that keeps every click.',
    order: 99,
    steps: [
      { text: 'One click comes **12 s** after its time. See [watermarks](https://nightlies.apache.org/flink/).', timeline: 'w' },
      { text: 'Make the bound wider.' },
    ],
    start: clickPipeline(),
    solution: clickPipeline({ maxOutOfOrderness: '15s' }),
    tasks: [{
      id: 'empty-late-port',
      text: 'Make the late port of `w` empty.',
      checks: [{ measure: { kind: 'lateCount', window: 'w' }, op: 'eq', value: 0, says: 'the late port is empty' }],
      predict: { question: 'How many events go to the late port now?', measure: { kind: 'lateCount', window: 'w' } },
      hints: ['Change *maxOutOfOrderness* of the source.'],
    }],
  })) as LessonFile;
}
