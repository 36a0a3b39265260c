import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { windowpaneRuntimeConfig } from './scripts/runtimeConfig.ts';

export default defineConfig({
  plugins: [react(), windowpaneRuntimeConfig()],
  resolve: {
    // See src/worker/protobufStub.ts: a dependency's optional protobuf support, never used.
    alias: { 'protobufjs/minimal': fileURLToPath(new URL('./src/worker/protobufStub.ts', import.meta.url)) },
  },
  // Module workers so the engine can be imported by the pipeline worker as ES modules.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
