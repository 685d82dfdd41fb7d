import { CITY_BUDGET_FEN, checkDate, checkInteger, checkText, issue, normalizeText, STARTUP_FUND_FEN, todayInShanghai, type Issue } from '@liangxin/domain';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors/conflict.error.js';
import {
  areaByCodeOrId,
  areaWithin,
  audit,
  dateOutsideStandingIssue,
  insertRow,
  PARTY_ORGANIZATION,
  referencedRow,
  refuseIfAny,
  runMutation,
  type ReferenceKind,
  type RowJson,
  type Tx,
} from '../../mutation/index.js';
import { Area } from '../area/area.entity.js';
import { FundKind } from '../enums.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { required } from '../required.js';
import { LocalDate, SafeInt } from '../scalars.js';
import { FundEntry } from './fund-entry.entity.js';

/*
 * allocateFunds and disburseFunds (issue 5): ALLOCATED and DISBURSED entries of fund_entry.
 * ENTITLED entries are not written here: entitlement follows from the rules (docs/measures.md,
 * "Funds"). Money is checked per pot — the entries one disbursement draws on:
 *
 *   STARTUP                  one Party organization, all years (its one 2,000 CNY);
 *   WORKING for a Party org  that Party organization and year;
 *   WORKING for an area      that district or street and year, entries without a Party organization.
 *
 * A disbursement may not exceed what the pot has allocated and not yet disbursed; startup
 * allocations may not exceed the 2,000 CNY the rule entitles; a year's allocations may not exceed
 * the city's budget for the year when one is recorded. docs/mutations.md, "Funds".
 */

/** One entry at most the city's whole yearly budget (10,000,000 CNY): beyond it is a typo. */
export const FUND_ENTRY_MAX_FEN = CITY_BUDGET_FEN;

const AREA: ReferenceKind = { typeName: 'Area', table: 'area', label: { zh: '地区', en: 'area' } };

/** 123456 fen → "1,234.56 CNY" / "1,234.56元". */
function yuan(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

@InputType('FundMovementInput', { description: 'Money allocated (拨付经费) or paid out (经费支出) for a district, street or Party organization: the input of allocateFunds and disburseFunds.' })
export class FundMovementInput {
  @Field(() => FundKind, { description: 'Working fund (工作经费) or startup fund (启动经费).' })
  kind: FundKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The Party organization the money is for: required for STARTUP (a newly established Party organization), optional for WORKING.',
  })
  partyOrganization?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The district or street the money is for: its division code ("370102") or an Area id. Defaults to the Party organization’s area; required for WORKING without a Party organization. A Party organization given must lie in it.',
  })
  area?: string | null;

  @Field(() => Int, { description: 'Budget year (年度), 2000 to 2100.' })
  year: number;

  @Field(() => SafeInt, { description: 'Amount in fen (金额, 分; 1 CNY = 100 fen): at least 1, at most 1,000,000,000 (the city’s yearly budget).' })
  amountFen: number;

  @Field(() => LocalDate, { description: 'Date entered (记账日期): not in the future; in the budget year or the year before or after.' })
  enteredOn: string;

  @Field(() => String, { nullable: true, description: 'Note (备注), at most 500 characters.' })
  note?: string | null;
}


@ObjectType('FundMovementPayload', { description: 'The fund entry recorded, and where its pot stands now.' })
export class FundMovementPayload {
  @Field(() => FundEntry, { description: 'The new fund entry (version 1).' })
  fund: FundEntry;

  @Field(() => SafeInt, { description: 'What the pot (this Party organization, or area, and year) has allocated now, in fen.' })
  allocatedFen: number;

  @Field(() => SafeInt, { description: 'What the pot has disbursed now, in fen.' })
  disbursedFen: number;

  @Field(() => SafeInt, { description: 'Allocated and not yet disbursed (可支出余额), in fen.' })
  outstandingFen: number;

  @Field(() => Area, { description: 'The district or street the money is for.' })
  area: Area;

  @Field(() => PartyOrganization, { nullable: true, description: 'The Party organization the money is for, if any.' })
  partyOrganization: PartyOrganization | null;
}


type Movement = 'ALLOCATED' | 'DISBURSED';

interface Pot {
  key: string;
  where: string;
  params: unknown[];
}

