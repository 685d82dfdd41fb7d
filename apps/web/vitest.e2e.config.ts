import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The end-to-end tests (e2e/*.e2e.test.ts): real headless Chromium against the real server and
 * database, on the built app. Separate from the component tests (vite.config.ts, happy-dom):
 * `npm test` runs both, this one after `vite build` (turbo: web's test depends on its build).
 */
export default defineConfig({
  resolve: {
    alias: [
      // As in apps/server/vitest.config.ts: one copy of graphql (the CJS one Node, Apollo and
      // type-graphql load), or the server's scalars are not the schema's.
      { find: /^graphql$/, replacement: require.resolve('graphql') },
    ],
  },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    // One browser, one server: the files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
