import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { ForbiddenError } from '../errors/forbidden.error.js';
import { sha256Hex } from './integration-token.js';

/**
 * Persisted operations for integration tokens: a token whose `allowed_operation_hashes` is not
 * NULL may run only documents whose SHA-256 (hex, of the exact query text sent) is in the list —
 * checked after validation, before execution, so a refused document sends no SQL. Tokens with
 * NULL, accounts and anonymous requests are not affected.
 */
export function operationAllowListPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, request }) {
          const allowed = contextValue.principal?.allowedOperationHashes;
          if (!allowed) return;
          if (request.query === undefined || !allowed.includes(sha256Hex(request.query))) {
            const error = new ForbiddenError('This token may run only its allowed operations');
            Object.assign(error.extensions, { reason: 'OPERATION_NOT_ALLOWED', http: { status: 403 } });
            throw error;
          }
        },
      };
    },
  };
}
