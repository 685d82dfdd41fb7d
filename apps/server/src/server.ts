import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer as createHttpServer, type RequestListener, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { authentication, createAuthenticate } from './auth/authenticate.js';
import { authorizeOperationPlugin, requireSignIn } from './auth/authorize-operation.js';
import { operationAllowListPlugin } from './auth/operation-allow-list.js';
import { createSessions, DEFAULT_SESSION_TTL_SECONDS, type Sessions } from './auth/session.js';
import { listenForSessionRevocations } from './auth/session-revocations.js';
import { createContext, type Context } from './context.js';
import { createDataSource } from './db/data-source.js';
import { StatementCounter } from './db/statement-counter.js';
import { describeError } from './errors/describe-error.js';
import { createFormatError, unexpectedErrorPlugin } from './errors/format-error.js';
import { createReadinessCheck, healthRouter, type Readiness } from './http/health.js';
import { createGraphqlPost } from './http/graphql-post.js';
import { httpErrorHandler } from './http/http-errors.js';
import { countRequestStatements, requestLog, scopeOf } from './http/request-log.js';
import type { RequestScope } from './http/request-scope.js';
import { spreadsheetRouter } from './http/spreadsheets.js';
import { webAppRouter } from './http/web-app.js';
import { queryProtection, type QueryLimits } from './limits/query-limits.js';
import { createRateLimit, type RateLimits } from './limits/rate-limit.js';
import { createLogger } from './logger.js';
import { buildLiangxinSchema } from './schema.js';
import { compiledExecution } from './execution/compiled-executor.js';

export interface ServerConfig {
  /** PostgreSQL the server reads and writes; migrated beforehand (`runMigrations`). */
  databaseUrl: string;
  /** pino logger; tests pass a silent one. Default: JSON on stdout at `info`. */
  logger?: Logger;
  /** Largest accepted GraphQL request body in bytes (default 1 MiB). */
  bodyLimitBytes?: number;
  /**
   * Apollo's landing page at GET /graphql (default on). It links to Apollo Sandbox, which is
   * served from Apollo's CDN: it needs the internet in the browser, not on the server.
   */
  landingPage?: boolean;
  /** Schema introspection (default on: the schema is public, clients generate types from it). */
  introspection?: boolean;
  /** Database connections in the pool (default 10). */
  poolSize?: number;
  /** Statements slower than this are logged at warn (default 1000 ms). */
  slowQueryMs?: number;
  /** How long `close()` of a listener waits for in-flight requests before cutting them (default 10 s). */
  drainTimeoutMs?: number;
  /** Limits on GraphQL documents (depth, aliases, directives, tokens, cost, string length): see limits/query-limits.ts. */
  queryLimits?: Partial<QueryLimits>;
  /** PostgreSQL statement_timeout of the pool's connections (default 15 s); the importer sets its own. */
  statementTimeoutMs?: number;
  /** HMAC key of session tokens (LIANGXIN_SESSION_SECRET, ≥ 32 characters); default: made once and kept in the database. */
  sessionSecret?: string;
  /** Lifetime of a session token (default 1800 s). */
  sessionTtlSeconds?: number;
  /** Requests per minute per principal and per anonymous address (limits/rate-limit.ts); 0 turns one off. */
  rateLimits?: Partial<RateLimits>;
  /** How operations run (default 'compiled': graphql-jit, execution/compiled-executor.ts; 'graphql-js': the interpreter). */
  executor?: 'compiled' | 'graphql-js';
  /**
   * Count each request's SQL statements into its log line (default off). Counting follows the
   * request through its promises with an AsyncLocalStorage, whose promise hook on Node 20 costs
   * every promise of every request: measured, a sixth of the CPU of the 112-street coverage
   * request. On to find an N+1 in production; tests count statements without it.
   */
  logStatements?: boolean;
  /**
   * How POST /graphql with a JSON body is served (default 'direct': on node:http without Express,
   * http/graphql-post.ts; 'express': through the Express route like every other request). Both
   * answer alike; tests compare them.
   */
  graphqlPost?: 'direct' | 'express';
}

export interface Listener {
  /** e.g. http://localhost:4000 */
  readonly url: string;
  readonly port: number;
  readonly httpServer: HttpServer;
  /** Stops accepting connections, lets in-flight requests finish (up to drainTimeoutMs), then resolves. */
  close(): Promise<void>;
}

