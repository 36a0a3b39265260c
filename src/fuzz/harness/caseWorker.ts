/**
 * The thread fuzz cases run in. A case that never returns (a loop the input
 * controls) can only be stopped from outside: the sandbox terminates this
 * thread after the time limit and starts another. Each answer waits for the
 * turn's microtasks, so a rejection nobody handled is reported with its case.
 */
import { parentPort } from 'node:worker_threads';
import { runCase } from '../cases';
import { thrown, type FuzzArea, type SelfCheckArea } from '../cases/types';

export interface CaseRequest {
  readonly id: number;
  readonly area: FuzzArea | SelfCheckArea;
  /** The input as JSON text: corpus files and generated inputs take the same road. */
  readonly json: string;
}

export interface CaseReply {
  readonly id: number;
  readonly violations: string[];
  readonly outcome: string;
}

const port = parentPort;
if (port === null) throw new Error('caseWorker runs in a worker thread');

let unhandled: string[] = [];
process.on('unhandledRejection', (reason) => {
  unhandled.push(`unhandled rejection: ${thrown(reason)}`);
});

port.on('message', (request: CaseRequest) => {
  let reply: CaseReply;
  try {
    const outcome = runCase(request.area, JSON.parse(request.json));
    reply = { id: request.id, violations: [...outcome.violations], outcome: outcome.outcome };
  } catch (error) {
    reply = { id: request.id, violations: [`the case threw: ${thrown(error)}`], outcome: 'crash' };
  }
  setImmediate(() => {
    reply.violations.push(...unhandled);
    unhandled = [];
    port.postMessage(reply);
  });
});

// Ready: the sandbox starts a case's clock only now.
port.postMessage({ ready: true });
