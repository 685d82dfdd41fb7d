import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: [
      // graphql 16 ships CJS and ESM without an `exports` map: @graphql-inspector (loaded by Node)
      // gets the CJS copy, Vite would hand our sources the ESM one, and a schema built with one
      // copy is refused by the other ("Cannot use GraphQLSchema from another module or realm").
      // One copy, as under plain node.
      { find: /^graphql$/, replacement: require.resolve('graphql') },
    ],
  },
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