function potOf(kind: FundKind, year: number, partyOrganizationId: number | null, areaId: number): Pot {
  if (kind === 'STARTUP') return { key: `fund:STARTUP:${partyOrganizationId}`, where: `fund = 'STARTUP' AND party_organization_id = $1`, params: [partyOrganizationId] };
  if (partyOrganizationId !== null) {
    return { key: `fund:WORKING:${partyOrganizationId}:${year}`, where: `fund = 'WORKING' AND party_organization_id = $1 AND year = $2`, params: [partyOrganizationId, year] };
  }
  return { key: `fund:WORKING:area:${areaId}:${year}`, where: `fund = 'WORKING' AND party_organization_id IS NULL AND area_id = $1 AND year = $2`, params: [areaId, year] };
}

async function potTotals(tx: Tx, pot: Pot): Promise<{ allocatedFen: number; disbursedFen: number }> {
  const rows = (await tx.query(
    `SELECT coalesce(sum(amount_fen) FILTER (WHERE entry = 'ALLOCATED'), 0)::text AS allocated,
            coalesce(sum(amount_fen) FILTER (WHERE entry = 'DISBURSED'), 0)::text AS disbursed
       FROM fund_entry WHERE ${pot.where}`,
    pot.params,
  )) as { allocated: string; disbursed: string }[];
  return { allocatedFen: Number(rows[0]!.allocated), disbursedFen: Number(rows[0]!.disbursed) };
}

/** Serialises writers of one pot (or budget year) until commit, so two cannot both pass the check. */
async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

/** The area by division code or Area id; of level DISTRICT or STREET. */
async function areaOf(tx: Tx, value: string): Promise<{ row: RowJson } | { issue: Issue }> {
  const path = ['input', 'area'];
  const found = await areaByCodeOrId(tx, path, value, AREA);
  if (found.issue) return found;
  const row = found.row;
  if (row.level !== 'DISTRICT' && row.level !== 'STREET') {
    return {
      issue: issue(path, 'NOT_A_FUND_AREA', `“${row.name as string}”不是区县或街道；经费记在区县或街道`, `"${row.name as string}" is not a district or street; funds are entered for a district or a street.`),
    };
  }
  return { row };
}

function conflict(en: string, zh: string, reason: string, details: Record<string, unknown>): ConflictError {
  return new ConflictError(en, { constraint: reason.toLowerCase(), localizedMessage: { zh, en }, details: { reason, field: ['input', 'amountFen'], ...details } });
}

