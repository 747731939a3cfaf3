import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;
const api = process.env.BEKOGAZ_API ?? 'http://127.0.0.1:8080';

/** The web UI: built into web/dist, which the fastify server serves at / (src/app/server.ts). */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: resolve(webRoot, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    // The risk pages import the server's pure vocabulary (src/contexts/risk/domain/model.ts).
    fs: { allow: [resolve(webRoot, '..')] },
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/docs': { target: api, changeOrigin: false },
    },
  },
});
