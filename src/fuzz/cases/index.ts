/** Runs one fuzz case of any area: what the case worker calls for each message. */
import { runDocumentCase, type DocumentCase } from './document';
import { runExpressionCase, type ExpressionCase } from './expression';
import { runFileRowsCase, type FileRowsCase } from './fileRows';
import { runStreamQueryCase, type StreamQueryCase } from './streamQuery';
import { runSelfCheckCase, type SelfCheckCase } from './selfCheck';
import type { CaseOutcome, FuzzArea, SelfCheckArea } from './types';
import { runWsMessageCase, type WsMessageCase } from './wsMessage';

/** The input of a case crosses a thread and sits in corpus files: it is plain JSON, typed per area here. */
export function runCase(area: FuzzArea | SelfCheckArea, input: unknown): CaseOutcome {
  switch (area) {
    case 'documents': return runDocumentCase(input as DocumentCase);
    case 'expressions': return runExpressionCase(input as ExpressionCase);
    case 'fileRows': return runFileRowsCase(input as FileRowsCase);
    case 'wsMessages': return runWsMessageCase(input as WsMessageCase);
    case 'streamQueries': return runStreamQueryCase(input as StreamQueryCase);
    case 'selfCheck': return runSelfCheckCase(input as SelfCheckCase);
  }
}
