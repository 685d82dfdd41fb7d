/**
 * PostGraphile 4 on the same database, as a user would point it there for production: its
 * recommended production options (no GraphiQL, no watch, no query log, no stack traces),
 * default inflection (one clash renamed by postgraphile.tags.json5), default mutations on (W1 uses the generated createVisit), a pg Pool of 10
 * connections as the other servers. A benchmark-only dependency; spawned as its own process.
 *
 *   DATABASE_URL=… PORT=… node dist/postgraphile-server.js
 */
import Module, { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import pg from 'pg';

/*
 * One graphql for the whole process. PostGraphile 4 needs graphql 15 (npm nests it under
 * postgraphile), but npm hoists some of its dependencies (graphile-build-pg,
 * graphql-parse-resolve-info) to the root, where they find the workspace's graphql 16: two
 * realms, and "Cannot use GraphQLScalarType from another module or realm". This process holds
 * nothing but PostGraphile, so every `require('graphql…')` in it goes to PostGraphile's copy.
 */
const require = createRequire(import.meta.url);
const graphql15 = dirname(require.resolve('graphql/package.json', { paths: [dirname(require.resolve('postgraphile/package.json'))] }));
const modules = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = modules._resolveFilename;
modules._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === 'graphql') request = graphql15;
  else if (request.startsWith('graphql/')) request = join(graphql15, request.slice('graphql/'.length));
  return resolveFilename.call(this, request, ...rest);
};
const { postgraphile } = await import('postgraphile');
const { makePgSmartTagsFromFilePlugin } = await import('postgraphile/plugins.js');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => {});

const handler = postgraphile(pool, 'public', {
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  disableDefaultMutations: false,
  disableQueryLog: true,
  graphiql: false,
  watchPg: false,
  // The bench wants a schema that does not build to fail at once, not to be retried every 30 s.
  retryOnInitFail: false,
  appendPlugins: [makePgSmartTagsFromFilePlugin(new URL('../postgraphile.tags.json5', import.meta.url).pathname)],
  extendedErrors: ['errcode'],
  showErrorStack: false,
  enableQueryBatching: false,
  graphqlRoute: '/graphql',
});

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  handler(req, res);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
