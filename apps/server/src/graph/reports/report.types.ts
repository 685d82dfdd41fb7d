import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../scalars.js';
import { Period } from './period.enum.js';

@ObjectType('ReportRow', {
  description:
    'One area over the period (调度/通报/总结/考核). "Start" is the close of the day before the period, "end" its last day; coverage figures use the 90-day window. Definitions: docs/measures.md.',
})
export class ReportRow {
  @Field(() => String, { description: 'Division code: a child of the scope, the scope itself for its own row, or the scope (totals).' })
  areaCode: string;

  @Field(() => String, { description: 'Name of the area.' })
  areaName: string;

  @Field(() => Int, { description: 'Party organizations established in the period (established_on in it), by the area they belong to (新建党组织).' })
  partyOrganizationsEstablished: number;

  @Field(() => Int, { description: 'Organizations in scope and organization-covered at the end, not (in scope and) organization-covered on the day before the start (新增组织覆盖).' })
  organizationsNewlyCovered: number;

  @Field(() => Int, { description: 'Blind spots on the day before the period (期初空白点).' })
  blindSpotsAtStart: number;

  @Field(() => Int, { description: 'Blind spots on the last day of the period (期末空白点).' })
  blindSpotsAtEnd: number;

  @Field(() => Int, { description: 'Visits made in the period, by the visited organization (走访次数).' })
  visits: number;

  @Field(() => Int, { description: 'Members transferred out of a ledger in the period (transferred_on in it), by employer organization (转接党员).' })
  membersTransferred: number;

  @Field(() => Int, { description: 'Members who revealed their identity in the period (revealed_on in it), by employer organization (亮明身份).' })
  identitiesRevealed: number;

  @Field(() => Int, { description: 'Organizations in scope on the day before the period.' })
  inScopeAtStart: number;

  @Field(() => Int, { description: 'Organizations in scope on the last day.' })
  inScopeAtEnd: number;

  @Field(() => Float, { description: 'Overall coverage rate (organization + work) on the day before the period, 0 to 1.' })
  overallCoverageRateAtStart: number;

  @Field(() => Float, { description: 'Overall coverage rate on the last day, 0 to 1.' })
  overallCoverageRateAtEnd: number;

  @Field(() => Float, { description: 'overallCoverageRateAtEnd − overallCoverageRateAtStart (覆盖率变化), −1 to 1.' })
  coverageRateChange: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Score of the ranking (得分): 100 × rate at end + 50 × rate change + 10 × min(1, visits / max(1, blind spots at start)), rounded to 4 decimals; null for the totals and the scope’s own row.',
  })
  score: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank by score (1 = best; equal scores share a rank, then the next rank skips); null where score is null.' })
  rank: number | null;
}

@ObjectType('Report', {
  description:
    "A cadence report (日调度、周通报、月总结、年考核): the period containing `date` (Asia/Shanghai, ISO weeks), one row per child area (districts; streets of a district scope) and their ranking. Four statements. Definitions: docs/measures.md.",
})
export class Report {
  @Field(() => Period, { description: 'The period kind.' })
  period: Period;

  @Field(() => String, { description: "The period's label: '2026-11-28', '2026-W48', '2026-11' or '2026'." })
  label: string;

  @Field(() => LocalDate, { description: 'First day of the period.' })
  start: string;

  @Field(() => LocalDate, { description: 'Last day of the period.' })
  end: string;

  @Field(() => ReportRow, { description: 'The scope as a whole: counts are the sums of the rows, rates from the summed counts.' })
  totals: ReportRow;

  @Field(() => [ReportRow], {
    description: "One row per child area (ordered by code), plus the scope's own row (Party organizations belonging to the scope itself) when it holds something.",
  })
  rows: ReportRow[];

  @Field(() => [ReportRow], { description: 'The child-area rows ranked: by score descending, ties by code.' })
  ranking: ReportRow[];
}
