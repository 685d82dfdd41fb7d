// Typed documents for the web app: every graphql(`…`) call in src/ is validated against the
// committed schema (packages/schema/schema.graphql) and typed into src/gql/. The output is
// committed, so `npm run build` needs neither codegen nor the network; run `npm run codegen`
// after changing a query or fragment (`npm run codegen:check` fails when src/gql is stale).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // Fragments stay colocated with their components, but the query types carry the
        // fragment fields directly: no useFragment unmasking, which Apollo's cache does not need.
        fragmentMasking: false,
      },
      config: {
        strictScalars: true,
        scalars: {
          Date: { input: 'string', output: 'string' },
          DateTime: { input: 'string', output: 'string' },
          SafeInt: { input: 'number', output: 'number' },
          JSONObject: { input: 'Record<string, unknown>', output: 'Record<string, unknown>' },
          ID: { input: 'string', output: 'string' },
        },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        dedupeFragments: true,
      },
    },
  },
};

export default config;
