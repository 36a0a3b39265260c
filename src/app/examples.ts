import { examplesFromModules, type Example } from './catalog';

// Bundled at build time: adding a file to examples/ needs a rebuild, which `npm start` does.
const modules: Record<string, unknown> = import.meta.glob('../../examples/*.json', {
  eager: true,
  import: 'default',
});

/** Every example pipeline in examples/, sorted by name. May be empty. */
export const bundledExamples: readonly Example[] = examplesFromModules(modules);
