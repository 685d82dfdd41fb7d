import { STARTUP_FUND_FEN, WORKING_FUND_PER_MEMBER_FEN } from '@liangxin/domain';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import { sql } from '../../sql/fragment.js';
import { inScopeAt, standingAt } from '../coverage/coverage.sql.js';
import { runQuery } from '../list.js';
import { areaKeyMap, areaRowKeys, isLeafScope, keepRow, OWN_ROW_SUFFIX, resolveAreaScope } from '../reports/area-rows.js';
import { FundsRow, FundsSummary } from './funds-summary.types.js';

type Counts = Pick<FundsRow, 'workingFundMembers' | 'newPartyOrganizations' | 'allocatedFen' | 'disbursedFen'>;

/** A row from its counts: the entitlements follow from the domain's fund constants. */
export function fundsRow(areaCode: string, areaName: string, c: Counts): FundsRow {
  const entitledWorkingFen = c.workingFundMembers * WORKING_FUND_PER_MEMBER_FEN;
  const entitledStartupFen = c.newPartyOrganizations * STARTUP_FUND_FEN;
  const entitledFen = entitledWorkingFen + entitledStartupFen;
  return Object.assign(new FundsRow(), {
    areaCode,
    areaName,
    ...c,
    entitledWorkingFen,
    entitledStartupFen,
    entitledFen,
    outstandingFen: entitledFen - c.disbursedFen,
  });
}

@Resolver()
export class FundsSummaryResolver {
  @Query(() => FundsSummary, {
    description:
      'Funds of a year (经费统计) per district (per street in a district scope): entitled working funds (300 CNY per member whose relation sat in a two-new Party organization on 1 January), startup funds (2,000 CNY per Party organization established in the year), allocated, disbursed, outstanding, against the city budget. Money in fen. Two statements. Definitions: docs/measures.md.',
  })
  async fundsSummary(
    @Arg('year', () => Int, { description: 'The year, 2000 to 2100.' }) year: number,
    @Arg('scope', () => String, {
      nullable: true,
      description: 'An administrative division code (e.g. "370102") or the id of an Area; default the city.',
    })
    scope: string | null,
    @Ctx() ctx: Context,
  ): Promise<FundsSummary> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      const en = `year must be from 2000 to 2100; got ${year}.`;
      throw new BadUserInputError(en, { field: ['year'], reason: 'YEAR', localizedMessage: { zh: `年度（year）须在 2000 至 2100 之间，当前为 ${year}`, en } });
    }
    const area = await resolveAreaScope(ctx.db, scope);
    const jan1 = sql`${`${year}-01-01`}::date`;
    const rows = await runQuery(
      ctx.db,
      sql`WITH __map AS (${areaKeyMap(area.id)}), __keys AS (${areaRowKeys(area.id)}),
      __w AS (
        SELECT __map.key, count(*)::int AS n
        FROM party_member m JOIN organization o ON o.id = m.organization_id JOIN __map ON __map.area_id = o.street_id
          JOIN party_organization p ON p.id = m.party_organization_id
        WHERE m.relation_holder = 'PARTY_ORGANIZATION' AND coalesce(m.transferred_on, m.probationary_on) <= ${jan1}
          AND m.employed_since <= ${jan1} AND ${inScopeAt('o', jan1)} AND ${standingAt('p', jan1)}
        GROUP BY 1
      ), __s AS (
        SELECT __map.key, count(*)::int AS n
        FROM party_organization p JOIN __map ON __map.area_id = p.area_id
        WHERE extract(year FROM p.established_on) = ${year}::int
        GROUP BY 1
      ), __e AS (
        SELECT __map.key,
          coalesce(sum(e.amount_fen) FILTER (WHERE e.entry = 'ALLOCATED'), 0)::bigint AS allocated,
          coalesce(sum(e.amount_fen) FILTER (WHERE e.entry = 'DISBURSED'), 0)::bigint AS disbursed
        FROM fund_entry e JOIN __map ON __map.area_id = e.area_id
        WHERE e.year = ${year}::int
        GROUP BY 1
      )
      SELECT __keys.key, __keys.name, __keys.own,
        coalesce(__w.n, 0) AS members, coalesce(__s.n, 0) AS new_pos,
        coalesce(__e.allocated, 0)::bigint AS allocated, coalesce(__e.disbursed, 0)::bigint AS disbursed,
        (SELECT b.amount_fen FROM fund_budget b WHERE b.year = ${year}::int) AS budget
      FROM __keys LEFT JOIN __w ON __w.key = __keys.key LEFT JOIN __s ON __s.key = __keys.key LEFT JOIN __e ON __e.key = __keys.key
      ORDER BY __keys.ord, __keys.key`,
    );
    const leaf = isLeafScope(area);
    const out: FundsRow[] = [];
    let budgetFen: number | null = null;
    for (const r of rows) {
      budgetFen = r.budget == null ? null : Number(r.budget);
      const c: Counts = {
        workingFundMembers: Number(r.members),
        newPartyOrganizations: Number(r.new_pos),
        allocatedFen: Number(r.allocated),
        disbursedFen: Number(r.disbursed),
      };
      const own = Boolean(r.own);
      const hasData = c.workingFundMembers + c.newPartyOrganizations + c.allocatedFen + c.disbursedFen > 0;
      if (!keepRow(own, hasData, leaf)) continue;
      out.push(fundsRow(String(r.key), own && !leaf ? `${String(r.name)}${OWN_ROW_SUFFIX}` : String(r.name), c));
    }
    const sum = (k: keyof Counts) => out.reduce((a, row) => a + row[k], 0);
    const totals = fundsRow(area.code, area.name, {
      workingFundMembers: sum('workingFundMembers'),
      newPartyOrganizations: sum('newPartyOrganizations'),
      allocatedFen: sum('allocatedFen'),
      disbursedFen: sum('disbursedFen'),
    });
    return Object.assign(new FundsSummary(), {
      year,
      totals,
      rows: out,
      budgetFen,
      budgetBalanceFen: budgetFen == null ? null : budgetFen - totals.entitledFen,
      entitledShareOfBudget: budgetFen ? totals.entitledFen / budgetFen : null,
    });
  }
}
