import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { createRequestScope, type RequestScope } from './request-scope.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's (a proxy's) request id is kept when it is short and plain; otherwise a UUID. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * First middleware: the request's scope and log line (`startRequestLog`), kept on `res.locals`.
 */
export function requestLog(log: Logger, countStatements = false): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    // The path is read now: routers rewrite req.url while they dispatch.
    res.locals.scope = startRequestLog(log, req, res, req.path, countStatements);
    next();
  };
}

/**
 * Gives a request its id (echoed in `x-request-id`) and its scope, and writes one log line when
 * the response is finished or the client went away: id, method, path (never the query string,
 * which can hold a GET query's variables), status, GraphQL operation name, duration and, with
 * `countStatements`, the SQL statement count. Never arguments, variables or bodies: personal data.
 * Used by the Express middleware above and by the POST /graphql path (graphql-post.ts).
 */
export function startRequestLog(log: Logger, req: IncomingMessage, res: ServerResponse, path: string, countStatements: boolean): RequestScope {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const requestId = typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  const scope = createRequestScope(requestId, log);
  res.setHeader(REQUEST_ID_HEADER, requestId);

  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    const ms = Number(process.hrtime.bigint() - scope.startedAt) / 1e6;
    const line = {
      reqId: requestId,
      method: req.method,
      path,
      status: res.writableFinished ? res.statusCode : undefined,
      aborted: res.writableFinished ? undefined : true,
      operationName: scope.operationName ?? undefined,
      ms: Math.round(ms * 10) / 10,
      statements: countStatements ? scope.statements.count : undefined,
    };
    // Probes hit /health every few seconds: keep them out of the info stream.
    if (path.startsWith('/health/')) log.debug(line, 'request');
    else log.info(line, 'request');
  };
  res.on('finish', done);
  res.on('close', done);
  return scope;
}

/** The scope made by `requestLog` for this response. */
export function scopeOf(res: Response): RequestScope {
  const scope = res.locals.scope as RequestScope | undefined;
  if (!scope) throw new Error('requestLog middleware must run first');
  return scope;
}

/**
 * Counts the statements issued from everything after it into the request's scope (placed after
 * body parsing, which resumes on the socket's async context and would lose the request's).
 */
export function countRequestStatements(track: <T>(scope: RequestScope, fn: () => T) => T): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    track(scopeOf(res), next);
  };
}
