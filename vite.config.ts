import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client is served by the Lotse server from dist/client; in development Vite proxies the API.
export default defineConfig({
  root: '.',
  plugins: [react()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // Everything is self-hosted: fonts and icons are emitted as files, never fetched from elsewhere.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
