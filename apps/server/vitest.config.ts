import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: [
      // graphql 16 ships CJS (`main`) and ESM (`module`) and no `exports` map. Node, and with it
      // Apollo and type-graphql, load the CJS one; Vite would hand our sources the ESM one, and
      // two copies of graphql break `instanceof GraphQLError` and scalar identity. One copy, as
      // in production.
      { find: /^graphql$/, replacement: require.resolve('graphql') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
