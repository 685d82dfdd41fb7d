/**
 * The fixed frame of the data set: Jinan, its 12 real districts and counties, 112 fictitious
 * streets and towns with their communities, and the "two new" working committees with their
 * member units. It depends on the seed (names) and on asOf (dates) but never on the scale, so a
 * quick small data set and the full one share the same map.
 */

import { Rng, hashString } from './random.js';
import { placeWord } from './words.js';

export interface DistrictSpec {
  code: string;
  name: string;
  urban: boolean;
  /** Streets (街道) and towns (镇); 112 in all. */
  streets: number;
  towns: number;
  /** Share of the city's organizations. */
  organizationShare: number;
  /** Added to the share of organizations covered by a Party organization (rural counties lag). */
  coverageOffset: number;
}

/** Jinan's districts and counties with their real division codes (shared/DOMAIN.md). */
export const DISTRICTS: readonly DistrictSpec[] = [
  { code: '370102', name: '历下区', urban: true, streets: 13, towns: 0, organizationShare: 0.16, coverageOffset: 0.04 },
  { code: '370103', name: '市中区', urban: true, streets: 13, towns: 0, organizationShare: 0.12, coverageOffset: 0.02 },
  { code: '370104', name: '槐荫区', urban: true, streets: 12, towns: 0, organizationShare: 0.1, coverageOffset: 0 },
  { code: '370105', name: '天桥区', urban: true, streets: 12, towns: 0, organizationShare: 0.1, coverageOffset: 0 },
  { code: '370112', name: '历城区', urban: true, streets: 12, towns: 2, organizationShare: 0.18, coverageOffset: 0.01 },
  { code: '370113', name: '长清区', urban: false, streets: 4, towns: 4, organizationShare: 0.05, coverageOffset: -0.03 },
  { code: '370114', name: '章丘区', urban: false, streets: 5, towns: 5, organizationShare: 0.08, coverageOffset: -0.02 },
  { code: '370115', name: '济阳区', urban: false, streets: 3, towns: 3, organizationShare: 0.04, coverageOffset: -0.04 },
  { code: '370116', name: '莱芜区', urban: false, streets: 5, towns: 4, organizationShare: 0.08, coverageOffset: -0.02 },
  { code: '370117', name: '钢城区', urban: false, streets: 3, towns: 1, organizationShare: 0.03, coverageOffset: -0.03 },
  { code: '370124', name: '平阴县', urban: false, streets: 2, towns: 3, organizationShare: 0.03, coverageOffset: -0.05 },
  { code: '370126', name: '商河县', urban: false, streets: 1, towns: 5, organizationShare: 0.03, coverageOffset: -0.06 },
];

export const CITY_ID = 1;
export const CITY_CODE = '370100';
export const CITY_NAME = '济南市';

export interface District {
  index: number;
  id: number;
  code: string;
  name: string;
  spec: DistrictSpec;
  /** Indexes into Geography.streets. */
  streets: number[];
  committeeId: number;
}

export interface Street {
  index: number;
  id: number;
  code: string;
  name: string;
  district: number;
  town: boolean;
  /** Area ids of its communities. */
  communities: number[];
  /** Relative weight of organizations registered in it. */
  weight: number;
}

export interface Community {
  id: number;
  code: string;
  name: string;
  street: number;
}

export const MEMBER_UNIT_DOMAINS = [
  'PROPAGANDA',
  'UNITED_FRONT',
  'EDUCATION',
  'JUSTICE',
  'CIVIL_AFFAIRS',
  'INDUSTRY_AND_COMMERCE',
  'MARKET_REGULATION',
  'HEALTH',
  'HUMAN_RESOURCES',
] as const;
export type UnitDomain = (typeof MEMBER_UNIT_DOMAINS)[number] | 'OTHER';

const CITY_UNIT_NAMES: Record<(typeof MEMBER_UNIT_DOMAINS)[number], string> = {
  PROPAGANDA: '市委宣传部',
  UNITED_FRONT: '市委统战部',
  EDUCATION: '市教育局',
  JUSTICE: '市司法局',
  CIVIL_AFFAIRS: '市民政局',
  INDUSTRY_AND_COMMERCE: '市工商联',
  MARKET_REGULATION: '市市场监管局',
  HEALTH: '市卫生健康委员会',
  HUMAN_RESOURCES: '市人力资源社会保障局',
};

