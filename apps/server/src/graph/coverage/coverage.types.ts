import { coverageRates } from '@liangxin/domain';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../connection.js';
import { Organization } from '../organization/organization.entity.js';
import { LocalDate } from '../scalars.js';
import type { CountsRow, CoverageAt } from './coverage.sql.js';
import { plainValues } from '../../execution/lean-resolvers.js';

/**
 * The GraphQL types of the coverage measures (docs/measures.md). Counts come from PostgreSQL;
 * the rates are the domain's `coverageRates` over those counts, so they are 0 for an empty scope.
 */

@ObjectType('CoverageStats', {
  description:
    'Coverage of the two-new organizations of a place on one date (覆盖情况): in-scope organizations split into organization-covered, work-covered and blind spots (they always add up), with rates, and the Party organizations whose role is weak. Definitions: docs/measures.md.',
})
export class CoverageStats {
  @Field(() => Int, {
    description: 'Organizations in scope on `asOf` (在册组织数): registered on or before it and not deregistered on or before it.',
  })
  inScope: number;

  @Field(() => Int, {
    description:
      'In-scope organizations organization-covered on `asOf` (组织覆盖): a coverage edge open that day (since ≤ asOf < until) of a Party organization standing that day (established ≤ asOf < dissolved) — their own, a joint one, or a building / park / business-district one that lists them.',
  })
  organizationCovered: number;

  @Field(() => Int, {
    description:
      'In-scope organizations work-covered on `asOf` (工作覆盖): not organization-covered, but an instructor liaison point holding that day, or a visit on any of their liaison points in the window (asOf − window < visited ≤ asOf).',
  })
  workCovered: number;

  @Field(() => Int, { description: 'In-scope organizations neither organization- nor work-covered (空白点) = inScope − organizationCovered − workCovered.' })
  blindSpots: number;

  @Field(() => Float, { description: 'organizationCovered / inScope, 0 to 1; 0 when inScope is 0 (组织覆盖率).' })
  organizationCoverageRate: number;

  @Field(() => Float, { description: 'workCovered / inScope, 0 to 1; 0 when inScope is 0 (工作覆盖率).' })
  workCoverageRate: number;

  @Field(() => Float, { description: '(organizationCovered + workCovered) / inScope, 0 to 1; 0 when inScope is 0 (总覆盖率).' })
  overallCoverageRate: number;

  @Field(() => Int, {
    description:
      'In-scope organizations not organization-covered that employ 3 or more full Party members on `asOf` (full on or before it, employed there since on or before it): they should form their own Party organization (具备单独组建条件未组建).',
  })
  standaloneEligibleUncovered: number;

  @Field(() => Int, {
    description:
      'Party organizations of the place standing on `asOf` (established on or before it, not dissolved on or before it) with no activity in the window (作用发挥较弱的党组织). A place holds the Party organizations that belong to an area beneath it (areas) or are anchored on it, on a building in it or on an organization in it (containers).',
  })
  weakPartyOrganizations: number;

  @Field(() => LocalDate, { description: 'The date the figures describe (基准日期).' })
  asOf: string;

  @Field(() => Int, { description: 'The window in days for visits and activities (时间窗口, 天), ending on `asOf` inclusive.' })
  window: number;
}

// coverageStats() below fills every field as a plain number or string: read in line (execution/lean-resolvers.ts).
plainValues(CoverageStats);

export function coverageStats(row: CountsRow | undefined, at: CoverageAt): CoverageStats {
  const counts = row ?? {
    inScope: 0,
    organizationCovered: 0,
    workCovered: 0,
    blindSpots: 0,
    standaloneEligibleUncovered: 0,
    weakPartyOrganizations: 0,
  };
  const stats = new CoverageStats();
  return Object.assign(stats, {
    inScope: counts.inScope,
    organizationCovered: counts.organizationCovered,
    workCovered: counts.workCovered,
    blindSpots: counts.blindSpots,
    ...coverageRates(counts),
    standaloneEligibleUncovered: counts.standaloneEligibleUncovered,
    weakPartyOrganizations: counts.weakPartyOrganizations,
    asOf: at.asOf,
    window: at.window,
  });
}

export enum CoverageGroupBy {
  CHILD_AREA = 'CHILD_AREA',
  CONTAINER_TYPE = 'CONTAINER_TYPE',
  CATEGORY = 'CATEGORY',
  INDUSTRY = 'INDUSTRY',
}
registerEnumType(CoverageGroupBy, {
  name: 'CoverageGroupBy',
  description: 'How a coverage breakdown groups its rows (分组方式).',
  valuesConfig: {
    CHILD_AREA: {
      description:
        'By the areas one level below an area scope (下级区划), keyed by division code; plus a row keyed by the scope’s own code for what sits directly in it, when anything does. Needs an area scope.',
    },
    CONTAINER_TYPE: {
      description:
        'By container (载体类型): PARK, BUILDING, BUSINESS_DISTRICT, NONE. An organization in several containers (a building in a park) counts in each of their rows, so those rows may add up to more than the totals; NONE holds those in none.',
    },
    CATEGORY: { description: 'By category (组织类别): NON_PUBLIC_ECONOMIC, SOCIAL.' },
    INDUSTRY: { description: 'By GB/T 4754 industry section (行业门类, A–T); sections with nothing to count are left out.' },
  },
});

