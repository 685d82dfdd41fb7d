import { DateTimeResolver, LocalDateResolver, SafeIntResolver } from 'graphql-scalars';

/**
 * Scalars of the schema, from graphql-scalars:
 * - `LocalDate`: a calendar date 'YYYY-MM-DD' with no time zone — every date column (the
 *   database hands them over as strings, see db/pg-types.ts).
 * - `DateTime`: an instant (timestamptz columns: createdAt, updatedAt).
 * - `SafeInt`: an integer up to 2^53 − 1, for money in fen (Int is 32-bit: 21 million CNY).
 */
export const LocalDate = LocalDateResolver;
export const DateTime = DateTimeResolver;
export const SafeInt = SafeIntResolver;
