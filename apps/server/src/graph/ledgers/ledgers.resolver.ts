import { MEMBER_STAGE_ORDER, periodRange, todayInShanghai } from '@liangxin/domain';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { sql } from '../../sql/fragment.js';
import { coverageAt } from '../coverage/coverage.args.js';
import { inScopeAt } from '../coverage/coverage.sql.js';
import { Ledger, MemberStage } from '../enums.js';
import { runQuery } from '../list.js';
import { areaKeyMap, areaRowKeys, isLeafScope, keepRow, OWN_ROW_SUFFIX, resolveAreaScope } from '../reports/area-rows.js';
import { Period } from '../reports/period.enum.js';
import { LocalDate } from '../scalars.js';
import { LedgerFigures, LedgerRow, LedgerSummary, MemberStageStock, MembersDeveloped, StageCount } from './ledgers.types.js';

const LEDGERS: Ledger[] = [Ledger.PERSONNEL_AGENCY, Ledger.TALENT_CENTER, Ledger.COMMUNITY];

const scopeDescription = 'An administrative division code (e.g. "370102") or the id of an Area, and everything beneath it; default the city.';

/** asOf checked as for coverage (a real date, 1949-10-01 to a year ahead); default today. */
function checkedDate(asOf: string | null | undefined): string {
  return coverageAt(asOf, null).asOf;
}

function ledgerRow(areaCode: string, areaName: string, ledgers: LedgerFigures[]): LedgerRow {
  const sum = (k: 'held' | 'transferred' | 'identityRevealed' | 'identityNotRevealed') => ledgers.reduce((a, l) => a + l[k], 0);
  return Object.assign(new LedgerRow(), {
    areaCode,
    areaName,
    held: sum('held'),
    transferred: sum('transferred'),
    identityRevealed: sum('identityRevealed'),
    identityNotRevealed: sum('identityNotRevealed'),
    ledgers,
  });
}