async function recordMovement(ctx: Context, operation: string, entry: Movement, input: FundMovementInput) {
  const at = (field: string) => ['input', field];
  const result = await runMutation(
    ctx,
    operation,
    async (tx) => {
      const note = normalizeText(input.note) ?? null;
      const issues: Issue[] = [
        ...checkInteger(at('year'), input.year, { label: { zh: '年度', en: 'year' }, required: true, min: 2000, max: 2100 }),
        ...checkInteger(at('amountFen'), input.amountFen, { label: { zh: '金额（分）', en: 'amount in fen' }, required: true, min: 1, max: FUND_ENTRY_MAX_FEN }),
        ...checkText(at('note'), note, { label: { zh: '备注', en: 'note' }, max: 500, required: false }),
      ];
      const enteredOnLabel = { zh: '记账日期', en: 'date entered' };
      const dateIssues = checkDate(at('enteredOn'), input.enteredOn, { label: enteredOnLabel, required: true, notAfter: todayInShanghai(), notBefore: '2000-01-01' });
      issues.push(...dateIssues);
      const yearOk = !issues.some((i) => i.path[1] === 'year');
      if (dateIssues.length === 0 && yearOk) {
        const enteredYear = Number(input.enteredOn.slice(0, 4));
        if (Math.abs(enteredYear - input.year) > 1) {
          issues.push(
            issue(
              at('enteredOn'),
              'YEAR_MISMATCH',
              `记账日期（${input.enteredOn}）与年度 ${input.year} 不符：经费应在本年度内（最早上一年、最迟下一年）记账`,
              `The date entered (${input.enteredOn}) does not fit the year ${input.year}: an entry is made in its year, or in the year before or after.`,
            ),
          );
        }
      }
      if (input.kind === 'STARTUP' && Number.isInteger(input.amountFen) && input.amountFen > STARTUP_FUND_FEN) {
        issues.push(
          issue(
            at('amountFen'),
            'ABOVE_STARTUP_FUND',
            `启动经费每个党组织为 ${yuan(STARTUP_FUND_FEN)} 元（${STARTUP_FUND_FEN} 分），本笔为 ${yuan(input.amountFen)} 元`,
            `A startup fund is ${yuan(STARTUP_FUND_FEN)} CNY (${STARTUP_FUND_FEN} fen) per Party organization; this entry is ${yuan(input.amountFen)} CNY.`,
          ),
        );
      }

      let party: RowJson | null = null;
      const hasParty = input.partyOrganization != null && input.partyOrganization.trim() !== '';
      if (hasParty) {
        const found = await referencedRow(tx, at('partyOrganization'), input.partyOrganization!, PARTY_ORGANIZATION);
        if (found.issue) issues.push(found.issue);
        else party = found.row;
      } else if (input.kind === 'STARTUP') {
        issues.push(
          issue(at('partyOrganization'), 'REQUIRED', '启动经费须注明是哪个新建党组织的', 'A startup fund is for one newly established Party organization: give it.'),
        );
      }
      let area: RowJson | null = null;
      const hasArea = input.area != null && input.area.trim() !== '';
      if (hasArea) {
        const found = await areaOf(tx, input.area!);
        if ('issue' in found) issues.push(found.issue);
        else area = found.row;
      } else if (!hasParty) {
        issues.push(issue(at('area'), 'REQUIRED', '请填写经费所属的区县或街道', 'The district or street the money is for is missing.'));
      }
      if (party && area) {
        if (!(await areaWithin(tx, party.area_id as number, area.id as number))) {
          issues.push(
            issue(
              at('area'),
              'NOT_IN_AREA',
              `党组织“${party.name as string}”不在“${area.name as string}”`,
              `The Party organization "${party.name as string}" is not in ${area.name as string}.`,
            ),
          );
        }
      }
      if (party && dateIssues.length === 0) {
        const standing = dateOutsideStandingIssue(party, input.enteredOn, {
          paths: { partyOrganization: at('partyOrganization'), date: at('enteredOn') },
          dateLabel: enteredOnLabel,
          afterDissolution: {
            zh: `不能再为其${entry === 'ALLOCATED' ? '拨付' : '支出'}经费`,
            en: `no funds can be ${entry === 'ALLOCATED' ? 'allocated to' : 'disbursed for'} it after that.`,
          },
        });
        if (standing) issues.push(standing);
      }
      refuseIfAny(issues);

      const areaId = (area?.id ?? party!.area_id) as number;
      const partyId = (party?.id as number | undefined) ?? null;
      const amount = input.amountFen;
      if (entry === 'ALLOCATED') {
        const budgets = (await tx.query('SELECT amount_fen::text AS amount FROM fund_budget WHERE year = $1', [input.year])) as { amount: string }[];
        if (budgets[0]) {
          await lockKey(tx, `fund-budget:${input.year}`);
          const budget = Number(budgets[0].amount);
          const rows = (await tx.query(`SELECT coalesce(sum(amount_fen), 0)::text AS allocated FROM fund_entry WHERE entry = 'ALLOCATED' AND year = $1`, [
            input.year,
          ])) as { allocated: string }[];
          const allocated = Number(rows[0]!.allocated);
          if (allocated + amount > budget) {
            const left = Math.max(0, budget - allocated);
            throw conflict(
              `The city's budget for ${input.year} is ${yuan(budget)} CNY, of which ${yuan(allocated)} CNY is allocated; only ${yuan(left)} CNY (${left} fen) is left, and this allocation is ${yuan(amount)} CNY.`,
              `${input.year}年度全市经费预算为 ${yuan(budget)} 元，已拨付 ${yuan(allocated)} 元，仅余 ${yuan(left)} 元（${left} 分），本次拨付 ${yuan(amount)} 元超出预算`,
              'OVER_BUDGET',
              { budgetFen: budget, allocatedFen: allocated, remainingFen: left },
            );
          }
        }
      }
      const pot = potOf(input.kind, input.year, partyId, areaId);
      await lockKey(tx, pot.key);
      const totals = await potTotals(tx, pot);
      const whose = party ? `“${party.name as string}”` : `${area!.name as string}${input.year}年度`;
      const whoseEn = party ? `"${party.name as string}"` : `${area!.name as string} in ${input.year}`;
      if (entry === 'ALLOCATED' && input.kind === 'STARTUP' && totals.allocatedFen + amount > STARTUP_FUND_FEN) {
        const left = Math.max(0, STARTUP_FUND_FEN - totals.allocatedFen);
        throw conflict(
          `${whoseEn} is entitled to a startup fund of ${yuan(STARTUP_FUND_FEN)} CNY, of which ${yuan(totals.allocatedFen)} CNY is already allocated; at most ${yuan(left)} CNY (${left} fen) more can be allocated.`,
          `${whose}的启动经费为 ${yuan(STARTUP_FUND_FEN)} 元，已拨付 ${yuan(totals.allocatedFen)} 元，最多还能拨付 ${yuan(left)} 元（${left} 分）`,
          'OVER_ENTITLEMENT',
          { entitledFen: STARTUP_FUND_FEN, allocatedFen: totals.allocatedFen, remainingFen: left },
        );
      }
      if (entry === 'DISBURSED') {
        const outstanding = totals.allocatedFen - totals.disbursedFen;
        if (amount > outstanding) {
          const shown = Math.max(0, outstanding);
          throw conflict(
            `Only ${yuan(shown)} CNY (${shown} fen) allocated to ${whoseEn} remains to be disbursed (allocated ${yuan(totals.allocatedFen)}, disbursed ${yuan(totals.disbursedFen)}); this disbursement is ${yuan(amount)} CNY.`,
            `${whose}已拨付 ${yuan(totals.allocatedFen)} 元、已支出 ${yuan(totals.disbursedFen)} 元，可支出余额仅 ${yuan(shown)} 元（${shown} 分），本次支出 ${yuan(amount)} 元超出已拨付金额`,
            'EXCEEDS_ALLOCATION',
            { allocatedFen: totals.allocatedFen, disbursedFen: totals.disbursedFen, outstandingFen: shown },
          );
        }
      }
      const after = await insertRow(tx, 'fund_entry', {
        fund: input.kind,
        entry,
        area_id: areaId,
        party_organization_id: partyId,
        year: input.year,
        amount_fen: amount,
        entered_on: input.enteredOn,
        note,
      });
      const nodeId = after.id as number;
      await audit(tx, ctx, { operation, nodeType: 'Fund', nodeId, before: null, after });
      const allocatedFen = totals.allocatedFen + (entry === 'ALLOCATED' ? amount : 0);
      const disbursedFen = totals.disbursedFen + (entry === 'DISBURSED' ? amount : 0);
      return { nodeId, allocatedFen, disbursedFen };
    },
    {
      constraintPaths: {
        fund_entry_amount_fen_check: ['input', 'amountFen'],
        fund_entry_year_check: ['input', 'year'],
        fund_entry_check1: ['input', 'enteredOn'],
        fund_entry_note_check: ['input', 'note'],
      },
    },
  );
  const fund = required(await ctx.loaders.fund.byId.load(result.nodeId), 'Fund', result.nodeId);
  const [area, partyOrganization] = await Promise.all([
    ctx.loaders.area.byId.load(fund.areaId),
    fund.partyOrganizationId === null ? Promise.resolve(null) : ctx.loaders.partyOrganization.byId.load(fund.partyOrganizationId),
  ]);
  return {
    fund,
    allocatedFen: result.allocatedFen,
    disbursedFen: result.disbursedFen,
    outstandingFen: result.allocatedFen - result.disbursedFen,
    area: required(area, 'Area', fund.areaId),
    partyOrganization,
  };
}

