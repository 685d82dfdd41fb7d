import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { UnauthenticatedError } from '../errors/unauthenticated.error.js';
import { scopeOf } from '../http/request-log.js';
import { sendJson } from '../http/send-json.js';
import { verifyIntegrationToken } from './integration-token.js';
import type { Principal } from './principal.js';
import type { Sessions } from './session.js';

/** Reads the value of a request's Authorization header (undefined when it has none). */
export type Authenticate = (authorization: string | undefined) => Promise<Principal | null>;

/**
 * `authenticate(header)`: the principal of the request's `Authorization: Bearer …` — a session token
 * (from `signIn`) or an integration token — or null when the request carries none. A token that is
 * presented but not valid (garbage, forged, expired, revoked, unknown) throws UnauthenticatedError:
 * a client that believes it is signed in is told so rather than served as anonymous.
 */
export function createAuthenticate(options: { dataSource: DataSource; sessions: Sessions }): Authenticate {
  return async (header) => {
    if (header === undefined || header.trim() === '') return null;
    const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{1,4096})\s*$/i.exec(header);
    if (!match) throw new UnauthenticatedError();
    const token = match[1]!;
    const principal = token.includes('.') ? await options.sessions.verify(token) : await verifyIntegrationToken(options.dataSource.manager, token);
    if (!principal) throw new UnauthenticatedError();
    return principal;
  };
}

/**
 * Puts the principal on the request scope (runs inside it, so a token lookup is counted and
 * logged with the request). Not enforcing yet: no token → anonymous, served as before. A bad token
 * → 401 with no detail.
 */
export function authentication(authenticate: Authenticate): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    authenticate(req.get('authorization')).then(
      (principal) => {
        scopeOf(res).principal = principal;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof UnauthenticatedError)) return next(error);
        refuseBadToken(res, error);
      },
    );
  };
}

/** 401 for a token that is presented but not valid: no detail beyond the error's own message. */
export function refuseBadToken(res: ServerResponse, error: UnauthenticatedError): void {
  sendJson(res, 401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] }, { 'www-authenticate': 'Bearer' });
}
