import { addDays, DEFAULT_WINDOW_DAYS, periodLabel, periodRange, rate, todayInShanghai } from '@liangxin/domain';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { sql } from '../../sql/fragment.js';
import { coverageAt } from '../coverage/coverage.args.js';
import { resolveScope } from '../coverage/coverage.resolver.js';
import { breakdownGrouping, coverageStatement, newlyOrganizationCovered, tallyChildAreaStatement, toCountsRow, type CountsRow } from '../coverage/coverage.sql.js';
import { runQuery } from '../list.js';
import { LocalDate } from '../scalars.js';
import { areaKeyMap, areaRowKeys, isLeafScope, keepRow, OWN_ROW_SUFFIX, resolveAreaScope } from './area-rows.js';
import { Period } from './period.enum.js';
import { Report, ReportRow } from './report.types.js';

/** Weights of the ranking score (docs/measures.md). */
export const SCORE_WEIGHTS = { rateAtEnd: 100, rateChange: 50, visitsPerBlindSpot: 10 } as const;

type Counts = Omit<ReportRow, 'areaCode' | 'areaName' | 'overallCoverageRateAtStart' | 'overallCoverageRateAtEnd' | 'coverageRateChange' | 'score' | 'rank'> & {
  coveredAtStart: number;
  coveredAtEnd: number;
};

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The ranking score: 100 × rate at end + 50 × change + 10 × min(1, visits / max(1, blind spots at start)). */
export function reportScore(r: { overallCoverageRateAtEnd: number; coverageRateChange: number; visits: number; blindSpotsAtStart: number }): number {
  return round4(
    SCORE_WEIGHTS.rateAtEnd * r.overallCoverageRateAtEnd +
      SCORE_WEIGHTS.rateChange * r.coverageRateChange +
      SCORE_WEIGHTS.visitsPerBlindSpot * Math.min(1, r.visits / Math.max(1, r.blindSpotsAtStart)),
  );
}

function reportRow(areaCode: string, areaName: string, c: Counts): ReportRow {
  const { coveredAtStart, coveredAtEnd, ...counts } = c;
  const atStart = rate(coveredAtStart, c.inScopeAtStart);
  const atEnd = rate(coveredAtEnd, c.inScopeAtEnd);
  return Object.assign(new ReportRow(), {
    areaCode,
    areaName,
    ...counts,
    overallCoverageRateAtStart: atStart,
    overallCoverageRateAtEnd: atEnd,
    coverageRateChange: atEnd - atStart,
    score: null,
    rank: null,
  });
}

const ZERO: Counts = {
  partyOrganizationsEstablished: 0,
  organizationsNewlyCovered: 0,
  blindSpotsAtStart: 0,
  blindSpotsAtEnd: 0,
  visits: 0,
  membersTransferred: 0,
  identitiesRevealed: 0,
  inScopeAtStart: 0,
  inScopeAtEnd: 0,
  coveredAtStart: 0,
  coveredAtEnd: 0,
};

