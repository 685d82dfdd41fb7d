import { ForbiddenError } from '../errors/forbidden.error.js';
import type { GraphQLError } from 'graphql';
import { BadUserInputError, type FieldPath } from '../errors/bad-user-input.error.js';
import { ConflictError } from '../errors/conflict.error.js';

/**
 * The safety net under a mutation's own validation: a database error that still escapes it
 * (a rule the mutation forgot, a race with another writer) becomes a typed error instead of
 * INTERNAL_SERVER_ERROR. The messages are written here, never copied from PostgreSQL, whose
 * `message` and `detail` carry the SQL, the table and the values of the row (an identity
 * number in a unique-violation detail, for one). Only the constraint's name goes out: it names
 * the rule, not the data.
 */

/** SQLSTATEs a retry may cure: the transaction lost a race, not the argument. */
export const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

interface DatabaseErrorFacts {
  code: string;
  constraint?: string;
  message: string;
}

/** The SQLSTATE, constraint and message of a pg error, whether TypeORM wrapped it or not. */
export function databaseErrorFacts(error: unknown): DatabaseErrorFacts | null {
  if (!(error instanceof Error)) return null;
  const e = error as Error & { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } };
  const code = e.driverError?.code ?? e.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  const constraint = e.driverError?.constraint ?? e.constraint;
  return { code, constraint: typeof constraint === 'string' ? constraint : undefined, message: e.message };
}

export interface DatabaseErrorOptions {
  /**
   * Where in the input each constraint's value came from, e.g.
   * `{ organization_street_id_fkey: ['input', 'street'] }`. Unnamed ones point at ['input'].
   */
  readonly constraintPaths?: Readonly<Record<string, FieldPath>>;
}

/**
 * A typed client error for a database error, or null when it is not the client's doing (a
 * syntax error, a missing column, a refused privilege): that stays INTERNAL_SERVER_ERROR,
 * logged in full by formatError.
 */
export function mapDatabaseError(error: unknown, options: DatabaseErrorOptions = {}): GraphQLError | null {
  const facts = databaseErrorFacts(error);
  if (!facts) return null;
  const { code, constraint } = facts;
  const path: FieldPath = (constraint && options.constraintPaths?.[constraint]) || ['input'];
  const details = constraint ? { constraint } : {};
  const badInput = (reason: string, zh: string, en: string) =>
    new BadUserInputError(en, { field: path, reason, localizedMessage: { zh, en }, details });

  switch (code) {
    case '42501': // insufficient_privilege: here, a row-level security policy refused the new row
      if (/row-level security/i.test(facts.message)) {
        const error = new ForbiddenError('This would put the record outside the areas you may change.');
        Object.assign(error.extensions, { reason: 'OUTSIDE_REACH' });
        return error;
      }
      return null;
    case '23505': // unique_violation
      return new ConflictError('Another record already has this value, which must be unique.', {
        constraint,
        localizedMessage: { zh: '已有其他记录使用了该值，该值不能重复', en: 'Another record already has this value, which must be unique.' },
      });
    case '23P01': // exclusion_violation
      return new ConflictError('This overlaps with another record.', {
        constraint,
        localizedMessage: { zh: '与已有记录重叠', en: 'This overlaps with another record.' },
      });
    case '23503': // foreign_key_violation
      // Deleting or re-keying a row others still point at; otherwise the input points at nothing.
      if (/^update or delete on table/i.test(facts.message)) {
        return new ConflictError('Other records still refer to this one.', {
          constraint,
          localizedMessage: { zh: '仍有其他记录引用此记录，不能删除或修改', en: 'Other records still refer to this one.' },
        });
      }
      return badInput('UNKNOWN_REFERENCE', '引用的记录不存在', 'This refers to a record that does not exist.');
    case '23502': // not_null_violation
      return badInput('REQUIRED', '缺少必填的值', 'A required value is missing.');
    case '23514': // check_violation, also raised by triggers (USING ERRCODE = 'check_violation')
      return badInput(
        'RULE',
        `不符合数据规则${constraint ? `（${constraint}）` : ''}，请核对填写的内容`,
        `A value breaks a data rule${constraint ? ` (${constraint})` : ''}; check what was entered.`,
      );
    case 'P0001': // raise_exception from a trigger without an errcode: its text may hold values
      return badInput('RULE', '不符合数据规则，请核对填写的内容', 'A value breaks a data rule; check what was entered.');
    case '22001': // string_data_right_truncation
      return badInput('TOO_LONG', '填写的内容过长', 'A value is too long.');
    case '22003': // numeric_value_out_of_range
      return badInput('OUT_OF_RANGE', '数值超出允许范围', 'A number is out of range.');
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
      return badInput('INVALID_DATE', '日期无效', 'A date is not valid.');
    case '22P02': // invalid_text_representation
    case '22021': // character_not_in_repertoire (e.g. a NUL byte)
      return badInput('MALFORMED', '填写的值格式不正确', 'A value is malformed.');
    case '40001':
    case '40P01':
      return new ConflictError('The change collided with changes made at the same time; try again.', {
        localizedMessage: { zh: '与同时进行的其他修改冲突，请重试', en: 'The change collided with changes made at the same time; try again.' },
      });
    default:
      return null;
  }
}
