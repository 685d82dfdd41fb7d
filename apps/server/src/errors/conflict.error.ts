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

  /**
   * @param options.details more extensions, e.g. `currentVersion` for a stale version or
   *   `existingId` for a duplicate; `localizedMessage` carries the message in Chinese and English.
   */
  constructor(
    message: string,
    options: { constraint?: string; localizedMessage?: { zh: string; en: string }; details?: Record<string, unknown> } = {},
  ) {
    super(message, {
      extensions: {
        ...options.details,
        code: 'CONFLICT',
        ...(options.constraint ? { constraint: options.constraint } : {}),
        ...(options.localizedMessage ? { localizedMessage: options.localizedMessage } : {}),
      },
    });
    this.name = 'ConflictError';
  }
}