function districtUnitName(district: string, domain: (typeof MEMBER_UNIT_DOMAINS)[number]): string {
  switch (domain) {
    case 'PROPAGANDA':
      return `${district}委宣传部`;
    case 'UNITED_FRONT':
      return `${district}委统战部`;
    case 'EDUCATION':
      return `${district}教育和体育局`;
    case 'JUSTICE':
      return `${district}司法局`;
    case 'CIVIL_AFFAIRS':
      return `${district}民政局`;
    case 'INDUSTRY_AND_COMMERCE':
      return `${district}工商联`;
    case 'MARKET_REGULATION':
      return `${district}市场监督管理局`;
    case 'HEALTH':
      return `${district}卫生健康局`;
    default:
      return `${district}人力资源和社会保障局`;
  }
}

export interface Committee {
  id: number;
  name: string;
  level: 'CITY' | 'DISTRICT';
  areaId: number;
  /** -1 for the city. */
  district: number;
  establishedOn: number;
  /** member_unit id per domain, 0 where the committee has no such unit. */
  units: Partial<Record<UnitDomain, number>>;
  unitIds: number[];
}

export interface MemberUnit {
  id: number;
  committeeId: number;
  name: string;
  domain: UnitDomain;
  joinedOn: number;
}

export interface Geography {
  districts: District[];
  streets: Street[];
  communities: Community[];
  committees: Committee[];
  memberUnits: MemberUnit[];
  /** Cumulative street weights, for drawing an organization's street. */
  streetCumulative: Float64Array;
}

export function buildGeography(seed: number, asOf: number): Geography {
  const rng = new Rng(seed, hashString('geography'));
  const usedWords = new Set<string>();
  const districts: District[] = [];
  const streets: Street[] = [];
  const communities: Community[] = [];
  let nextAreaId = 2 + DISTRICTS.length;

  DISTRICTS.forEach((spec, index) => {
    districts.push({ index, id: 2 + index, code: spec.code, name: spec.name, spec, streets: [], committeeId: 2 + index });
  });
  // Streets first, then communities, so street ids are the contiguous 14..125.
  for (const d of districts) {
    const n = d.spec.streets + d.spec.towns;
    for (let k = 0; k < n; k++) {
      const town = k >= d.spec.streets;
      const serial = town ? 100 + (k - d.spec.streets) : 1 + k;
      const street: Street = {
        index: streets.length,
        id: nextAreaId++,
        code: d.code + String(serial).padStart(3, '0'),
        name: placeWord(rng, usedWords) + (town ? '镇' : '街道'),
        district: d.index,
        town,
        communities: [],
        // Towns hold fewer two-new organizations than urban streets of the same district.
        weight: (d.spec.organizationShare / n) * (town ? 0.55 : 1.15) * (0.6 + 0.8 * rng.float()),
      };
      d.streets.push(street.index);
      streets.push(street);
    }
  }
  const communityWords = new Set<string>();
  for (const s of streets) {
    const n = rng.int(4, 8);
    for (let k = 1; k <= n; k++) {
      const c: Community = {
        id: nextAreaId++,
        code: s.code + String(k).padStart(3, '0'),
        name: placeWord(rng, communityWords) + '社区',
        street: s.index,
      };
      s.communities.push(c.id);
      communities.push(c);
    }
  }

  const committees: Committee[] = [];
  const memberUnits: MemberUnit[] = [];
  const city: Committee = {
    id: 1,
    name: '中共济南市委两新组织工作委员会',
    level: 'CITY',
    areaId: CITY_ID,
    district: -1,
    establishedOn: asOf - rng.int(2400, 2900),
    units: {},
    unitIds: [],
  };
  committees.push(city);
  for (const d of districts) {
    committees.push({
      id: d.committeeId,
      name: `中共${d.name}委两新组织工作委员会`,
      level: 'DISTRICT',
      areaId: d.id,
      district: d.index,
      establishedOn: asOf - rng.int(1900, 2600),
      units: {},
      unitIds: [],
    });
  }
  for (const c of committees) {
    const domains = MEMBER_UNIT_DOMAINS.filter(
      (dom) => dom !== 'HUMAN_RESOURCES' || c.level === 'CITY' || districts[c.district].spec.urban,
    );
    for (const domain of domains) {
      const unit: MemberUnit = {
        id: memberUnits.length + 1,
        committeeId: c.id,
        name: c.level === 'CITY' ? CITY_UNIT_NAMES[domain] : districtUnitName(districts[c.district].name, domain),
        domain,
        joinedOn: Math.min(asOf - 30, c.establishedOn + rng.int(0, 240)),
      };
      memberUnits.push(unit);
      c.units[domain] = unit.id;
      c.unitIds.push(unit.id);
    }
  }

  const weights = streets.map((s) => s.weight);
  const cum = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (cum[i] = sum += w));
  return { districts, streets, communities, committees, memberUnits, streetCumulative: cum };
}
