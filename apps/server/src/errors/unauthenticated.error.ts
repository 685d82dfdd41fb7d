import { GraphQLError } from 'graphql';

export interface UnauthenticatedExtensions {
  readonly code: 'UNAUTHENTICATED';
  readonly [key: string]: unknown;
}

/**
 * Sign-in refused, or a bearer token that is not (or no longer) valid. The message never says
 * which: not whether a username exists, nor why a token failed.
 */
export class UnauthenticatedError extends GraphQLError {
  declare readonly extensions: UnauthenticatedExtensions;

  constructor(message = 'Not signed in, or the sign-in has expired') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
    this.name = 'UnauthenticatedError';
  }
}