export interface LiangxinServer {
  /** The Express app: every route. Mounted elsewhere, it serves POST /graphql too, through Express. */
  readonly app: Express;
  /** What `listen` serves: POST /graphql on its direct path (http/graphql-post.ts), the rest by `app`. */
  readonly handle: RequestListener;
  readonly dataSource: DataSource;
  readonly schema: GraphQLSchema;
  /** Every SQL statement the server sends passes here (tests count them). */
  readonly statements: StatementCounter;
  /** Issues and checks session tokens (signIn uses it; tests and tools sign in with it directly). */
  readonly sessions: Sessions;
  readonly logger: Logger;
  /** The check behind /health/ready. */
  ready(): Promise<Readiness>;
  /** Listens on `port` (0: any free port) and `host` (default: all interfaces). */
  listen(port?: number, host?: string): Promise<Listener>;
  /** Drains and closes every listener, stops Apollo, closes the database pool. Idempotent. */
  close(): Promise<void>;
}

/**
 * Builds the whole server: database pool, schema, Apollo at /graphql, health at /health. Does not
 * listen and does not migrate: `main.ts` migrates first, tests hand a migrated test database.
 */
export async function createServer(config: ServerConfig): Promise<LiangxinServer> {
  const logger = config.logger ?? createLogger();
  const drainTimeoutMs = config.drainTimeoutMs ?? 10_000;
  const { dataSource, statements } = createDataSource({
    url: config.databaseUrl,
    logger,
    poolSize: config.poolSize,
    slowQueryMs: config.slowQueryMs,
    statementTimeoutMs: config.statementTimeoutMs,
    statements: new StatementCounter(),
  });
  await dataSource.initialize();
  const revocations = listenForSessionRevocations({
    databaseUrl: config.databaseUrl,
    ttlSeconds: config.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS,
    log: logger,
  });
  const sessions = createSessions({ dataSource, secret: config.sessionSecret, ttlSeconds: config.sessionTtlSeconds, revocations });
  const protection = queryProtection(config.queryLimits);

  let apollo: ApolloServer<Context>;
  let schema: GraphQLSchema;
  try {
    schema = await buildLiangxinSchema();
    apollo = new ApolloServer<Context>({
      // Operations run as functions graphql-jit compiled for them, or by graphql-js on request.
      ...(config.executor === 'graphql-js' ? { schema } : { gateway: compiledExecution(schema) }),
      formatError: createFormatError(),
      includeStacktraceInErrorResponses: false,
      // Shutdown belongs to the process owner (main.ts drains, then calls close()). Apollo's own
      // handler would stop it mid-drain and re-raise the signal.
      stopOnTerminationSignals: false,
      introspection: config.introspection ?? true,
      // Apollo's default, stated: an array of operations in one body is refused (400).
      allowBatchedHttpRequests: false,
      parseOptions: protection.parseOptions,
      validationRules: protection.validationRules,
      plugins: [
        ...protection.plugins,
        operationAllowListPlugin(),
        authorizeOperationPlugin(),
        config.landingPage === false
          ? ApolloServerPluginLandingPageDisabled()
          : ApolloServerPluginLandingPageLocalDefault({ embed: false, footer: false }),
        operationNamePlugin(),
        unexpectedErrorPlugin(),
        legacyJsonStatusPlugin(),
        // No cache hints are set, and the plugin wraps every field resolver to read them: on a
        // 112-street coverage query that was a good part of the server's time.
        ApolloServerPluginCacheControlDisabled(),
      ],
    });
    await apollo.start();
  } catch (error) {
    await revocations.close();
    await dataSource.destroy();
    throw error;
  }

  const authenticate = createAuthenticate({ dataSource, sessions });
  const rateLimit = createRateLimit(config.rateLimits);
  const ready = createReadinessCheck({ dataSource, databaseUrl: config.databaseUrl, log: logger });
  const bodyLimitBytes = config.bodyLimitBytes ?? 1024 * 1024;
  const trackStatements = <T>(scope: RequestScope, fn: () => T): T => statements.track(scope.statements, fn);
  const makeContext = (scope: RequestScope, res: ServerResponse): Context => {
    let context: Context;
    try {
      context = createContext(dataSource, scope, { sessions });
    } catch (error) {
      // Apollo answers this before any plugin runs: unexpectedErrorPlugin would not see it.
      scope.log.error({ error: describeError(error) }, 'unexpected error, masked for the client');
      throw error;
    }
    // The plugin releases it when the response is ready; this catches a request Apollo
    // gave up on before that (the release is idempotent).
    res.once('close', () => void context.release());
    return context;
  };

  const app = express();
  app.disable('x-powered-by');
  // No ETag: hashing every GraphQL response costs time and no client revalidates a POST.
  app.disable('etag');
  app.use(requestLog(logger, config.logStatements ?? false));
  app.use('/health', healthRouter(ready));
  app.use(
    '/graphql',
    express.json({ limit: bodyLimitBytes }),
    // GET (landing page, GET queries) has no body; Apollo insists the field exists.
    (req: Request, _res: Response, next: NextFunction) => {
      req.body ??= {};
      next();
    },
    ...(config.logStatements ? [countRequestStatements(trackStatements)] : []),
    // Who is asking: a bad token gets 401; no token gets 401 too, unless the request only signs in.
    authentication(authenticate),
    (req: Request, res: Response, next: NextFunction) => {
      rateLimit.admit(res, scopeOf(res).principal, req.socket.remoteAddress).then((admitted) => admitted && next(), next);
    },
    requireSignIn(),
    expressMiddleware(apollo, { context: async ({ res }) => makeContext(scopeOf(res), res) }),
  );
  // Spreadsheet import, templates and exports (docs/import-guide.md): one router, so the
  // authentication GraphQL gets later goes in front of both alike.
  app.use(spreadsheetRouter({ dataSource, logger, authenticate, rateLimit }));
  // The built web UI (apps/web/dist) and its client routes; nothing when it is not built.
  app.use(webAppRouter());
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not found', graphql: '/graphql', health: ['/health/live', '/health/ready'] });
  });
  app.use(httpErrorHandler(logger));

  // The request every GraphQL client sends skips Express; everything else is the app's.
  const graphqlPost = createGraphqlPost({
    apollo,
    logger,
    bodyLimitBytes,
    logStatements: config.logStatements ?? false,
    trackStatements,
    authenticate,
    rateLimit,
    context: makeContext,
  });
  const handle: RequestListener =
    config.graphqlPost === 'express' ? app : (req, res) => (graphqlPost.takes(req) ? graphqlPost.handle(req, res) : app(req, res));

  const listeners = new Set<Listener>();
  let closing: Promise<void> | undefined;

  return {
    app,
    handle,
    dataSource,
    schema,
    statements,
    sessions,
    logger,
    ready,
    listen: async (port = 0, host?: string) => {
      const listener = await listen(handle, port, host, drainTimeoutMs);
      listeners.add(listener);
      return listener;
    },
    close: () => {
      closing ??= (async () => {
        await Promise.all([...listeners].map((l) => l.close()));
        await apollo.stop();
        await revocations.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      })();
      return closing;
    },
  };
}

