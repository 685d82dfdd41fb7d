import { GraphQLError } from 'graphql';

export interface ForbiddenExtensions {
  readonly code: 'FORBIDDEN';
  readonly [key: string]: unknown;
}

/** The caller may not see or change this. */
export class ForbiddenError extends GraphQLError {
  declare readonly extensions: ForbiddenExtensions;

  /** @param reason a machine-readable reason, e.g. 'READ_ONLY' (extensions.reason). */
  constructor(message = 'Forbidden', reason?: string) {
    super(message, { extensions: { code: 'FORBIDDEN', ...(reason === undefined ? {} : { reason }) } });
    this.name = 'ForbiddenError';
  }
}
