import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { refuseBadToken, type Authenticate } from '../auth/authenticate.js';
import { isSignInOnly, refuseAnonymous } from '../auth/authorize-operation.js';
import type { Context } from '../context.js';
import { UnauthenticatedError } from '../errors/unauthenticated.error.js';
import type { RateLimit } from '../limits/rate-limit.js';
import { answerHttpError, refuseMalformedJson } from './http-errors.js';
import { startRequestLog } from './request-log.js';
import type { RequestScope } from './request-scope.js';

export interface GraphqlPostOptions {
  apollo: ApolloServer<Context>;
  logger: Logger;
  /** Largest body taken here; a longer one goes to Express, which answers 413. */
  bodyLimitBytes: number;
  /** Count each request's statements into its log line (ServerConfig.logStatements). */
  logStatements: boolean;
  /** Runs `fn` with the request's statements counted into `scope` (used with logStatements). */
  trackStatements: <T>(scope: RequestScope, fn: () => T) => T;
  authenticate: Authenticate;
  rateLimit: RateLimit;
  /** The request's GraphQL context (server.ts, shared with the Express route). */
  context: (scope: RequestScope, res: ServerResponse) => Context;
}

export interface GraphqlPost {
  /** Whether this path serves the request, decided from its request line and headers alone. */
  takes(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** `application/json`, alone or with a UTF-8 charset: what every GraphQL client sends. */
const PLAIN_JSON = /^application\/json[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*(?:utf-8|"utf-8")[ \t]*)?$/i;
const DIGITS = /^[0-9]{1,10}$/;
/** body-parser's strict check: the first character that is not JSON whitespace opens an object or an array. */
const OBJECT_OR_ARRAY = /^[\x20\x09\x0a\x0d]*[{[]/;

/**
 * POST /graphql served without Express: the same steps, in the same order, with the same
 * answers as the Express route in server.ts (request log, JSON body, authentication, rate limit,
 * sign-in check, Apollo), on the plain node:http request and response.
 *
 * Why: Express's router, its request and response objects and body-parser were about 40% of the
 * server's CPU for a trivial query (`{ __typename }`: 0.32 → 0.20 ms of CPU per request; the
 * 112-street coverage 2.03 → 1.76 ms; measured alternating, one process each: docs/benchmarks.md,
 * issue 8). Every GraphQL request paid it: nearly half of what our fixed cost per request was
 * above PostGraphile's (0.05 ms).
 *
 * It takes only the request every client sends — `POST /graphql` with a plain JSON content type
 * and a Content-Length within the limit, not compressed. Anything else (GET and the landing page,
 * another media type or charset, gzip, a chunked or oversized body, `/graphql/`) goes on to the
 * Express route, which answers it exactly as before: the decision is made before a byte of the
 * body is read, so the two never share a request. server.test.ts sends the same requests both ways
 * and compares the answers.
 */
export function createGraphqlPost(options: GraphqlPostOptions): GraphqlPost {
  const { apollo, logger, authenticate, rateLimit } = options;

  const serve = async (req: IncomingMessage, res: ServerResponse, scope: RequestScope, body: Record<string, unknown>) => {
    let principal;
    try {
      principal = await authenticate(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      return refuseBadToken(res, error);
    }
    scope.principal = principal;
    if (!(await rateLimit.admit(res, principal, req.socket.remoteAddress))) return;
    if (!principal && !isSignInOnly(body)) return refuseAnonymous(res);

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: async () => options.context(scope, res),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return {
    takes(req) {
      if (req.method !== 'POST' || req.url !== '/graphql') return false;
      const { headers } = req;
      const length = headers['content-length'];
      return (
        headers['transfer-encoding'] === undefined &&
        (headers['content-encoding'] === undefined || headers['content-encoding'] === 'identity') &&
        PLAIN_JSON.test(headers['content-type'] ?? '') &&
        length !== undefined &&
        DIGITS.test(length) &&
        Number(length) > 0 &&
        Number(length) <= options.bodyLimitBytes
      );
    },

    handle(req, res) {
      const scope = startRequestLog(logger, req, res, '/graphql', options.logStatements);
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A client that goes away mid-body: nothing to answer; the log line says aborted.
      req.on('error', () => {});
      req.on('end', () => {
        // As body-parser reads it: UTF-8 without a byte-order mark, an object or an array.
        let text = Buffer.concat(chunks).toString('utf8');
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        let body: unknown;
        try {
          if (!OBJECT_OR_ARRAY.test(text)) throw new SyntaxError('not an object or an array');
          body = JSON.parse(text);
        } catch {
          return refuseMalformedJson(res);
        }
        const run = () => serve(req, res, scope, body as Record<string, unknown>);
        // Counting starts after the body is read, as in the Express route (body parsing resumes on
        // the socket's async context, which would lose the request's).
        const served = options.logStatements ? options.trackStatements(scope, run) : run();
        served.catch((error: unknown) => {
          if (res.headersSent) return void res.destroy();
          answerHttpError(res, error, scope.requestId, logger);
        });
      });
    },
  };
}
