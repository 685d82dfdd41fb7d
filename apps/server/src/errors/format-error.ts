import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { currentRequestScope } from '../http/request-scope.js';
import { BadUserInputError } from './bad-user-input.error.js';
import { ConflictError } from './conflict.error.js';
import { describeError } from './describe-error.js';
import { ForbiddenError } from './forbidden.error.js';
import { NotFoundError } from './not-found.error.js';
import { UnauthenticatedError } from './unauthenticated.error.js';

/** Errors thrown on purpose for the client: their messages are written to be shown. */
const CLIENT_ERRORS = [BadUserInputError, NotFoundError, ConflictError, ForbiddenError, UnauthenticatedError] as const;

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
 * INTERNAL_SERVER_ERROR "Internal server error" with the request id, after logging the
 * original. In every mode: a stack trace or an SQL statement never reaches a client.
 */
export function createFormatError(log: Logger) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    if (CLIENT_ERRORS.some((kind) => original instanceof kind) || isRequestError(formatted)) {
      return withoutStacktrace(formatted);
    }
    const scope = currentRequestScope();
    (scope?.log ?? log).error(
      { error: describeError(original), path: formatted.path, operationName: scope?.operationName ?? undefined },
      'unexpected error, masked for the client',
    );
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(scope ? { requestId: scope.requestId } : {}),
      },
    };
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
