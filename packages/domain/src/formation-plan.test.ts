import { describe, expect, it } from 'vitest';
import { FormationLevel, FormationRecommendation, planFormation, type PlannerOrganization } from './formation-plan.js';

/** An uncovered organization in street 100 unless told otherwise, in no container. */
function org(id: number, fullMembers: number, places: Partial<Omit<PlannerOrganization, 'id' | 'fullMembers'>> = {}): PlannerOrganization {
  return { id, fullMembers, buildingId: null, businessDistrictId: null, parkId: null, streetId: 100, ...places };
}

/** The plan without reasons: [recommendation, kind, groupedBy, ids, fullMembers]. */
function shape(orgs: PlannerOrganization[]) {
  return planFormation(orgs).map((p) => [p.recommendation, p.kind, p.groupedBy, p.organizationIds, p.fullMembers]);
}

describe('planFormation on hand-made cases', () => {
  it('STANDALONE from 3 full members, with the kind by size', () => {
    // 3 → branch; 60 → general branch (51–99); 120 → committee (100+); 2 alone → work coverage.
    expect(shape([org(4, 120), org(1, 3), org(2, 60), org(3, 2)])).toEqual([
      ['STANDALONE', 'BRANCH', null, [1], 3],
      ['STANDALONE', 'GENERAL_BRANCH', null, [2], 60],
      ['STANDALONE', 'COMMITTEE', null, [4], 120],
      ['WORK_COVERAGE', null, null, [3], 2],
    ]);
  });

  it('exactly 3 across two organizations in one building: one joint branch at BUILDING level', () => {
    // 1 + 2 = 3: the group closes on the second organization.
    const plan = planFormation([org(2, 2, { buildingId: 10 }), org(1, 1, { buildingId: 10 })]);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      recommendation: FormationRecommendation.JOINT,
      kind: 'BRANCH',
      groupedBy: FormationLevel.BUILDING,
      organizationIds: [1, 2],
      fullMembers: 3,
    });
    expect(plan[0]!.reason.zh).toBe('2个未覆盖单位各自正式党员不足3名，同在一个楼宇，合计正式党员3名，建议联合组建党支部');
    expect(plan[0]!.reason.en).toBe(
      '2 uncovered organizations, none with 3 full members of its own, in the same building, have 3 full members together: set up a branch jointly.',
    );
  });

  it('2 in a building + 1 elsewhere in the same street: a STREET-level group', () => {
    // Building 10 holds only org 1 (2 members): it cannot close there, has no group to join, and falls
    // through; no business district, no park; in street 100 it meets org 2 (1 member): 2 + 1 = 3.
    expect(shape([org(1, 2, { buildingId: 10 }), org(2, 1)])).toEqual([['JOINT', 'BRANCH', 'STREET', [1, 2], 3]]);
  });

  it('a lone organization with 0 members gets WORK_COVERAGE', () => {
    const plan = planFormation([org(7, 0, { buildingId: 10, parkId: 3 })]);
    expect(plan).toEqual([
      {
        recommendation: 'WORK_COVERAGE',
        kind: null,
        groupedBy: null,
        organizationIds: [7],
        fullMembers: 0,
        reason: {
          zh: '正式党员0名；所在街道内尚无党员达3名的未覆盖单位合计仅有正式党员0名，不足3名，无法组建党组织，建议选派党建工作指导员或由街道工作组定期走访，实现工作覆盖',
          en: 'Has 0 full members; the uncovered organizations of its street without 3 of their own have only 0 together, fewer than 3, so no Party organization can be set up: assign an instructor or have the street work group visit it (work coverage).',
        },
      },
    ]);
  });

  it('closes a group at 3 and opens the next, in id order', () => {
    // Building 10: 1+1+1 = 3 closes [1,2,3]; 2+1 = 3 closes [4,5].
    expect(shape([1, 1, 1, 2, 1].map((n, i) => org(i + 1, n, { buildingId: 10 })))).toEqual([
      ['JOINT', 'BRANCH', 'BUILDING', [1, 2, 3], 3],
      ['JOINT', 'BRANCH', 'BUILDING', [4, 5], 3],
    ]);
  });

  it('leftovers at a place join the group closed there (same level)', () => {
    // Building 10: [1,2] closes at 2+1 = 3; org 3 (1) is left over and joins it: 4 members, still BUILDING.
    // Org 4 (0 members) in the same building also joins — a joint branch may cover a unit without members.
    expect(shape([org(1, 2, { buildingId: 10 }), org(2, 1, { buildingId: 10 }), org(3, 1, { buildingId: 10 }), org(4, 0, { buildingId: 10 })])).toEqual([
      ['JOINT', 'BRANCH', 'BUILDING', [1, 2, 3, 4], 4],
    ]);
  });

  it('leftovers at a later level join an earlier group sharing that place; groupedBy becomes that level', () => {
    // Building 10: 1 (2, also in business district 20) + 2 (1) = 3 → group G at BUILDING.
    // Building 11: org 3 (1, business district 20) alone → falls through. Business district 20: pool [3],
    // 1 < 3, leftover; G has org 1 in district 20 → 3 joins G, which is now grouped by BUSINESS_DISTRICT.
    const plan = planFormation([
      org(1, 2, { buildingId: 10, businessDistrictId: 20 }),
      org(2, 1, { buildingId: 10 }),
      org(3, 1, { buildingId: 11, businessDistrictId: 20 }),
    ]);
    expect(plan.map((p) => [p.groupedBy, p.organizationIds, p.fullMembers])).toEqual([['BUSINESS_DISTRICT', [1, 2, 3], 4]]);
    expect(plan[0]!.reason.zh).toBe('3个未覆盖单位各自正式党员不足3名，先在同一楼宇内组合，再并入同一商圈（市场）的单位，合计正式党员4名，建议联合组建党支部');
  });

  it('falls through building → park → street, each place grouping what reached it', () => {
    // Buildings 10 and 11 hold one org each (1 member): no group, fall through. Park 30: [1,2,3] = 3 → PARK.
    // Street 100: orgs 4 (2) and 5 (1), in no container, meet only there: 3 → STREET.
    expect(
      shape([
        org(1, 1, { buildingId: 10, parkId: 30 }),
        org(2, 1, { buildingId: 11, parkId: 30 }),
        org(3, 1, { parkId: 30 }),
        org(4, 2),
        org(5, 1),
      ]),
    ).toEqual([
      ['JOINT', 'BRANCH', 'PARK', [1, 2, 3], 3],
      ['JOINT', 'BRANCH', 'STREET', [4, 5], 3],
    ]);
  });

  it('a leftover joins the smallest candidate group, ties by smallest id', () => {
    // G1 = [1,2] in building 10 (3), G2 = [3,4] in building 11 (4). Org 5 (1) meets them only in street 100:
    // alone it cannot close, so it joins the smaller, G1 → [1,2,5] (4) grouped by STREET; G2 unchanged.
    expect(
      shape([
        org(1, 2, { buildingId: 10 }),
        org(2, 1, { buildingId: 10 }),
        org(3, 2, { buildingId: 11 }),
        org(4, 2, { buildingId: 11 }),
        org(5, 1),
      ]),
    ).toEqual([
      ['JOINT', 'BRANCH', 'STREET', [1, 2, 5], 4],
      ['JOINT', 'BRANCH', 'BUILDING', [3, 4], 4],
    ]);
    // Equal sizes: G1 = [1,2] (3), G2 = [3,4] (3) → the one with the smaller id, G1.
    expect(shape([org(1, 2, { buildingId: 10 }), org(2, 1, { buildingId: 10 }), org(3, 2, { buildingId: 11 }), org(4, 1, { buildingId: 11 }), org(5, 0)])[0]).toEqual([
      'JOINT',
      'BRANCH',
      'STREET',
      [1, 2, 5],
      3,
    ]);
  });

  it('WORK_COVERAGE when a whole street has fewer than 3 together; other streets do not help', () => {
    // Street 100: 1 + 1 = 2 < 3, no group there → both work coverage, one proposal each.
    // Street 200: 2 + 1 = 3 → a street group; it is not a neighbour of street 100, and standalone org 9
    // in street 100 is not joined (it sets up its own).
    expect(shape([org(1, 1), org(2, 1), org(3, 2, { streetId: 200 }), org(4, 1, { streetId: 200 }), org(9, 5)])).toEqual([
      ['STANDALONE', 'BRANCH', null, [9], 5],
      ['JOINT', 'BRANCH', 'STREET', [3, 4], 3],
      ['WORK_COVERAGE', null, null, [1], 1],
      ['WORK_COVERAGE', null, null, [2], 1],
    ]);
    expect(planFormation([org(1, 1), org(2, 1)])[0]!.reason.en).toContain('have only 2 together');
  });

  it('an empty input gives an empty plan; bad input is refused', () => {
    expect(planFormation([])).toEqual([]);
    expect(() => planFormation([org(1, 1), org(1, 2)])).toThrow(RangeError);
    expect(() => planFormation([org(1, -1)])).toThrow(RangeError);
    expect(() => planFormation([org(1, 1.5)])).toThrow(RangeError);
  });
});