/**
 * GraphQL over HTTP (https://graphql.github.io/graphql-over-http/): a client that accepts only
 * `application/json` gets request errors (parse, validation, variable coercion) with status 200,
 * as the spec recommends for that media type; one that accepts
 * `application/graphql-response+json` keeps the 4xx. Measured with graphql-http's audit.
 */
function legacyJsonStatusPlugin(): ApolloServerPlugin<Context> {
  const requestErrors = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
  return {
    async requestDidStart({ request }) {
      if (request.http?.headers.get('accept')?.includes('application/graphql-response+json')) return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.http.status !== 400) return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.length > 0 && errors.every((e) => requestErrors.has(String(e.extensions?.code)))) response.http.status = 200;
        },
      };
    },
  };
}

/** Puts the resolved operation name into the request scope for the request log line. */
function operationNamePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation }) {
          const scope = contextValue.scope;
          if (scope) scope.operationName = operationName ?? `(anonymous ${operation?.operation ?? 'operation'})`;
        },
      };
    },
  };
}

function listen(handle: RequestListener, port: number, host: string | undefined, drainTimeoutMs: number): Promise<Listener> {
  const httpServer = createHttpServer(handle);
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      const address = httpServer.address() as AddressInfo;
      const shownHost = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      let closed: Promise<void> | undefined;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        httpServer,
        close: () => (closed ??= drain(httpServer, drainTimeoutMs)),
      });
    });
  });
}

/**
 * Stops accepting, lets in-flight requests finish, and closes keep-alive connections as soon
 * as they fall idle (a sweep every 100 ms) instead of waiting out their keep-alive timeout.
 * After `timeoutMs` the remaining connections are cut.
 */
function drain(httpServer: HttpServer, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!httpServer.listening) return resolve();
    const sweep = setInterval(() => httpServer.closeIdleConnections(), 100);
    const deadline = setTimeout(() => httpServer.closeAllConnections(), timeoutMs);
    httpServer.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    httpServer.closeIdleConnections();
  });
}
