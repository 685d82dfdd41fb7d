import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import { decodeCursor, encodeCursor } from '../../relay/cursor.js';
import { DEFAULT_PAGE_SIZE, PageArgumentError, planPage, type PageArgs } from '../../relay/page.js';
import { join, or, raw, sql, type Sql } from '../../sql/fragment.js';
import { MAX_TEXT_LENGTH } from '../filters.js';
import { runQuery } from '../list.js';
import { MATCH_BY_TIER, MAX_SEARCH_HITS, SearchMatch, SearchType } from './search.types.js';

/**
 * `search(text)`: one statement ranks the hits of every kind together, then the page's objects
 * are read through the by-id loaders (one statement per kind on the page). Ranking: exact code,
 * exact name, name prefix, code prefix, name contains, similar name (pg_trgm), then trigram
 * similarity, shorter names first, kind, id. Name matching is ILIKE, served by the tables'
 * trigram indexes for texts of three or more characters (Chinese works: the database is UTF-8
 * and pg_trgm makes trigrams of any characters). Texts of one or two characters have no
 * trigram, so they scan the table; the candidate cap below bounds that scan for common texts,
 * not for rare ones (a bigram index, e.g. pg_bigm, would: a schema change for later).
 */

interface Target {
  type: SearchType;
  /** GraphQL type name, as the node loaders know it. */
  typeName: string;
  table: string;
  /** Which code column a code-like text is compared with, if any. */
  code?: 'credit_code' | 'area_code';
}

const TARGETS: readonly Target[] = [
  { type: SearchType.ORGANIZATION, typeName: 'Organization', table: 'organization', code: 'credit_code' },
  { type: SearchType.PARTY_ORGANIZATION, typeName: 'PartyOrganization', table: 'party_organization' },
  { type: SearchType.AREA, typeName: 'Area', table: 'area', code: 'area_code' },
  { type: SearchType.PARK, typeName: 'Park', table: 'park' },
  { type: SearchType.BUILDING, typeName: 'Building', table: 'building' },
  { type: SearchType.BUSINESS_DISTRICT, typeName: 'BusinessDistrict', table: 'business_district' },
];

/** Texts this long or longer also find similar names; shorter ones share too many trigrams. */
const SIMILAR_FROM_LENGTH = 6;
/** Credit-code prefixes shorter than this (authority, category, division) match too much. */
const CREDIT_CODE_PREFIX_FROM = 9;
/** Weak matches (contains, similar) read per kind before ranking. */
const MAX_CANDIDATES = 2000;

export interface SearchHit {
  typeName: string;
  id: number;
  match: SearchMatch;
  score: number;
}

export interface SearchPage {
  hits: { hit: SearchHit; cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
  truncated: boolean;
}

export function checkSearchText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    throw new BadUserInputError('Give some text to search for.', {
      field: ['text'],
      reason: 'EMPTY',
      localizedMessage: { zh: '请输入要搜索的文字', en: 'Give some text to search for.' },
    });
  }
  if (trimmed.length > MAX_TEXT_LENGTH) {
    throw new BadUserInputError(`Search text is limited to ${MAX_TEXT_LENGTH} characters.`, {
      field: ['text'],
      reason: 'TOO_LONG',
      localizedMessage: { zh: `搜索文字最多 ${MAX_TEXT_LENGTH} 个字符`, en: `Search text is limited to ${MAX_TEXT_LENGTH} characters.` },
    });
  }
  return trimmed;
}

