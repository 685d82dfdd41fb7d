/**
 * The formation planner (组建规划): for the organizations not yet covered by any Party
 * organization, what each should do — set up its own Party organization, join neighbours in a
 * joint one, or, where no 3 full members can be found anywhere near, be reached by Party work
 * (an instructor, work-group visits). Pure and deterministic: the same input (in any order)
 * gives the same plan, and every organization appears in exactly one proposal.
 *
 * The rules (docs/measures.md, "The formation planner"):
 *
 * 1. **STANDALONE** — an organization with 3 or more full members (`canFormStandalone`), kind
 *    `recommendedKind(fullMembers)`. It takes no part in grouping.
 * 2. **JOINT** — the others (the *pool*) are grouped level by level: BUILDING, then
 *    BUSINESS_DISTRICT, then PARK, then STREET. At each level, for each place (ascending id) the
 *    pool organizations located there are walked in ascending id order and added to an open
 *    group; the group closes as soon as it holds 3 or more full members, and the next one opens.
 *    An organization with no place at this level (no building, …) waits for the next level.
 * 3. **Leftovers** — what remains open at a place after the walk (fewer than 3 together) joins an
 *    existing joint group that has an organization at the same place — one closed there at this
 *    level, or one formed at an earlier level: the one with the fewest full members, ties broken
 *    by its smallest organization id. The group's `groupedBy` becomes this level. If there is no
 *    such group, the leftovers go back to the pool and fall through to the next level.
 * 4. **WORK_COVERAGE** — leftovers at STREET level with no joint group in their street: the
 *    uncovered organizations of that street without 3 full members of their own have fewer than
 *    3 together, so no Party organization can be set up; one proposal per organization.
 *
 * Proposals come STANDALONE first, then JOINT, then WORK_COVERAGE, each by smallest
 * organization id; the ids inside a proposal ascend.
 */

import { PartyOrganizationKind } from './enums.js';
import { FULL_MEMBERS_FOR_ORGANIZATION, canFormStandalone, recommendedKind } from './party-rules.js';
import type { LocalizedMessage } from './types.js';

export const FormationRecommendation = {
  /** 单独组建: 3 or more full members of its own. */
  STANDALONE: 'STANDALONE',
  /** 联合组建: with uncovered neighbours until 3 full members. */
  JOINT: 'JOINT',
  /** 工作覆盖: no 3 full members anywhere near; an instructor or work-group visits. */
  WORK_COVERAGE: 'WORK_COVERAGE',
} as const;
export type FormationRecommendation = (typeof FormationRecommendation)[keyof typeof FormationRecommendation];

/** Where neighbours are looked for, nearest first. */
export const FormationLevel = {
  BUILDING: 'BUILDING',
  BUSINESS_DISTRICT: 'BUSINESS_DISTRICT',
  PARK: 'PARK',
  STREET: 'STREET',
} as const;
export type FormationLevel = (typeof FormationLevel)[keyof typeof FormationLevel];

export const FORMATION_LEVEL_ORDER: readonly FormationLevel[] = [
  FormationLevel.BUILDING,
  FormationLevel.BUSINESS_DISTRICT,
  FormationLevel.PARK,
  FormationLevel.STREET,
];

/** An organization not covered by any Party organization, with its full members and places. */
export interface PlannerOrganization {
  readonly id: number;
  readonly fullMembers: number;
  readonly buildingId: number | null;
  readonly businessDistrictId: number | null;
  readonly parkId: number | null;
  readonly streetId: number;
}

export interface FormationProposal {
  readonly recommendation: FormationRecommendation;
  /** The recommended kind by full members (STANDALONE, JOINT); null for WORK_COVERAGE. */
  readonly kind: PartyOrganizationKind | null;
  /** JOINT: the broadest level its organizations were grouped at; null otherwise. */
  readonly groupedBy: FormationLevel | null;
  /** Ascending. */
  readonly organizationIds: readonly number[];
  /** Full members of all its organizations together. */
  readonly fullMembers: number;
  readonly reason: LocalizedMessage;
}

const LEVEL_ZH: Readonly<Record<FormationLevel, string>> = {
  BUILDING: '楼宇',
  BUSINESS_DISTRICT: '商圈（市场）',
  PARK: '园区',
  STREET: '街道',
};
const LEVEL_EN: Readonly<Record<FormationLevel, string>> = {
  BUILDING: 'building',
  BUSINESS_DISTRICT: 'business district (market)',
  PARK: 'park',
  STREET: 'street',
};
const KIND_ZH: Readonly<Record<PartyOrganizationKind, string>> = {
  COMMITTEE: '党委',
  GENERAL_BRANCH: '党总支',
  BRANCH: '党支部',
};
const KIND_EN: Readonly<Record<PartyOrganizationKind, string>> = {
  COMMITTEE: 'a committee',
  GENERAL_BRANCH: 'a general branch',
  BRANCH: 'a branch',
};

function placeOf(o: PlannerOrganization, level: FormationLevel): number | null {
  switch (level) {
    case 'BUILDING':
      return o.buildingId;
    case 'BUSINESS_DISTRICT':
      return o.businessDistrictId;
    case 'PARK':
      return o.parkId;
    case 'STREET':
      return o.streetId;
  }
}

interface Group {
  members: PlannerOrganization[];
  total: number;
  formedAt: FormationLevel;
  groupedBy: FormationLevel;
}

const sum = (orgs: readonly PlannerOrganization[]) => orgs.reduce((n, o) => n + o.fullMembers, 0);
const minId = (orgs: readonly PlannerOrganization[]) => orgs.reduce((m, o) => Math.min(m, o.id), Number.POSITIVE_INFINITY);