@Resolver()
export class LedgersResolver {
  @Query(() => LedgerSummary, {
    description:
      'The three ledgers (三个台账) on asOf, by child area: members held (存量, not yet transferred), transferred, identity revealed or not. A member transferred on asOf counts as transferred on asOf. Two statements. Definitions: docs/measures.md.',
  })
  async ledgers(
    @Arg('scope', () => String, { nullable: true, description: scopeDescription }) scope: string | null,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'The date; default today in Asia/Shanghai.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<LedgerSummary> {
    const d = checkedDate(asOf);
    const area = await resolveAreaScope(ctx.db, scope);
    const dd = sql`${d}::date`;
    const rows = await runQuery(
      ctx.db,
      sql`WITH __map AS (${areaKeyMap(area.id)}), __keys AS (${areaRowKeys(area.id)}),
      __m AS (
        SELECT __map.key, m.ledger,
          (m.ledger_since <= ${dd} AND (m.transferred_on IS NULL OR m.transferred_on > ${dd})) AS held,
          coalesce(m.transferred_on <= ${dd}, false) AS transferred,
          coalesce(m.revealed_on <= ${dd}, false) AS revealed
        FROM party_member m JOIN organization o ON o.id = m.organization_id JOIN __map ON __map.area_id = o.street_id
        WHERE m.ledger IS NOT NULL AND m.employed_since <= ${dd} AND ${inScopeAt('o', dd)}
      ), __g AS (
        SELECT key, ledger, count(*) FILTER (WHERE held)::int AS held, count(*) FILTER (WHERE transferred)::int AS transferred,
          count(*) FILTER (WHERE held AND revealed)::int AS revealed
        FROM __m GROUP BY key, ledger
      )
      SELECT __keys.key, __keys.name, __keys.own, __g.ledger, __g.held, __g.transferred, __g.revealed
      FROM __keys LEFT JOIN __g ON __g.key = __keys.key ORDER BY __keys.ord, __keys.key`,
    );
    const byKey = new Map<string, { name: string; own: boolean; figures: Map<string, LedgerFigures> }>();
    for (const r of rows) {
      const key = String(r.key);
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { name: String(r.name), own: Boolean(r.own), figures: new Map() }));
      if (r.ledger != null) {
        const held = Number(r.held);
        const revealed = Number(r.revealed);
        entry.figures.set(String(r.ledger), Object.assign(new LedgerFigures(), {
          ledger: r.ledger as Ledger,
          held,
          transferred: Number(r.transferred),
          identityRevealed: revealed,
          identityNotRevealed: held - revealed,
        }));
      }
    }
    const figuresOf = (m: Map<string, LedgerFigures>) =>
      LEDGERS.map((ledger) => m.get(ledger) ?? Object.assign(new LedgerFigures(), { ledger, held: 0, transferred: 0, identityRevealed: 0, identityNotRevealed: 0 }));
    const out: LedgerRow[] = [];
    const leaf = isLeafScope(area);
    for (const [key, entry] of byKey) {
      if (!keepRow(entry.own, entry.figures.size > 0, leaf)) continue;
      out.push(ledgerRow(key, entry.own && !leaf ? `${entry.name}${OWN_ROW_SUFFIX}` : entry.name, figuresOf(entry.figures)));
    }
    const totals = ledgerRow(
      area.code,
      area.name,
      LEDGERS.map((ledger) => {
        const f = out.map((row) => row.ledgers.find((l) => l.ledger === ledger)!);
        return Object.assign(new LedgerFigures(), {
          ledger,
          held: f.reduce((a, x) => a + x.held, 0),
          transferred: f.reduce((a, x) => a + x.transferred, 0),
          identityRevealed: f.reduce((a, x) => a + x.identityRevealed, 0),
          identityNotRevealed: f.reduce((a, x) => a + x.identityNotRevealed, 0),
        });
      }),
    );
    return Object.assign(new LedgerSummary(), { asOf: d, totals, rows: out });
  }

  @Query(() => MemberStageStock, {
    description:
      'Stock of members by stage on asOf (党员发展存量), from the stage dates: each member counts once, at the latest stage reached by asOf. Members of organizations in scope (their street). Two statements.',
  })
  async memberStages(
    @Arg('scope', () => String, { nullable: true, description: scopeDescription }) scope: string | null,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'The date; default today in Asia/Shanghai.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<MemberStageStock> {
    const d = checkedDate(asOf);
    const area = await resolveAreaScope(ctx.db, scope);
    const dd = sql`${d}::date`;
    const rows = await runQuery(
      ctx.db,
      sql`SELECT CASE WHEN m.full_on <= ${dd} THEN 'FULL' WHEN m.probationary_on <= ${dd} THEN 'PROBATIONARY'
          WHEN m.candidate_on <= ${dd} THEN 'CANDIDATE' WHEN m.activist_on <= ${dd} THEN 'ACTIVIST' ELSE 'APPLICANT' END AS stage,
        count(*)::int AS n
      FROM party_member m JOIN organization o ON o.id = m.organization_id
      WHERE o.street_id = ANY (ARRAY(SELECT __a.id FROM area __a WHERE __a.path @> ARRAY[${area.id}::int]))
        AND m.applied_on <= ${dd} AND m.employed_since <= ${dd} AND ${inScopeAt('o', dd)}
      GROUP BY 1`,
    );
    const stages = stageCounts(rows);
    return Object.assign(new MemberStageStock(), { asOf: d, total: stages.reduce((a, s) => a + s.count, 0), stages });
  }

  @Query(() => MembersDeveloped, {
    description:
      'Increment of members developed in the period containing `date` (党员发展增量): per stage, members of organizations in scope (their current employer, by its street) whose date of reaching that stage falls in the period. Two statements.',
  })
  async membersDeveloped(
    @Arg('scope', () => String, { nullable: true, description: scopeDescription }) scope: string | null,
    @Arg('period', () => Period, { description: 'DAY, WEEK (ISO, Monday–Sunday), MONTH or YEAR.' }) period: Period,
    @Arg('date', () => LocalDate, { nullable: true, description: 'A date in the period; default today in Asia/Shanghai.' }) date: string | null,
    @Ctx() ctx: Context,
  ): Promise<MembersDeveloped> {
    const d = date == null ? todayInShanghai() : checkedDate(date);
    const range = periodRange(period, d);
    const area = await resolveAreaScope(ctx.db, scope);
    const rows = await runQuery(
      ctx.db,
      sql`SELECT __e.stage, count(*)::int AS n
      FROM party_member m JOIN organization o ON o.id = m.organization_id
      CROSS JOIN LATERAL (VALUES ('APPLICANT', m.applied_on), ('ACTIVIST', m.activist_on), ('CANDIDATE', m.candidate_on),
        ('PROBATIONARY', m.probationary_on), ('FULL', m.full_on)) AS __e(stage, reached_on)
      WHERE o.street_id = ANY (ARRAY(SELECT __a.id FROM area __a WHERE __a.path @> ARRAY[${area.id}::int]))
        AND __e.reached_on BETWEEN ${range.start}::date AND ${range.end}::date
      GROUP BY 1`,
    );
    return Object.assign(new MembersDeveloped(), { period, start: range.start, end: range.end, stages: stageCounts(rows) });
  }
}

function stageCounts(rows: Record<string, unknown>[]): StageCount[] {
  const n = new Map(rows.map((r) => [String(r.stage), Number(r.n)]));
  return MEMBER_STAGE_ORDER.map((stage) => Object.assign(new StageCount(), { stage: stage as MemberStage, count: n.get(stage) ?? 0 }));
}