function branch(target: Target, order: number, text: string): Sql {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const code = text.replace(/\s+/g, '').toUpperCase();
  const codeLike = /^[0-9A-Z]+$/.test(code);
  // The conditions, on any alias of the target table.
  const exactCode = (a: string): Sql | null => {
    if (target.code === 'credit_code' && /^[0-9A-Z]{18}$/.test(code)) return sql`${raw(a)}.credit_code = ${code}::bpchar`;
    if (target.code === 'area_code' && /^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/.test(code)) return sql`${raw(a)}.code = ${code}`;
    return null;
  };
  const codePrefix = (a: string): Sql | null => {
    if (target.code === 'credit_code' && codeLike && code.length >= CREDIT_CODE_PREFIX_FROM && code.length < 18) {
      // A range the unique index serves (codes are 18 characters of 0-9 and A-Y), then the exact test.
      return sql`(${raw(a)}.credit_code BETWEEN ${code.padEnd(18, '0')}::bpchar AND ${code.padEnd(18, 'Y')}::bpchar AND ${raw(a)}.credit_code LIKE ${`${code}%`})`;
    }
    if (target.code === 'area_code' && /^[0-9]{4,11}$/.test(code)) return sql`${raw(a)}.code LIKE ${`${code}%`}`;
    return null;
  };
  // ILIKE without wildcards: the trigram index serves it (lower(name) = … would not).
  const exactName = (a: string) => sql`${raw(a)}.name ILIKE ${escaped}`;
  const contains = (a: string) => sql`${raw(a)}.name ILIKE ${`%${escaped}%`}`;
  const similar = (a: string): Sql | null => (text.length >= SIMILAR_FROM_LENGTH && !codeLike ? sql`${raw(a)}.name % ${text}` : null);
  const present = (conditions: (Sql | null)[]) => conditions.filter((c): c is Sql => c !== null);

  const table = raw(target.table);
  // Strong matches come from the indexes whatever their number; weak ones (a name containing or
  // resembling the text) are capped before ranking, so a text found in most names ("有限公司")
  // costs a bounded scan rather than a sort of the whole table.
  const candidates = sql`SELECT __c.id FROM ${table} __c WHERE ${or(present([exactCode('__c'), codePrefix('__c'), exactName('__c')]))} UNION (SELECT __w.id FROM ${table} __w WHERE ${or(present([contains('__w'), similar('__w')]))} LIMIT ${MAX_CANDIDATES})`;
  const name = raw('__s.name');
  const tier = sql`CASE WHEN ${exactCode('__s') ?? raw('FALSE')} THEN 0 WHEN lower(${name}) = lower(${text}) THEN 1 WHEN ${name} ILIKE ${`${escaped}%`} THEN 2 WHEN ${codePrefix('__s') ?? raw('FALSE')} THEN 3 WHEN ${contains('__s')} THEN 4 ELSE 5 END`;
  return sql`(SELECT ${raw(`'${target.typeName}'`)} AS type, ${raw(String(order))} AS type_order, __s.id, ${tier} AS tier, similarity(${name}, ${text}) AS score, length(${name}) AS len FROM ${table} __s WHERE __s.id IN (${candidates}) ORDER BY tier, score DESC, len, __s.id LIMIT ${MAX_SEARCH_HITS + 1})`;
}

/** The ranked hits (at most MAX_SEARCH_HITS + 1, to tell a truncated search), in one statement. */
export async function rankedHits(db: EntityManager, text: string, types: readonly SearchType[] | null | undefined): Promise<SearchHit[]> {
  const wanted = types?.length ? TARGETS.filter((t) => types.includes(t.type)) : TARGETS;
  if (wanted.length === 0) return [];
  const branches = wanted.map((target) => branch(target, TARGETS.indexOf(target), text));
  const statement = sql`SELECT type, id, tier, score FROM (${join(branches, ' UNION ALL ')}) AS __hits ORDER BY tier, score DESC, len, type_order, id LIMIT ${MAX_SEARCH_HITS + 1}`;
  const rows = await runQuery(db, statement);
  return rows.map((row) => ({
    typeName: String(row.type),
    id: Number(row.id),
    match: MATCH_BY_TIER[Number(row.tier)] ?? SearchMatch.SIMILAR_NAME,
    score: Math.round(Number(row.score) * 10_000) / 10_000,
  }));
}

/**
 * Slices the ranked hits into the page the arguments ask for. Cursors carry the hit's rank and
 * a digest of the search, so a cursor from another search is refused rather than misread.
 */
export function searchPage(hits: SearchHit[], text: string, types: readonly SearchType[] | null | undefined, args: PageArgs): SearchPage {
  const key = `search:${createHash('sha256').update(JSON.stringify([text, [...(types ?? [])].sort()])).digest('base64url').slice(0, 12)}`;
  try {
    // Checks first/last (≤ 100, not both) and that the cursors are ours and of this search.
    planPage(args, { key, column: null, id: raw('id'), direction: 'ASC', valueOf: () => null });
  } catch (error) {
    if (error instanceof PageArgumentError) {
      throw new BadUserInputError(error.en, { field: [error.argument], reason: 'PAGINATION', localizedMessage: { zh: error.zh, en: error.en } });
    }
    throw error;
  }
  const truncated = hits.length > MAX_SEARCH_HITS;
  const listed = truncated ? hits.slice(0, MAX_SEARCH_HITS) : hits;
  const afterRank = args.after != null ? decodeCursor(args.after)!.i : -1;
  const beforeRank = args.before != null ? decodeCursor(args.before)!.i : listed.length;
  const start = Math.max(afterRank + 1, 0);
  const end = Math.min(beforeRank, listed.length);
  const backward = args.last != null || (args.before != null && args.first == null);
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  let from = start;
  let to = end;
  if (end > start) {
    if (backward) from = Math.max(start, end - size);
    else to = Math.min(end, start + size);
  } else {
    to = from;
  }
  const hitsOnPage = listed.slice(from, to).map((hit, i) => ({ hit, cursor: encodeCursor({ o: key, i: from + i }) }));
  return { hits: hitsOnPage, hasPreviousPage: from > 0, hasNextPage: to < listed.length, totalCount: listed.length, truncated };
}
