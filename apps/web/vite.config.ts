import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The dev server proxies the API paths to a running server (`npm start`, port 4000 by default;
// LIANGXIN_API=http://localhost:4100 to point elsewhere), so the browser sees one origin as in
// production, where the server itself serves dist/.
const api = process.env.LIANGXIN_API ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/graphql', '/health', '/import', '/export', '/templates'].map((path) => [path, { target: api, changeOrigin: true }])),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The lazy chunks of ECharts, Cytoscape and GraphiQL (Monaco) are large by nature; the
    // initial chunk is what `npm run size` watches.
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React Compiler output starts modules with "use no memo": harmless when bundled.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
