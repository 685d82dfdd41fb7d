import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { Context } from '../context.js';
import { databaseErrorFacts, mapDatabaseError, RETRYABLE_SQLSTATES, type DatabaseErrorOptions } from './database-errors.js';

/** A mutation's transaction: every statement of the mutation goes through it. */
export type Tx = EntityManager;

/** What a mutation needs of the request: the pool, the caches to clear, and who acts. */
export type MutationContext = Pick<Context, 'db' | 'loaders' | 'actor' | 'requestId' | 'log'>;

/** Attempts in all when PostgreSQL reports a serialization failure or a deadlock. */
export const MUTATION_ATTEMPTS = 3;

/**
 * Runs one mutation: `work` in one READ COMMITTED transaction, committed when it returns and
 * rolled back when it throws, so a refused mutation changes nothing (its audit rows included).
 *
 * - A serialization failure or deadlock (40001, 40P01) reruns `work` from the start, up to
 *   MUTATION_ATTEMPTS in all: `work` must therefore do nothing outside `tx` it cannot repeat.
 * - A typed error thrown by `work` (BAD_USER_INPUT, NOT_FOUND, CONFLICT …) reaches the client as
 *   is; a database error is mapped to one by mapDatabaseError (unique → CONFLICT, check →
 *   BAD_USER_INPUT …) without its SQL or values; anything else stays an internal error.
 * - After the commit the request's DataLoaders are cleared, so the payload (and anything else
 *   read later in the request) sees the write.
 *
 * `operation` is the mutation's name as the audit trail records it ('registerOrganization').
 */
export async function runMutation<T>(
  ctx: MutationContext,
  operation: string,
  work: (tx: Tx) => Promise<T>,
  options: DatabaseErrorOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await ctx.db.transaction('READ COMMITTED', work);
      ctx.loaders.clearAfterWrite();
      return result;
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      const facts = databaseErrorFacts(error);
      if (facts && RETRYABLE_SQLSTATES.has(facts.code) && attempt < MUTATION_ATTEMPTS) {
        ctx.log.warn({ operation, attempt, sqlState: facts.code }, 'mutation lost a race, retrying');
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
        continue;
      }
      const mapped = mapDatabaseError(error, options);
      if (mapped) {
        // Logged without the driver's message: it may carry the row's values.
        ctx.log.info({ operation, sqlState: facts?.code, constraint: facts?.constraint }, 'mutation refused by the database');
        throw mapped;
      }
      throw error;
    }
  }
}
