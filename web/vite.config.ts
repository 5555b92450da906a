import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard: built into dist/web, served by the Lifeline server at `/`. `vite --config web/vite.config.ts` proxies the API in development. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': { target: process.env.LIFELINE_URL ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
