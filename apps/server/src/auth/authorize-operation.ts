import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ServerResponse } from 'node:http';
import type { Context } from '../context.js';
import { ForbiddenError } from '../errors/forbidden.error.js';
import { scopeOf } from '../http/request-log.js';
import { sendJson } from '../http/send-json.js';
import { may } from './permissions.js';

/** Root fields an anonymous request may ask for: signing in, nothing else. */
const ANONYMOUS_FIELDS = new Set(['signIn', '__typename']);

/**
 * Mutations a signed-in account may run without `write`: its own password (the analyst, who reads
 * only, has one too). Not an integration token: it has no password, and is refused as read-only.
 */
const SELF_SERVICE_FIELDS = new Set(['changePassword']);

/** Root fields of account and token administration, and the city-wide audit log: the city administrator's only (`administer`). */
const ADMINISTRATION_FIELDS = new Set([
  'accounts',
  'createAccount',
  'updateAccount',
  'resetAccountPassword',
  'integrationTokens',
  'createIntegrationToken',
  'revokeIntegrationToken',
  'auditEntries',
]);

/** Anonymous documents are tiny (a sign-in): a longer one is refused before it is parsed further. */
const ANONYMOUS_MAX_TOKENS = 200;

/**
 * In front of Apollo, after authentication: a request without a principal gets 401 with no
 * detail — no parse or validation error, no field suggestion, no introspection — unless its
 * operation is only `signIn`. So nothing of the schema is shown to anyone not signed in.
 */
export function requireSignIn(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (scopeOf(res).principal) return next();
    if (req.method === 'POST' && isSignInOnly(req.body as { query?: unknown; operationName?: unknown })) return next();
    // A browser opening /graphql gets the landing page (static HTML, nothing of the schema).
    if (req.method === 'GET' && req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html') return next();
    refuseAnonymous(res);
  };
}

/** 401 for a request without a principal that may not be anonymous: no detail. */
export function refuseAnonymous(res: ServerResponse): void {
  sendJson(res, 401, { errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] }, { 'www-authenticate': 'Bearer' });
}

/** Whether a POST body's operation is only `signIn` (what an anonymous request may run). */
export function isSignInOnly(body: { query?: unknown; operationName?: unknown } | undefined): boolean {
  if (!body || typeof body.query !== 'string') return false;
  let document: DocumentNode;
  try {
    document = parse(body.query, { noLocation: true, maxTokens: ANONYMOUS_MAX_TOKENS });
  } catch {
    return false;
  }
  // Fragments would let a root selection hide behind a spread; a sign-in needs none.
  if (document.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION)) return false;
  const operations = document.definitions as OperationDefinitionNode[];
  const name = typeof body.operationName === 'string' ? body.operationName : null;
  const operation = name === null ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name?.value === name);
  if (!operation || operation.operation !== 'mutation') return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && ANONYMOUS_FIELDS.has(s.name.value));
}

/**
 * What a signed-in principal may run (auth/permissions.ts), decided once the operation is known
 * and before any resolver runs, so a refused operation sends no SQL: a mutation other than
 * `signIn` (and, for an account, `changePassword`) needs `write`, a query needs `read`. Where it
 * may act is row-level security's part.
 * Also returns the request's scoped connection to the pool once the response is ready.
 */
export function authorizeOperationPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const principal = contextValue.principal;
          if (!principal || !operation) return; // only signIn gets this far anonymously (requireSignIn)
          const administers = () => [...rootFieldNames(operation, document)].some((name) => ADMINISTRATION_FIELDS.has(name));
          if (operation.operation === 'mutation') {
            const selfService = principal.kind === 'account';
            const writes = operation.selectionSet.selections.some(
              (s) => !(s.kind === Kind.FIELD && (ANONYMOUS_FIELDS.has(s.name.value) || (selfService && SELF_SERVICE_FIELDS.has(s.name.value)))),
            );
            if (writes && !may(principal, 'write')) throw refusal('This account may not change the graph (read only)', 'READ_ONLY');
          } else if (!may(principal, 'read')) {
            throw refusal('This token may not read the graph', 'NO_READ_SCOPE');
          }
          if (!may(principal, 'administer') && administers()) throw refusal('Only the city administrator may administer accounts and tokens or read the city-wide audit log', 'NOT_ADMINISTRATOR');
        },
        async willSendResponse({ contextValue }) {
          await contextValue.release?.();
        },
      };
    },
  };
}

/** The root fields an operation selects, through its inline fragments and fragment spreads. */
function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): Set<string> {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (selections: readonly SelectionNode[]) => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet.selections);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  visit(operation.selectionSet.selections);
  return names;
}

function refusal(message: string, reason: string): ForbiddenError {
  const error = new ForbiddenError(message, reason);
  Object.assign(error.extensions, { http: { status: 403 } });
  return error;
}
