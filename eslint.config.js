// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Layers (see shared ARCHITECTURE.md): imports flow one way.
 *   app -> editor -> worker client -> model;  worker -> engine -> model;  cli, server -> engine, model.
 * `no-restricted-imports` options are replaced, not merged, when several blocks match a file,
 * so each block below lists every restriction that applies to its files.
 */

/** A relative import that climbs out of the current folder into a sibling layer under src/. */
function layer(names) {
  return `^(\\.\\./)+(${names.join('|')})(/.*)?$|(^|/)src/(${names.join('|')})(/.*)?$`;
}

const editorOnlyFromApp = {
  regex: layer(['editor']),
  message: 'Only src/main.tsx and src/app may import src/editor.',
};

const noUi = [
  { regex: '^react(-dom)?(/.*)?$', message: 'The engine and the model are UI-free: no React.' },
  { regex: '^@xyflow/', message: 'The engine and the model are UI-free: no React Flow.' },
  editorOnlyFromApp,
  {
    regex: layer(['app', 'worker', 'charts']),
    message: 'The engine and the model must not import the app, the worker or the charts.',
  },
];

/** Timers and clocks make results depend on the host: inject a clock and a scheduler instead. */
const timers = ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval'].map(
  (name) => ({ name, message: `Use the injected scheduler instead of ${name}.` }),
);
const clocks = [{ name: 'Date', message: 'Use the injected clock instead of Date.' }];

/*
 * The V8 rules the engine's hot loops rely on (see FastRun in src/engine/window/fastFold.ts,
 * "Literals, not spreads" in src/engine/run/runtime.ts and the head of cellKernels.ts), as far as a
 * syntax rule can hold them; src/engine/hotState.test.ts checks the shapes the operators build.
 * Like no-restricted-imports, no-restricted-syntax options are replaced when blocks overlap, so
 * each list below includes the ones before it.
 */
const configSpread = {
  selector: 'CallExpression[callee.name=/^create\\w*Operator$/] ObjectExpression > SpreadElement',
  message:
    'Literals, not spreads: an operator config built by spreading gets a map that changes from run to run, and every hot function reading it is deoptimised again (see src/engine/run/runtime.ts). Write the fields out.',
};
const hotState = [
  {
    selector: 'ObjectExpression > SpreadElement',
    message:
      "No object spread in window and aggregate code: the copy's map follows its source's, so hot functions reading it meet new maps and deoptimise (see runtime.ts, \"Literals, not spreads\"). Write the fields out.",
  },
  {
    selector:
      'FunctionDeclaration[id.name=/^create(?!\\w*Operator$)/] > BlockStatement > ReturnStatement > ObjectExpression, VariableDeclarator[id.name=/^create/] > ArrowFunctionExpression > ObjectExpression',
    message:
      "State the hot loops read is a class instance, not an object literal: V8 builds a literal's boilerplate on its second run, which generalised its fields and deoptimised the fold loops (see FastRun in window/fastFold.ts). Return `new SomeClass()`.",
  },
  {
    selector:
      'PropertyDefinition[key.name=/^(time|watermark|offset|lo|mid|hi|limit|start|end)$|[a-z](Time|Watermark)$/]:matches([value.raw=/^[0-9]+$/], [value.operator="-"][value.argument.raw=/^[0-9]+$/])',
    message:
      'A field that holds a time starts as NaN, a double: starting as a small integer it changes representation on the first run and deoptimises the loops reading it (see FastRun in window/fastFold.ts).',
  },
];
const TYPED_ARRAY = '/^(Float64|Float32|Int32|Int16|Int8|Uint32|Uint16|Uint8)Array$/';
const hotKernel = [
  ...hotState,
  {
    selector: ':function :function',
    message:
      'A hot kernel is a function of its own with its loop inside, no closures or callbacks: each loop stays monomorphic (see the head of window/cellKernels.ts).',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(forEach|map|filter|reduce|some|every|find|findIndex)$/]',
    message: 'A hot kernel loops with for and an index: array callbacks are calls V8 may not inline (see window/cellKernels.ts).',
  },
];
const typedArrayParams = [
  ...hotKernel,
  {
    selector: [
      `FunctionDeclaration > Identifier.params > TSTypeAnnotation > :not(TSNumberKeyword, TSUnionType, TSTypeReference[typeName.name=${TYPED_ARRAY}])`,
      `FunctionDeclaration > Identifier.params > TSTypeAnnotation > TSUnionType > :not(TSNullKeyword, TSTypeReference[typeName.name=${TYPED_ARRAY}])`,
    ].join(', '),
    message:
      'A cell kernel takes typed arrays (or null) and numbers only, so every call site passes the same maps and the loop stays monomorphic (see the head of window/cellKernels.ts).',
  },
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.vite/',
      'public/pipeline.schema.json',
      '.scratch/',
      'dist-cli/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // Documents come from untrusted hands: nothing may turn a string into code.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['src/main.tsx', 'src/app/**', 'src/editor/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [editorOnlyFromApp] }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/model/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': ['error', ...timers, ...clocks],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noUi }] },
  },
  {
    // The Flink SQL export runs in the app and the CLI alike: no UI, no any, no host clocks.
    files: ['src/flinkSql/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': ['error', ...timers, ...clocks],
      'no-restricted-imports': ['error', { patterns: noUi }],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noUi,
            { regex: layer(['engine']), message: 'The model must not import the engine.' },
          ],
        },
      ],
    },
  },
  {
    // Tests may build fixtures from dates, but they still use fake clocks, never sleeps.
    files: ['src/engine/**/*.test.ts', 'src/model/**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', ...timers] },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', configSpread] },
  },
  {
    files: ['src/engine/window/**/*.ts', 'src/engine/aggregate/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...hotState] },
  },
  {
    files: ['src/engine/window/fastFold.ts', 'src/engine/window/rowLoop.ts'],
    rules: { 'no-restricted-syntax': ['error', ...hotKernel] },
  },
  {
    files: ['src/engine/window/cellKernels.ts', 'src/engine/window/stagedKernels.ts'],
    rules: { 'no-restricted-syntax': ['error', ...typedArrayParams] },
  },
);
