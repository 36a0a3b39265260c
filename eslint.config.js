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
);
