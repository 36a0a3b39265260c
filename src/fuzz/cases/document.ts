/**
 * One pipeline-document case: JSON text or a value, through parse, migrate
 * and validate the way an import is; a document that validates is compiled
 * and run (bounded). The rules: nothing throws, every problem points into
 * the document (a JSON path whose parents exist, or a line and column), and
 * a valid document compiles or says which node and param is wrong.
 */
import { migrate, parsePipelineJson, validate } from '../../model';
import { addChain } from './chain';
import { materialize } from './materialize';
import { pathProblem } from './paths';
import { runBounded } from './runBounded';
import { thrown, type CaseOutcome } from './types';

export interface DocumentCase {
  /** The document as a value (markers allowed, see materialize.ts)... */
  readonly doc?: unknown;
  /** ...or as file text, read like an import. */
  readonly text?: string;
  /** Then this many filters chained from node `src` to a new sink (see chain.ts). */
  readonly chain?: number;
  /** Data for file sources without inline data, by node id. */
  readonly fileInputs?: Readonly<Record<string, string>>;
}

const LIMIT_EVENTS = 300;
const RUN_MS = 1000;

export function runDocumentCase(input: DocumentCase): CaseOutcome {
  const violations: string[] = [];
  let value: unknown;
  if (input.text !== undefined) {
    const parsed = parsePipelineJson(input.text);
    if (!parsed.ok) {
      const { line, column } = parsed.problem;
      if (!Number.isInteger(line) || !Number.isInteger(column) || line! < 1 || column! < 1) {
        violations.push(`JSON syntax problem without line and column: ${parsed.problem.message}`);
      }
      return { violations, outcome: 'syntax' };
    }
    value = parsed.value;
  } else {
    value = materialize(structuredClone(input.doc));
    if (input.chain !== undefined) addChain(value, input.chain);
  }

  let migrated;
  try {
    migrated = migrate(value);
  } catch (error) {
    return { violations: [`migrate threw: ${thrown(error)}`], outcome: 'crash' };
  }
  if (!migrated.ok) {
    if (migrated.problem.path !== 'version') violations.push(`migrate problem not at 'version': ${migrated.problem.path}`);
    return { violations, outcome: 'migrate' };
  }

  let result;
  try {
    result = validate(migrated.value);
  } catch (error) {
    return { violations: [`validate threw: ${thrown(error)}`], outcome: 'crash' };
  }
  if (!result.ok) {
    if (result.problems.length === 0) violations.push('validate refused the document without a problem');
    for (const problem of result.problems) {
      if (typeof problem.message !== 'string' || problem.message.trim() === '') violations.push(`problem at ${problem.path} has no message`);
      const where = pathProblem(migrated.value, problem.path);
      if (where !== null) violations.push(`${where} (${problem.message})`);
    }
    return { violations, outcome: 'invalid' };
  }

  const document = result.document;
  const ids = new Set(document.nodes.map((node) => node.id));
  let run;
  try {
    run = runBounded(document, { limit: LIMIT_EVENTS, timeMs: RUN_MS, ...(input.fileInputs === undefined ? {} : { fileInputs: input.fileInputs }) });
  } catch (error) {
    return { violations: [`a valid document crashed compile or run: ${thrown(error)}`], outcome: 'crash' };
  }
  for (const problem of run.problems) {
    if (!ids.has(problem.nodeId)) violations.push(`compile problem names node ${JSON.stringify(problem.nodeId)}, which is not in the document`);
    const where = pathProblem(document, problem.path);
    if (where !== null) violations.push(`compile problem: ${where} (${problem.message})`);
  }
  for (const diagnostic of run.diagnostics) {
    if (!ids.has(diagnostic.nodeId)) violations.push(`run diagnostic names node ${JSON.stringify(diagnostic.nodeId)}, which is not in the document`);
  }
  return { violations, outcome: run.problems.length > 0 ? 'compile-refused' : 'ran' };
}
