#!/usr/bin/env node
// The CLI is TypeScript that shares the engine's sources; tsx loads it without a build step.
import { register } from 'tsx/esm/api';

register();
const { runAsProgram } = await import('./main.ts');
await runAsProgram();
