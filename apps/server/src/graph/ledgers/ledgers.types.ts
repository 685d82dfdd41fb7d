import { Field, Int, ObjectType } from 'type-graphql';
import { Ledger, MemberStage } from '../enums.js';
import { Period } from '../reports/period.enum.js';
import { LocalDate } from '../scalars.js';

@ObjectType('LedgerFigures', { description: 'Counts of one ledger (三个台账之一) on `asOf`. Counts only: member personal data is read elsewhere, masked.' })
export class LedgerFigures {
  @Field(() => Ledger, { description: 'The ledger.' })
  ledger: Ledger;

  @Field(() => Int, {
    description:
      'Members whose relation sat in this ledger on asOf (存量): ledger_since ≤ asOf and not transferred on or before asOf, working (employed_since ≤ asOf) in an organization in scope on asOf.',
  })
  held: number;

  @Field(() => Int, { description: 'Members transferred out of this ledger into a Party organization on or before asOf (已转接), same population. A member transferred on asOf counts here, not in held.' })
  transferred: number;

  @Field(() => Int, { description: 'Of `held`, those who had revealed their identity (亮明身份) on or before asOf.' })
  identityRevealed: number;

  @Field(() => Int, { description: 'Of `held`, those who had not revealed their identity by asOf = held − identityRevealed.' })
  identityNotRevealed: number;
}

@ObjectType('LedgerRow', { description: 'The three ledgers of one area (or of the scope as a whole): the sums over the ledgers and each ledger.' })
export class LedgerRow {
  @Field(() => String, { description: 'Division code of the area: a child of the scope, or the scope itself (totals).' })
  areaCode: string;

  @Field(() => String, { description: 'Name of the area.' })
  areaName: string;

  @Field(() => Int, { description: 'Members held in any of the three ledgers on asOf.' })
  held: number;

  @Field(() => Int, { description: 'Members transferred out of a ledger on or before asOf.' })
  transferred: number;

  @Field(() => Int, { description: 'Held members who had revealed their identity by asOf.' })
  identityRevealed: number;

  @Field(() => Int, { description: 'Held members who had not revealed their identity by asOf.' })
  identityNotRevealed: number;

  @Field(() => [LedgerFigures], { description: 'Per ledger, in the order PERSONNEL_AGENCY, TALENT_CENTER, COMMUNITY.' })
  ledgers: LedgerFigures[];
}

@ObjectType('LedgerSummary', {
  description:
    'The three ledgers (三个台账) of a scope on a date: members working in two-new organizations of the scope whose relation sits with the city personnel-agency Party committee, a district talent service centre or a community. Members count where their employer organization is (its street). Definitions: docs/measures.md.',
})
export class LedgerSummary {
  @Field(() => LocalDate, { description: 'The date the figures describe.' })
  asOf: string;

  @Field(() => LedgerRow, { description: 'The scope as a whole (areaCode is the scope): the sum of the rows.' })
  totals: LedgerRow;

  @Field(() => [LedgerRow], {
    description: 'One row per child area of the scope (districts of the city, streets of a district); a street scope has a single row for itself.',
  })
  rows: LedgerRow[];
}

@ObjectType('StageCount', { description: 'A number of members at (or reaching) one stage of development.' })
export class StageCount {
  @Field(() => MemberStage, { description: 'The stage.' })
  stage: MemberStage;

  @Field(() => Int, { description: 'Members.' })
  count: number;
}

@ObjectType('MemberStageStock', {
  description:
    'Stock (存量) of members by stage on asOf: each member working (employed_since ≤ asOf) in an organization in scope on asOf who had applied by asOf counts once, at the latest stage whose date is ≤ asOf.',
})
export class MemberStageStock {
  @Field(() => LocalDate, { description: 'The date the figures describe.' })
  asOf: string;

  @Field(() => Int, { description: 'All members counted (the sum of the stages).' })
  total: number;

  @Field(() => [StageCount], { description: 'Every stage, APPLICANT to FULL.' })
  stages: StageCount[];
}

@ObjectType('MembersDeveloped', {
  description:
    'Increment (增量): how many members of organizations in scope reached each stage within the period (the stage date falls in it). One member may reach several stages in one period and counts under each.',
})
export class MembersDeveloped {
  @Field(() => Period, { description: 'The period kind.' })
  period: Period;

  @Field(() => LocalDate, { description: 'First day of the period (inclusive).' })
  start: string;

  @Field(() => LocalDate, { description: 'Last day of the period (inclusive).' })
  end: string;

  @Field(() => [StageCount], { description: 'Every stage, APPLICANT to FULL.' })
  stages: StageCount[];
}