@Resolver()
export class ReportResolver {
  @Query(() => Report, {
    description:
      'A cadence report (日调度、周通报、月总结、年考核) for the period containing `date` (Asia/Shanghai; WEEK is the ISO week): per district, or per street when scope is a district — Party organizations established, organizations newly covered, blind spots at start and end, visits, members transferred, identities revealed, coverage-rate change — and a ranking by a documented score. Four statements. Definitions: docs/measures.md.',
  })
  async report(
    @Arg('period', () => Period, { description: 'DAY, WEEK, MONTH or YEAR.' }) period: Period,
    @Arg('date', () => LocalDate, { nullable: true, description: 'A date inside the period; default today in Asia/Shanghai.' }) date: string | null,
    @Arg('scope', () => String, {
      nullable: true,
      description: 'An administrative division code (e.g. "370102") or the id of an Area; default the city.',
    })
    scope: string | null,
    @Ctx() ctx: Context,
  ): Promise<Report> {
    const d = date == null ? todayInShanghai() : coverageAt(date, null).asOf;
    const { start, end } = periodRange(period, d);
    const before = addDays(start, -1);
    const area = await resolveAreaScope(ctx.db, scope);
    const scopeSql = resolveScope(area.code);
    // Blind spots at start and end, per child area, from the coverage tally (default window).
    // Under row-level security the same rows are computed from the facts the caller may see.
    const childAreas = (asOf: string) => {
      const at = { asOf, window: DEFAULT_WINDOW_DAYS };
      return ctx.rowLevelSecurity ? coverageStatement(breakdownGrouping(scopeSql, 'CHILD_AREA'), at) : tallyChildAreaStatement(scopeSql, at);
    };
    const [startRows, endRows, activity] = await Promise.all([
      runQuery(ctx.db, childAreas(before)),
      runQuery(ctx.db, childAreas(end)),
      runQuery(ctx.db, activityStatement(area.id, start, end)),
    ]);
    const counts = new Map<string, { name: string; own: boolean; c: Counts }>();
    for (const r of activity) {
      counts.set(String(r.key), {
        name: String(r.name),
        own: Boolean(r.own),
        c: {
          ...ZERO,
          partyOrganizationsEstablished: Number(r.established),
          organizationsNewlyCovered: Number(r.newly_covered),
          visits: Number(r.visits),
          membersTransferred: Number(r.transferred),
          identitiesRevealed: Number(r.revealed),
        },
      });
    }
    const apply = (rows: Record<string, unknown>[], side: 'Start' | 'End') => {
      for (const raw of rows) {
        const row: CountsRow = toCountsRow(raw);
        const entry = counts.get(row.key);
        if (!entry) continue;
        entry.c[`inScopeAt${side}`] = row.inScope;
        entry.c[`blindSpotsAt${side}`] = row.blindSpots;
        entry.c[`coveredAt${side}`] = row.organizationCovered + row.workCovered;
      }
    };
    apply(startRows, 'Start');
    apply(endRows, 'End');

    const leaf = isLeafScope(area);
    const rows: ReportRow[] = [];
    const ranked: ReportRow[] = [];
    const kept: Counts[] = [];
    for (const [key, { name, own, c }] of counts) {
      const hasData = Object.values(c).some((v) => v !== 0);
      if (!keepRow(own, hasData, leaf)) continue;
      const row = reportRow(key, own && !leaf ? `${name}${OWN_ROW_SUFFIX}` : name, c);
      if (!own || leaf) {
        row.score = reportScore(row);
        ranked.push(row);
      }
      rows.push(row);
      kept.push(c);
    }
    ranked.sort((a, b) => b.score! - a.score! || (a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0));
    ranked.forEach((row, i) => {
      row.rank = i > 0 && ranked[i - 1]!.score === row.score ? ranked[i - 1]!.rank : i + 1;
    });
    const total = Object.fromEntries(Object.keys(ZERO).map((k) => [k, kept.reduce((a, c) => a + c[k as keyof Counts], 0)])) as Counts;
    return Object.assign(new Report(), {
      period,
      label: periodLabel(period, d),
      start,
      end,
      totals: reportRow(area.code, area.name, total),
      rows,
      ranking: ranked,
    });
  }
}

/**
 * One statement: the flows of the period per row key — Party organizations established (by
 * their area), organizations newly organization-covered, visits, transfers and revelations (by
 * the organization's street).
 */
function activityStatement(scopeId: number, start: string, end: string) {
  const s = sql`${start}::date`;
  const e = sql`${end}::date`;
  return sql`WITH __map AS (${areaKeyMap(scopeId)}), __keys AS (${areaRowKeys(scopeId)}),
  __p AS (
    SELECT __map.key, count(*)::int AS n FROM party_organization p JOIN __map ON __map.area_id = p.area_id
    WHERE p.established_on BETWEEN ${s} AND ${e} GROUP BY 1
  ), __n AS (
    -- The same rule as the list filter OrganizationFilter.newlyCovered (coverage.sql.ts), so the
    -- bulletin's figure links to exactly its rows.
    SELECT __map.key, count(*)::int AS n FROM organization o JOIN __map ON __map.area_id = o.street_id
    WHERE ${newlyOrganizationCovered('o', start, end)}
    GROUP BY 1
  ), __v AS (
    SELECT __map.key, count(*)::int AS n FROM visit v JOIN organization o ON o.id = v.organization_id JOIN __map ON __map.area_id = o.street_id
    WHERE v.visited_on BETWEEN ${s} AND ${e} GROUP BY 1
  ), __m AS (
    SELECT __map.key,
      count(*) FILTER (WHERE m.transferred_on BETWEEN ${s} AND ${e})::int AS transferred,
      count(*) FILTER (WHERE m.revealed_on BETWEEN ${s} AND ${e})::int AS revealed
    FROM party_member m JOIN organization o ON o.id = m.organization_id JOIN __map ON __map.area_id = o.street_id
    WHERE m.transferred_on BETWEEN ${s} AND ${e} OR m.revealed_on BETWEEN ${s} AND ${e}
    GROUP BY 1
  )
  SELECT __keys.key, __keys.name, __keys.own, coalesce(__p.n, 0) AS established, coalesce(__n.n, 0) AS newly_covered,
    coalesce(__v.n, 0) AS visits, coalesce(__m.transferred, 0) AS transferred, coalesce(__m.revealed, 0) AS revealed
  FROM __keys LEFT JOIN __p ON __p.key = __keys.key LEFT JOIN __n ON __n.key = __keys.key
    LEFT JOIN __v ON __v.key = __keys.key LEFT JOIN __m ON __m.key = __keys.key
  ORDER BY __keys.ord, __keys.key`;
}