describe('planFormation invariants', () => {
  /** A deterministic pseudo-random generator (mulberry32). */
  function random(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function sample(seed: number, n: number): PlannerOrganization[] {
    const r = random(seed);
    const pick = (k: number) => (r() < 0.5 ? null : 1 + Math.floor(r() * k));
    return Array.from({ length: n }, (_, i) => ({
      id: 1000 - i * 7,
      fullMembers: r() < 0.15 ? 3 + Math.floor(r() * 120) : Math.floor(r() * 3),
      buildingId: pick(6),
      businessDistrictId: pick(3),
      parkId: pick(2),
      streetId: 1 + Math.floor(r() * 4),
    }));
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: each organization exactly once, groups reach 3, and the plan is deterministic', (seed) => {
    const orgs = sample(seed, 60);
    const plan = planFormation(orgs);
    const ids = plan.flatMap((p) => p.organizationIds).sort((a, b) => a - b);
    expect(ids).toEqual(orgs.map((o) => o.id).sort((a, b) => a - b));
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const p of plan) {
      expect(p.fullMembers).toBe(p.organizationIds.reduce((n, id) => n + byId.get(id)!.fullMembers, 0));
      expect([...p.organizationIds]).toEqual([...p.organizationIds].sort((a, b) => a - b));
      if (p.recommendation === 'WORK_COVERAGE') {
        expect(p.fullMembers).toBeLessThan(3);
        // No joint group in its street.
        const street = byId.get(p.organizationIds[0]!)!.streetId;
        const jointInStreet = plan.some((q) => q.recommendation === 'JOINT' && q.organizationIds.some((id) => byId.get(id)!.streetId === street));
        expect(jointInStreet).toBe(false);
      } else {
        expect(p.fullMembers).toBeGreaterThanOrEqual(3);
        expect(p.kind).not.toBeNull();
      }
      if (p.recommendation === 'STANDALONE') expect(p.organizationIds).toHaveLength(1);
      if (p.recommendation === 'JOINT') expect(p.organizationIds.every((id) => byId.get(id)!.fullMembers < 3)).toBe(true);
    }
    // Same plan for the input in another order.
    const shuffled = [...orgs].sort((a, b) => (a.id * 7919) % 101 - (b.id * 7919) % 101);
    expect(planFormation(shuffled)).toEqual(plan);
    expect(planFormation(orgs)).toEqual(plan);
  });
});
