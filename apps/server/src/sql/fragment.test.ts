import { describe, expect, it } from 'vitest';
import { and, enumLiteral, hasParameters, intLiteral, join, or, raw, render, sql } from './fragment.js';

describe('sql fragments', () => {
  it('turns every interpolated value into a numbered parameter, across nesting', () => {
    const inner = sql`o.name ILIKE ${'%泉%'}`;
    const query = sql`SELECT id FROM organization o WHERE o.street_id = ${7} AND ${inner} LIMIT ${21}`;
    expect(render(query)).toEqual({
      text: 'SELECT id FROM organization o WHERE o.street_id = $1 AND o.name ILIKE $2 LIMIT $3',
      values: [7, '%泉%', 21],
    });
  });

  it('never splices a client string into the text', () => {
    const hostile = "x'; DROP TABLE organization; --";
    const { text, values } = render(sql`SELECT 1 WHERE name = ${hostile}`);
    expect(text).not.toContain('DROP');
    expect(values).toEqual([hostile]);
  });

  it('joins, ands and ors, with neutral elements for empty lists', () => {
    expect(render(and([])).text).toBe('TRUE');
    expect(render(or([])).text).toBe('FALSE');
    expect(render(and([sql`a = ${1}`, sql`b = ${2}`]))).toEqual({ text: '((a = $1) AND (b = $2))', values: [1, 2] });
    expect(render(or([sql`a = ${1}`, raw('b IS NULL')]))).toEqual({ text: '((a = $1) OR (b IS NULL))', values: [1] });
    expect(render(join([raw('a'), raw('b'), raw('c')], ', ')).text).toBe('a, b, c');
  });

  it('says whether a fragment sends parameters, however deep', () => {
    expect(hasParameters(and([raw('a IS NULL'), sql`b = ${enumLiteral('ACTIVE')}`]))).toBe(false);
    expect(hasParameters(and([raw('a IS NULL'), and([raw('c'), sql`b = ${'ACTIVE'}`])]))).toBe(true);
    expect(hasParameters(and([]))).toBe(false);
  });

  it('writes enum values and integers as literals, and refuses anything else', () => {
    expect(render(sql`o.status = ${enumLiteral('NON_PUBLIC_ECONOMIC')} LIMIT ${intLiteral(21)}`)).toEqual({
      text: "o.status = 'NON_PUBLIC_ECONOMIC' LIMIT 21",
      values: [],
    });
    for (const bad of ["A'B", 'active', 'A B', '', "x'; DROP TABLE organization; --", 7, null]) {
      expect(() => enumLiteral(bad)).toThrow(TypeError);
    }
    expect(() => intLiteral(2.5)).toThrow(TypeError);
    expect(() => intLiteral(Number.NaN)).toThrow(TypeError);
  });
});
