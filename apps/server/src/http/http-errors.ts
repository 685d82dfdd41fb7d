import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { describeError } from '../errors/describe-error.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, ServiceUnavailableError } from '../errors/service-unavailable.error.js';
import { sendJson } from './send-json.js';

/** The Express error handler (last in the chain): `answerHttpError` unless the answer has begun. */
export function httpErrorHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    answerHttpError(res, error, res.locals.scope?.requestId as string | undefined, logger);
  };
}

/**
 * Errors before Apollo (body too large, malformed JSON, the database down while an integration
 * token is checked) answered in GraphQL's error shape; anything else masked like a resolver error:
 * logged with the request id, and the client told only that id.
 */
export function answerHttpError(res: ServerResponse, error: unknown, requestId: string | undefined, logger: Logger): void {
  const e = error as { status?: number; type?: string };
  if (e.type === 'entity.too.large') {
    sendError(res, 413, 'Request body too large', { code: 'PAYLOAD_TOO_LARGE' });
  } else if (e.type === 'entity.parse.failed') {
    refuseMalformedJson(res);
  } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    sendError(res, e.status, 'Bad request', { code: 'BAD_REQUEST' });
  } else if (isDatabaseUnavailable(error)) {
    logger.warn({ reqId: requestId, error: describeError(error) }, 'database unavailable');
    const unavailable = new ServiceUnavailableError();
    sendError(res, 503, unavailable.message, unavailable.extensions, { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) });
  } else {
    logger.error({ reqId: requestId, error: describeError(error) }, 'unexpected HTTP error, masked for the client');
    sendError(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR', requestId });
  }
}

/** 400 for a body that is not a JSON object or array (body-parser's `entity.parse.failed`). */
export function refuseMalformedJson(res: ServerResponse): void {
  sendError(res, 400, 'Malformed JSON body', { code: 'BAD_REQUEST' });
}

function sendError(res: ServerResponse, status: number, message: string, extensions: Record<string, unknown>, headers?: Record<string, string>): void {
  sendJson(res, status, { errors: [{ message, extensions }] }, headers);
}
