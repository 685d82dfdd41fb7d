import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { BadUserInputError } from './bad-user-input.error.js';
import { ConflictError } from './conflict.error.js';
import { describeError } from './describe-error.js';
import { ForbiddenError } from './forbidden.error.js';
import { NotFoundError } from './not-found.error.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, ServiceUnavailableError } from './service-unavailable.error.js';
import { UnauthenticatedError } from './unauthenticated.error.js';

/** Errors thrown on purpose for the client: their messages are written to be shown. */
const CLIENT_ERRORS = [BadUserInputError, NotFoundError, ConflictError, ForbiddenError, UnauthenticatedError, ServiceUnavailableError] as const;

/**
 * Codes Apollo and graphql-js give to errors about the request itself (syntax, validation,
 * variables), raised before any resolver runs: their messages describe the client's document.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * Apollo's `formatError`. Passes the typed client errors and request errors through; masks
 * everything else — a TypeORM QueryFailedError, a bug, a null in a non-null field — as
 * INTERNAL_SERVER_ERROR "Internal server error" — except a database that cannot be reached, which
 * becomes SERVICE_UNAVAILABLE (the request may succeed if sent again; HTTP 503 and Retry-After
 * are set by `unexpectedErrorPlugin`). In every mode: a stack trace or an SQL statement never
 * reaches a client. The original is logged, and the request id added to the masked error, by
 * `unexpectedErrorPlugin`, which sees the request's context (formatError does not).
 */
export function createFormatError() {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    if (isForTheClient(formatted, error)) return withoutStacktrace(formatted);
    if (isDatabaseUnavailable(error)) {
      const unavailable = new ServiceUnavailableError();
      return {
        message: unavailable.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: unavailable.extensions,
      };
    }
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** A typed client error or an error about the request itself: shown as it is. */
function isForTheClient(formatted: GraphQLFormattedError, error: unknown): boolean {
  const original = unwrapResolverError(error);
  return CLIENT_ERRORS.some((kind) => original instanceof kind) || isRequestError(formatted);
}

/**
 * Logs every error `formatError` masks, in full (type, message, SQL, stack) with the request's
 * id and operation, and puts the request id into the masked errors of the response, so a user
 * can quote it and an operator find the log line.
 */
export function unexpectedErrorPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          let unavailableLogged = false;
          for (const error of errors) {
            const formatted = { message: error.message, path: error.path, extensions: error.extensions };
            if (isForTheClient(formatted, error)) continue;
            if (isDatabaseUnavailable(error)) {
              // Not a bug: one line per request (every field of it fails alike), at warn.
              if (!unavailableLogged) contextValue.log.warn({ error: describeError(unwrapResolverError(error)), operationName: operationName ?? undefined }, 'database unavailable');
              unavailableLogged = true;
              continue;
            }
            contextValue.log.error(
              { error: describeError(unwrapResolverError(error)), path: error.path, operationName: operationName ?? undefined },
              'unexpected error, masked for the client',
            );
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
          }
          for (const error of errors) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR' && error.message === INTERNAL_ERROR_MESSAGE) {
              (error as { extensions: Record<string, unknown> }).extensions = { ...error.extensions, requestId: contextValue.requestId };
            }
          }
        },
      };
    },
  };
}

/** Raised before execution: no resolver path, and a code Apollo gives to request errors. */
function isRequestError(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.code;
  return formatted.path === undefined && typeof code === 'string' && REQUEST_ERROR_CODES.has(code);
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
