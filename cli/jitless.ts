/**
 * Imported first by each bundle's entry (cli/entries/, cli/main.ts), before the model's schemas
 * are built: zod then checks a document without compiling a parser per object schema with
 * `new Function`. That compiling pays for itself over many parses (the app); the CLI parses one
 * document and ends, and the compiling was a tenth of `validate`'s start.
 */
import * as z from 'zod';

z.config({ jitless: true });
