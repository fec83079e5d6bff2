/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Dev server (npm run dev): the API paths go to a console service running with JOYSTICK_CONSOLE_PROXY=true.
const api = 'http://localhost:8088';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // No inline <script> and no data: modules: the console's CSP allows only the app's own files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // The budget is checked by benchmarks/console-bundle.sh (gzipped size), not by this raw-size warning.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: {
      '/api/terminal': { target: api, ws: true },
      '/api': api,
      '/switcher': api,
      '/.well-known': api,
      '/notifications': { target: api, ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['test/**/*.test.tsx', 'test/**/*.test.ts'],
  },
});