function check(organizations: readonly PlannerOrganization[]): void {
  const seen = new Set<number>();
  for (const o of organizations) {
    if (!Number.isInteger(o.id)) throw new RangeError(`organization id must be an integer, got ${o.id}`);
    if (seen.has(o.id)) throw new RangeError(`organization ${o.id} appears twice`);
    seen.add(o.id);
    canFormStandalone(o.fullMembers); // throws on a negative or fractional count
  }
}

/** The plan for `organizations` (the uncovered ones of a scope). See the module comment for the rules. */
export function planFormation(organizations: readonly PlannerOrganization[]): FormationProposal[] {
  check(organizations);
  const sorted = [...organizations].sort((a, b) => a.id - b.id);
  const standalone: FormationProposal[] = [];
  let pool: PlannerOrganization[] = [];
  for (const o of sorted) {
    if (canFormStandalone(o.fullMembers)) {
      const kind = recommendedKind(o.fullMembers) as PartyOrganizationKind;
      standalone.push({
        recommendation: FormationRecommendation.STANDALONE,
        kind,
        groupedBy: null,
        organizationIds: [o.id],
        fullMembers: o.fullMembers,
        reason: {
          zh: `有正式党员${o.fullMembers}名（3名以上），具备单独组建条件，建议单独成立${KIND_ZH[kind]}`,
          en: `Has ${o.fullMembers} full members (3 or more): it can set up its own Party organization; recommended: ${KIND_EN[kind]}.`,
        },
      });
    } else {
      pool.push(o);
    }
  }

  const groups: Group[] = [];
  const workCoverage: PlannerOrganization[] = [];
  for (const level of FORMATION_LEVEL_ORDER) {
    const byPlace = new Map<number, PlannerOrganization[]>();
    const waiting: PlannerOrganization[] = [];
    for (const o of pool) {
      const place = placeOf(o, level);
      if (place == null) {
        waiting.push(o);
        continue;
      }
      const list = byPlace.get(place);
      if (list) list.push(o);
      else byPlace.set(place, [o]);
    }
    const next: PlannerOrganization[] = [...waiting];
    for (const place of [...byPlace.keys()].sort((a, b) => a - b)) {
      let open: PlannerOrganization[] = [];
      for (const o of byPlace.get(place)!) {
        open.push(o);
        if (sum(open) >= FULL_MEMBERS_FOR_ORGANIZATION) {
          groups.push({ members: open, total: sum(open), formedAt: level, groupedBy: level });
          open = [];
        }
      }
      if (open.length === 0) continue;
      // Leftovers: join the smallest joint group with an organization at this place, if any.
      const candidates = groups.filter((g) => g.members.some((m) => placeOf(m, level) === place));
      if (candidates.length > 0) {
        candidates.sort((a, b) => a.total - b.total || minId(a.members) - minId(b.members));
        const target = candidates[0]!;
        target.members.push(...open);
        target.total += sum(open);
        target.groupedBy = level;
      } else if (level === FormationLevel.STREET) {
        workCoverage.push(...open);
      } else {
        next.push(...open);
      }
    }
    pool = next.sort((a, b) => a.id - b.id);
  }
  // Every organization has a street, so the pool is empty after STREET.

  const joint = groups
    .map((g): FormationProposal => {
      const ids = g.members.map((m) => m.id).sort((a, b) => a - b);
      const kind = recommendedKind(g.total) as PartyOrganizationKind;
      const extended = g.groupedBy !== g.formedAt;
      return {
        recommendation: FormationRecommendation.JOINT,
        kind,
        groupedBy: g.groupedBy,
        organizationIds: ids,
        fullMembers: g.total,
        reason: {
          zh:
            `${ids.length}个未覆盖单位各自正式党员不足3名，` +
            (extended
              ? `先在同一${LEVEL_ZH[g.formedAt]}内组合，再并入同一${LEVEL_ZH[g.groupedBy]}的单位，`
              : `同在一个${LEVEL_ZH[g.groupedBy]}，`) +
            `合计正式党员${g.total}名，建议联合组建${KIND_ZH[kind]}`,
          en:
            `${ids.length} uncovered organizations, none with 3 full members of its own, ` +
            (extended
              ? `grouped in one ${LEVEL_EN[g.formedAt]} and then joined by neighbours in the same ${LEVEL_EN[g.groupedBy]}, `
              : `in the same ${LEVEL_EN[g.groupedBy]}, `) +
            `have ${g.total} full members together: set up ${KIND_EN[kind]} jointly.`,
        },
      };
    })
    .sort((a, b) => a.organizationIds[0]! - b.organizationIds[0]!);

  const streetTotals = new Map<number, number>();
  for (const o of workCoverage) streetTotals.set(o.streetId, (streetTotals.get(o.streetId) ?? 0) + o.fullMembers);
  const work = workCoverage
    .sort((a, b) => a.id - b.id)
    .map((o): FormationProposal => {
      const near = streetTotals.get(o.streetId)!;
      return {
        recommendation: FormationRecommendation.WORK_COVERAGE,
        kind: null,
        groupedBy: null,
        organizationIds: [o.id],
        fullMembers: o.fullMembers,
        reason: {
          zh: `正式党员${o.fullMembers}名；所在街道内尚无党员达3名的未覆盖单位合计仅有正式党员${near}名，不足3名，无法组建党组织，建议选派党建工作指导员或由街道工作组定期走访，实现工作覆盖`,
          en: `Has ${o.fullMembers} full members; the uncovered organizations of its street without 3 of their own have only ${near} together, fewer than 3, so no Party organization can be set up: assign an instructor or have the street work group visit it (work coverage).`,
        },
      };
    });

  return [...standalone, ...joint, ...work];
}
