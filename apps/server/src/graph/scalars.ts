import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver, SafeIntResolver } from 'graphql-scalars';

/**
 * Scalars of the schema, from graphql-scalars:
 * - `Date`: a calendar date 'YYYY-MM-DD' with no time zone — every date column (the database
 *   hands them over as strings, see db/pg-types.ts). It is graphql-scalars' LocalDate (strict
 *   'YYYY-MM-DD' strings in and out, never a JavaScript Date that could shift a day across time
 *   zones) under the name `Date` that analysts and the issue tracker use.
 * - `DateTime`: an instant (timestamptz columns: createdAt, updatedAt).
 * - `SafeInt`: an integer up to 2^53 − 1, for money in fen (Int is 32-bit: 21 million CNY).
 */
export const LocalDate = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date (日期) as "YYYY-MM-DD" (ISO 8601), without time or time zone; dates are Beijing time (Asia/Shanghai).',
});
export const DateTime = DateTimeResolver;
export const SafeInt = SafeIntResolver;
