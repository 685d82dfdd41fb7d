import { GraphQLError } from 'graphql';

export type FieldPath = readonly (string | number)[];

export interface BadUserInputExtensions {
  readonly code: 'BAD_USER_INPUT';
  /** Path of the offending argument or input field, e.g. ['creditCode'] or ['input', 'name']. */
  readonly field: FieldPath;
  /** A machine-readable reason, e.g. 'CHECK_DIGIT' for a credit code. */
  readonly reason?: string;
  /** The same message in Chinese and English, when the domain supplies both. */
  readonly localizedMessage?: { readonly zh: string; readonly en: string };
  readonly [key: string]: unknown;
}

/** The client sent a value the server refuses; the message says why and is safe to show. */
export class BadUserInputError extends GraphQLError {
  declare readonly extensions: BadUserInputExtensions;

  constructor(
    message: string,
    options: { field: FieldPath | string; reason?: string; localizedMessage?: { zh: string; en: string }; details?: Record<string, unknown> },
  ) {
    const field = typeof options.field === 'string' ? [options.field] : options.field;
    super(message, {
      extensions: {
        ...options.details,
        code: 'BAD_USER_INPUT',
        field,
        ...(options.reason === undefined ? {} : { reason: options.reason }),
        ...(options.localizedMessage === undefined ? {} : { localizedMessage: options.localizedMessage }),
      },
    });
    this.name = 'BadUserInputError';
  }
}
