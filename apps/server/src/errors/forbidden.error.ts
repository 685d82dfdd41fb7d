import { GraphQLError } from 'graphql';

export interface ForbiddenExtensions {
  readonly code: 'FORBIDDEN';
  readonly [key: string]: unknown;
}

/** The caller may not see or change this. */
export class ForbiddenError extends GraphQLError {
  declare readonly extensions: ForbiddenExtensions;

  constructor(message = 'Forbidden') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
    this.name = 'ForbiddenError';
  }
}
