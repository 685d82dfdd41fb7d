import { GraphQLError } from 'graphql';

export interface ConflictExtensions {
  readonly code: 'CONFLICT';
  /** The rule or constraint that refused the change, e.g. 'organization_credit_code_key'. */
  readonly constraint?: string;
  readonly [key: string]: unknown;
}

/** The change contradicts the current state: a duplicate key, a stale version, a rule. */
export class ConflictError extends GraphQLError {
  declare readonly extensions: ConflictExtensions;

  constructor(message: string, options: { constraint?: string } = {}) {
    super(message, { extensions: { code: 'CONFLICT', ...(options.constraint ? { constraint: options.constraint } : {}) } });
    this.name = 'ConflictError';
  }
}