@ObjectType('CoverageRow', { description: 'One row of a coverage breakdown (分组覆盖情况).' })
export class CoverageRow {
  @Field(() => String, { description: 'The group: a division code, a container type, a category or an industry letter.' })
  key: string;

  @Field(() => String, { description: 'A readable name of the group (Chinese, with English in brackets for fixed groups).' })
  label: string;

  @Field(() => CoverageStats, { description: 'The figures of the group.' })
  stats: CoverageStats;
}

@ObjectType('CoverageBreakdown', { description: 'Coverage of a scope on one date, in total and by group (覆盖情况分组统计).' })
export class CoverageBreakdown {
  @Field(() => String, { nullable: true, description: 'The scope as given (an area code or a place id); null for the default, the city.' })
  scope: string | null;

  @Field(() => CoverageStats, { description: 'The whole scope; each organization counted once.' })
  totals: CoverageStats;

  @Field(() => CoverageGroupBy, { nullable: true, description: 'The grouping of `rows`; null when none was asked for.' })
  groupBy: CoverageGroupBy | null;

  @Field(() => [CoverageRow], { description: 'One row per group, in key order; empty when no `groupBy` was given.' })
  rows: CoverageRow[];
}

export enum CoverageStatus {
  ORGANIZATION_COVERED = 'ORGANIZATION_COVERED',
  WORK_COVERED = 'WORK_COVERED',
  BLIND_SPOT = 'BLIND_SPOT',
}
registerEnumType(CoverageStatus, {
  name: 'CoverageStatus',
  description: 'Where an in-scope organization stands on a date (覆盖状态): the three classes that add up to `CoverageStats.inScope`.',
  valuesConfig: {
    ORGANIZATION_COVERED: { description: 'Organization-covered (组织覆盖): counted by `CoverageStats.organizationCovered`.' },
    WORK_COVERED: { description: 'Work-covered, not organization-covered (工作覆盖): counted by `CoverageStats.workCovered`.' },
    BLIND_SPOT: { description: 'Neither (空白点): counted by `CoverageStats.blindSpots`, listed with details by `blindSpots`.' },
  },
});

export enum CoverageGap {
  PARTY_ORGANIZATION = 'PARTY_ORGANIZATION',
  INSTRUCTOR = 'INSTRUCTOR',
  RECENT_VISIT = 'RECENT_VISIT',
  WORK_GROUP_CONTACT = 'WORK_GROUP_CONTACT',
  LIAISON_POINT = 'LIAISON_POINT',
}
registerEnumType(CoverageGap, {
  name: 'CoverageGap',
  description: 'What a blind spot lacks on `asOf` (缺少的覆盖手段).',
  valuesConfig: {
    PARTY_ORGANIZATION: { description: 'No Party organization covers it (未被党组织覆盖). Every blind spot lacks this.' },
    INSTRUCTOR: { description: 'No Party-building instructor is assigned (无党建工作指导员). Every blind spot lacks this.' },
    RECENT_VISIT: { description: 'No liaison visit in the window (窗口期内无走访). Every blind spot lacks this.' },
    WORK_GROUP_CONTACT: { description: 'No street work-group member answers for it (无街道工作组成员专包).' },
    LIAISON_POINT: { description: 'No liaison point of any kind holds (无任何联系点).' },
  },
});

@ObjectType('BlindSpot', { description: 'An organization that is a blind spot (空白点) on `asOf`, with what it lacks.' })
export class BlindSpot {
  @Field(() => Organization, { description: 'The organization.' })
  organization: Organization;

  @Field(() => Int, { description: 'Full Party members employed there on `asOf` (正式党员数).' })
  fullMembers: number;

  @Field(() => Boolean, { description: 'fullMembers ≥ 3: it could form its own Party organization (具备单独组建条件).' })
  standaloneEligible: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Its latest liaison visit on or before `asOf` (最近走访日期), outside the window; null if never visited.' })
  lastVisitOn: string | null;

  @Field(() => Boolean, { description: 'A street work-group member answers for it on `asOf` (有工作组专包联系人).' })
  hasWorkGroupContact: boolean;

  @Field(() => Boolean, { description: 'Some liaison point of any kind holds on `asOf` (有联系点).' })
  hasLiaisonPoint: boolean;

  @Field(() => [CoverageGap], { description: 'What it lacks (缺少), most basic first.' })
  lacks: CoverageGap[];
}

export const BlindSpotConnection = connectionType(BlindSpot, 'BlindSpot', 'blind spots (空白点)');
