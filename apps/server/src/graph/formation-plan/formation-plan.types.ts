import { FormationLevel, FormationRecommendation, type FormationProposal as DomainProposal } from '@liangxin/domain';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Loaders } from '../../loaders.js';
import { PartyOrganizationKind } from '../enums.js';
import { Organization } from '../organization/organization.entity.js';
import { required } from '../required.js';
import { LocalDate } from '../scalars.js';

/** The GraphQL types of the formation planner (组建规划; docs/measures.md, "The formation planner"). */

registerEnumType(FormationRecommendation, {
  name: 'FormationRecommendation',
  description: 'What the formation planner recommends for uncovered organizations (组建建议).',
  valuesConfig: {
    STANDALONE: { description: 'Set up its own Party organization (单独组建): 3 or more full members.' },
    JOINT: { description: 'Set up a joint Party organization with uncovered neighbours (联合组建) until 3 full members.' },
    WORK_COVERAGE: { description: 'No 3 full members anywhere near: reach it by Party work (工作覆盖) — an instructor or work-group visits.' },
  },
});

registerEnumType(FormationLevel, {
  name: 'FormationLevel',
  description: 'Where a joint Party organization finds its neighbours, nearest first (联合组建范围).',
  valuesConfig: {
    BUILDING: { description: 'Same building (同一楼宇).' },
    BUSINESS_DISTRICT: { description: 'Same business district or market (同一商圈 / 市场).' },
    PARK: { description: 'Same park (同一园区).' },
    STREET: { description: 'Same street (同一街道).' },
  },
});

@ObjectType('FormationReason', { description: 'Why the planner recommends what it does, in Chinese and English (建议理由).' })
export class FormationReason {
  @Field(() => String, { description: 'In Chinese.' })
  zh: string;

  @Field(() => String, { description: 'In English.' })
  en: string;
}

@ObjectType('FormationProposal', {
  description:
    'One recommendation of the formation planner: a standalone Party organization for one organization, a joint one for a group of neighbours, or work coverage for one organization.',
})
export class FormationProposal {
  @Field(() => FormationRecommendation, { description: 'STANDALONE, JOINT or WORK_COVERAGE.' })
  recommendation: FormationRecommendation;

  @Field(() => PartyOrganizationKind, {
    nullable: true,
    description: 'The kind recommended by the number of full members (BRANCH 3–50, GENERAL_BRANCH 51–99, COMMITTEE from 100); null for WORK_COVERAGE.',
  })
  kind: PartyOrganizationKind | null;

  @Field(() => FormationLevel, {
    nullable: true,
    description: 'JOINT: the broadest level at which its organizations were grouped (BUILDING, BUSINESS_DISTRICT, PARK, STREET); null otherwise.',
  })
  groupedBy: FormationLevel | null;

  @Field(() => Int, { description: 'Full members of its organizations together on `asOf`.' })
  fullMembers: number;

  @Field(() => FormationReason, { description: 'Why (理由), in Chinese and English.' })
  reason: FormationReason;

  organizationIds: readonly number[];
  loaders: Loaders;

  /** Lazily, through the batched by-id loader: every proposal of a response in one statement. */
  @Field(() => [Organization], { description: 'The organizations concerned, by ascending id (one for STANDALONE and WORK_COVERAGE).' })
  get organizations(): Promise<Organization[]> {
    const ids = this.organizationIds;
    return this.loaders.organization.byId.loadMany(ids).then((rows) =>
      rows.map((row, i) => {
        if (row instanceof Error) throw row;
        return required(row, 'Organization', ids[i]!);
      }),
    );
  }
}

@ObjectType('FormationPlan', {
  description:
    'The formation plan of a scope on `asOf` (党组织组建规划): every in-scope organization not organization-covered appears in exactly one proposal. Rules: docs/measures.md, "The formation planner".',
})
export class FormationPlan {
  @Field(() => String, { nullable: true, description: 'The scope asked for (null: the city).' })
  scope: string | null;

  @Field(() => LocalDate, { description: 'The date the plan describes (基准日期).' })
  asOf: string;

  @Field(() => Int, { description: 'Organizations in scope and not organization-covered on `asOf` (未组织覆盖的组织数) = the organizations of all proposals.' })
  uncoveredOrganizations: number;

  @Field(() => Int, { description: 'STANDALONE proposals (= organizations that can set up their own Party organization).' })
  standalone: number;

  @Field(() => Int, { description: 'JOINT proposals (joint Party organizations to set up).' })
  joint: number;

  @Field(() => Int, { description: 'Organizations in JOINT proposals.' })
  jointOrganizations: number;

  @Field(() => Int, { description: 'WORK_COVERAGE proposals (= organizations).' })
  workCoverage: number;

  @Field(() => Int, { description: 'Party organizations the plan would set up: standalone + joint.' })
  partyOrganizationsToSetUp: number;

  @Field(() => [FormationProposal], { description: 'The proposals: STANDALONE, then JOINT, then WORK_COVERAGE, each by smallest organization id.' })
  proposals: FormationProposal[];
}

export function formationPlanOf(scope: string | null, asOf: string, proposals: readonly DomainProposal[], loaders: Loaders): FormationPlan {
  const plan = new FormationPlan();
  plan.scope = scope;
  plan.asOf = asOf;
  plan.proposals = proposals.map((p) => {
    const proposal = new FormationProposal();
    const reason = new FormationReason();
    reason.zh = p.reason.zh;
    reason.en = p.reason.en;
    Object.assign(proposal, {
      recommendation: p.recommendation,
      kind: p.kind,
      groupedBy: p.groupedBy,
      fullMembers: p.fullMembers,
      reason,
      organizationIds: p.organizationIds,
    });
    Object.defineProperty(proposal, 'loaders', { value: loaders, enumerable: false });
    return proposal;
  });
  const count = (r: FormationRecommendation) => proposals.filter((p) => p.recommendation === r).length;
  plan.uncoveredOrganizations = proposals.reduce((n, p) => n + p.organizationIds.length, 0);
  plan.standalone = count(FormationRecommendation.STANDALONE);
  plan.joint = count(FormationRecommendation.JOINT);
  plan.jointOrganizations = proposals.filter((p) => p.recommendation === FormationRecommendation.JOINT).reduce((n, p) => n + p.organizationIds.length, 0);
  plan.workCoverage = count(FormationRecommendation.WORK_COVERAGE);
  plan.partyOrganizationsToSetUp = plan.standalone + plan.joint;
  return plan;
}
