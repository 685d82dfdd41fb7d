import { GraphQLError } from 'graphql';

export interface NotFoundExtensions {
  readonly code: 'NOT_FOUND';
  /** The GraphQL type of what was looked for, e.g. 'Organization'. */
  readonly type?: string;
  readonly [key: string]: unknown;
}

/**
 * A thing the client named does not exist, where null would be wrong (a mutation's target).
 * Lookups by key (`organization(creditCode:)`) return null instead.
 */
export class NotFoundError extends GraphQLError {
  declare readonly extensions: NotFoundExtensions;

  constructor(message: string, options: { type?: string; localizedMessage?: { zh: string; en: string } } = {}) {
    super(message, {
      extensions: {
        code: 'NOT_FOUND',
        ...(options.type ? { type: options.type } : {}),
        ...(options.localizedMessage ? { localizedMessage: options.localizedMessage } : {}),
      },
    });
    this.name = 'NotFoundError';
  }
}