@Resolver()
export class FundMutations {
  @Mutation(() => FundMovementPayload, {
    description:
      'Records an allocation (拨付经费) of working or startup funds, in fen. BAD_USER_INPUT lists every problem (extensions.issues). CONFLICT when a startup fund would exceed its 2,000 CNY (OVER_ENTITLEMENT) or the year’s allocations the city budget (OVER_BUDGET), with the amounts in extensions. Writes an audit entry.',
  })
  async allocateFunds(
    @Arg('input', () => FundMovementInput, { description: 'The allocation.' }) input: FundMovementInput,
    @Ctx() ctx: Context,
  ): Promise<FundMovementPayload> {
    return recordMovement(ctx, 'allocateFunds', 'ALLOCATED', input);
  }

  @Mutation(() => FundMovementPayload, {
    description:
      'Records a disbursement (经费支出), in fen, against what was allocated to the same Party organization (and year, for working funds) or area and year. CONFLICT (EXCEEDS_ALLOCATION) when it is more than what remains, with extensions.outstandingFen. Writes an audit entry.',
  })
  async disburseFunds(
    @Arg('input', () => FundMovementInput, { description: 'The disbursement.' }) input: FundMovementInput,
    @Ctx() ctx: Context,
  ): Promise<FundMovementPayload> {
    return recordMovement(ctx, 'disburseFunds', 'DISBURSED', input);
  }
}
