/**
 * The in-memory model of the data set: every decision that another table depends on (where an
 * organization sits, its coverage class, its members, which Party organization covers it, who
 * visits it) is taken here, once. The COPY writers in tables.ts only format it and derive
 * leaf detail (names, phones, visits, activities) from per-row seeded generators.
 *
 * Per-organization and per-member facts live in typed arrays: at scale 20 there are 1.2
 * million organizations and about 900,000 members, and objects for them would cost gigabytes.
 * Party organizations (tens of thousands) are plain objects.
 *
 * Dates are day numbers (days since 1970-01-01); 0 means "none".
 */

import { recommendedKind } from '@liangxin/domain';
import { CALIBRATION as CAL } from './calibration.js';
import { civilToDay, dayToCivil } from './days.js';
import { buildGeography, CITY_ID, type Geography, type UnitDomain } from './geography.js';
import { Rng, cumulative, hashString, sampleIndices } from './random.js';
import {
  COOPERATIVE,
  ENTERPRISE,
  FOUNDATION,
  INDIVIDUAL,
  INDUSTRY_LABEL,
  SOCIAL_AGENCY,
  SOCIAL_GROUP,
  AGENCY_INDUSTRY,
  SOCIAL_GROUP_INDUSTRY,
  buildingName,
  businessDistrictName,
  organizationName,
  parkName,
  roadAddress,
} from './words.js';

/** Coverage class of an organization on asOf, decided first and then built to. */
export const COVERED = 0;
export const WORK_COVERED = 1;
export const BLIND_SPOT = 2;
export const GONE = 3;

export const APPLICANT = 0;
export const ACTIVIST = 1;
export const CANDIDATE = 2;
export const PROBATIONARY = 3;
export const FULL = 4;
export const STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const;

/** relation_holder codes; ledger codes reuse 1–3. */
export const HOLDER_PARTY = 0;
export const HOLDER_AGENCY = 1;
export const HOLDER_TALENT = 2;
export const HOLDER_COMMUNITY = 3;
export const HOLDER_NONE = 4;
export const HOLDERS = ['PARTY_ORGANIZATION', 'PERSONNEL_AGENCY', 'TALENT_CENTER', 'COMMUNITY', 'NONE'] as const;

export const LIAISON_DIRECT = 0;
export const LIAISON_MEMBER_UNIT = 1;
export const LIAISON_WORK_GROUP = 2;
export const LIAISON_INSTRUCTOR = 3;
export const LIAISON_KINDS = ['DIRECT', 'MEMBER_UNIT', 'WORK_GROUP', 'INSTRUCTOR'] as const;

// Stream salts: each kind of decision draws from its own sequence.
const S = {
  containers: hashString('containers'),
  org: hashString('organization'),
  orgName: hashString('organization.name'),
  members: hashString('members'),
  developing: hashString('developing'),
  party: hashString('party'),
  memberDates: hashString('member.dates'),
  selection: hashString('selection'),
  workGroup: hashString('work-group'),
  instructors: hashString('instructors'),
  liaison: hashString('liaison'),
} as const;

export interface Park {
  id: number;
  name: string;
  level: 'NATIONAL' | 'PROVINCIAL' | 'MUNICIPAL';
  district: number;
  /** Street indexes the park spans. */
  streets: number[];
  establishedOn: number;
  weight: number;
  wantsPo: boolean;
  po: number;
}

export interface Building {
  id: number;
  name: string;
  street: number;
  parkId: number;
  address: string;
  floors: number;
  taxFen: number;
  openedOn: number;
  wantsPo: boolean;
  po: number;
}

export interface BusinessDistrict {
  id: number;
  name: string;
  market: boolean;
  street: number;
  openedOn: number;
  wantsPo: boolean;
  po: number;
}

export type PoRole =
  | 'DISTRICT_NPE'
  | 'DISTRICT_SOCIAL'
  | 'STREET'
  | 'PARK'
  | 'BUILDING'
  | 'BUSINESS_DISTRICT'
  | 'PREDECESSOR'
  | 'JOINT'
  | 'STANDALONE'
  | 'DISSOLVED_STANDALONE';

export interface PartyOrg {
  id: number;
  role: PoRole;
  name: string;
  kind: 'COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH';
  formation: 'STANDALONE' | 'JOINT';
  anchor: 'ORGANIZATION' | 'PARK' | 'BUILDING' | 'BUSINESS_DISTRICT' | 'STREET' | 'INDUSTRY' | 'AREA';
  areaId: number;
  district: number;
  /** Street index, -1 for district-level ones. */
  street: number;
  /** Organization index (the own one, or a joint one's lead), -1 when none. */
  organization: number;
  parkId: number;
  buildingId: number;
  businessDistrictId: number;
  /** Industry index for an INDUSTRY anchor, -1 otherwise. */
  industry: number;
  parentId: number;
  established: number;
  dissolved: number;
  secretary: number;
  /** Members whose relation it holds. */
  members: number;
  social: boolean;
  weak: boolean;
  /** Organization indexes a joint one groups. */
  grouped: number[];
  /** Member ids whose relation must sit here (three full members, so it can exist). */
  anchorsMembers: number[];
  /** The name still lacks its kind (党委 / 党总支 / 党支部), added once the size is known. */
  suffixed: boolean;
}

export interface Organizations {
  n: number;
  subtype: Uint8Array;
  industry: Uint8Array;
  variant: Uint8Array;
  employees: Int32Array;
  registered: Int32Array;
  deregistered: Int32Array;
  street: Uint8Array;
  parkId: Int32Array;
  buildingId: Int32Array;
  businessDistrictId: Int32Array;
  cls: Uint8Array;
  key: Uint8Array;
  supervisor: Int32Array;
  partyMembers: Int32Array;
  fullMembers: Int32Array;
  developing: Int32Array;
  ownPo: Int32Array;
  jointPo: Int32Array;
  containerPo: Int32Array;
  formerPo: Int32Array;
  /** An instructor is assigned now. */
  instructor: Uint8Array;
}

export interface Members {
  n: number;
  organization: Int32Array;
  stage: Uint8Array;
  holder: Uint8Array;
  partyOrganization: Int32Array;
  ledger: Uint8Array;
  ledgerArea: Int32Array;
  ledgerSince: Int32Array;
  transferred: Int32Array;
  applied: Int32Array;
  activist: Int32Array;
  candidate: Int32Array;
  probationary: Int32Array;
  full: Int32Array;
  employed: Int32Array;
  birth: Int32Array;
  revealed: Int32Array;
  male: Uint8Array;
}

export interface WorkGroupMember {
  id: number;
  street: number;
  joinedOn: number;
  leftOn: number;
}

export interface Instructor {
  id: number;
  poolAreaId: number;
  /** -1 for the city pool. */
  district: number;
  joinedOn: number;
  leftOn: number;
}

export interface LiaisonPoints {
  n: number;
  kind: Uint8Array;
  organization: Int32Array;
  /** committee, member unit, work-group member or instructor id, by kind. */
  responsible: Int32Array;
  since: Int32Array;
  until: Int32Array;
}

export interface WorkingFund {
  district: number;
  year: number;
  /** Members whose relation sat in a Party organization on 1 January of the year. */
  members: number;
}

export interface Model {
  scale: number;
  seed: number;
  asOf: number;
  year: number;
  geo: Geography;
  parks: Park[];
  buildings: Building[];
  businessDistricts: BusinessDistrict[];
  orgs: Organizations;
  partyOrgs: PartyOrg[];
  members: Members;
  workGroup: WorkGroupMember[];
  instructors: Instructor[];
  liaison: LiaisonPoints;
  workingFunds: WorkingFund[];
  /** False until completeModel has run: only the map, containers and organizations exist. */
  complete: boolean;
  /** The organization's name, re-derived on demand (names are not stored). */
  organizationName(index: number): string;
}

const YEAR = 365;

export function buildModel(options: { scale: number; seed: number; asOf: number }): Model {
  const model = buildModelBase(options);
  completeModel(model);
  return model;
}

/**
 * The map, the containers and the organizations: all that the first tables (up to
 * organization) need. The loader copies those while the server is busy and completes the
 * model meanwhile; nothing completeModel does changes what they contain.
 */
export function buildModelBase(options: { scale: number; seed: number; asOf: number }): Model {
  const { scale, seed, asOf } = options;
  const year = dayToCivil(asOf).y;
  const geo = buildGeography(seed, asOf);
  const containers = buildContainers(geo, seed, scale, asOf);
  const orgs = buildOrganizations(geo, containers, seed, scale, asOf);
  const nameRng = new Rng(0);
  const organizationNameOf = (i: number): string => {
    nameRng.reseed(seed, S.orgName, i);
    const district = geo.districts[geo.streets[orgs.street[i]].district];
    return organizationName(nameRng, orgs.subtype[i], orgs.industry[i], orgs.variant[i], district.name, orgs.employees[i] >= 300);
  };
  return {
    scale,
    seed,
    asOf,
    year,
    geo,
    ...containers,
    orgs,
    partyOrgs: [],
    members: membersOf(0),
    workGroup: [],
    instructors: [],
    liaison: { n: 0, kind: new Uint8Array(0), organization: new Int32Array(0), responsible: new Int32Array(0), since: new Int32Array(0), until: new Int32Array(0) },
    workingFunds: [],
    complete: false,
    organizationName: organizationNameOf,
  };
}

/** Members, Party organizations, instructors, work groups, liaison points and funds. */
export function completeModel(model: Model): void {
  if (model.complete) return;
  const { scale, seed, asOf, year, geo, orgs } = model;
  const containers = { parks: model.parks, buildings: model.buildings, businessDistricts: model.businessDistricts };
  allocatePartyMembers(orgs, seed, scale);
  const party = buildPartyOrganizations(geo, containers, orgs, seed, scale, asOf, year, model.organizationName);
  const members = buildMembers(geo, orgs, party, seed, scale, asOf);
  finishPartyOrganizations(party.list, seed, asOf);
  const workGroup = buildWorkGroup(geo, seed, asOf);
  const instructors = buildInstructors(geo, orgs, seed, scale, asOf);
  model.liaison = buildLiaisonPoints(geo, orgs, party.list, workGroup, instructors, seed, scale, asOf);
  model.workingFunds = countWorkingFundMembers(geo, orgs, members, year);
  model.partyOrgs = party.list;
  model.members = members;
  model.workGroup = workGroup;
  model.instructors = instructors;
  model.complete = true;
}

// ---------------------------------------------------------------------------------------------
// Parks, buildings, business districts

interface Containers {
  parks: Park[];
  buildings: Building[];
  businessDistricts: BusinessDistrict[];
}

// Where the seed's parks of provincial level or above plausibly sit: the high-tech and
// economic zones in the east and the county seats.
const NATIONAL_DISTRICTS = [0, 4, 6];
const PROVINCIAL_DISTRICTS = [2, 3, 5, 7, 8, 9, 10];

function pickStreetOf(geo: Geography, rng: Rng, district: number): number {
  const streets = geo.districts[district].streets;
  // Urban streets host more offices and shops than towns.
  const nonTown = streets.filter((s) => !geo.streets[s].town);
  return rng.chance(0.85) && nonTown.length > 0 ? rng.pick(nonTown) : rng.pick(streets);
}

function buildContainers(geo: Geography, seed: number, scale: number, asOf: number): Containers {
  const rng = new Rng(seed, S.containers);
  // Containers are the seed's fixed figures from scale 1 up; smaller data sets shrink them so
  // the quick modes stay small, but keep the 10 parks of provincial level or above.
  const s = Math.min(scale, 1);
  const districtShare = cumulative(geo.districts.map((d) => d.spec.organizationShare));
  const urbanShare = cumulative(geo.districts.map((d) => d.spec.organizationShare * (d.spec.urban ? 3 : 1)));

  const parks: Park[] = [];
  const parkNames = new Set<string>();
  const levels: Park['level'][] = [
    ...Array<Park['level']>(CAL.nationalParks).fill('NATIONAL'),
    ...Array<Park['level']>(CAL.provincialParks).fill('PROVINCIAL'),
    ...Array<Park['level']>(Math.round(CAL.municipalParks * s)).fill('MUNICIPAL'),
  ];
  levels.forEach((level, k) => {
    const district =
      level === 'NATIONAL'
        ? NATIONAL_DISTRICTS[k % NATIONAL_DISTRICTS.length]
        : level === 'PROVINCIAL'
          ? PROVINCIAL_DISTRICTS[(k - CAL.nationalParks) % PROVINCIAL_DISTRICTS.length]
          : rng.weighted(districtShare);
    const all = geo.districts[district].streets;
    const count = Math.min(all.length, rng.int(1, 4));
    const streets = sampleIndices(rng, all.length, count).map((j) => all[j]);
    parks.push({
      id: parks.length + 1,
      name: parkName(rng, level, parkNames),
      level,
      district,
      streets,
      establishedOn:
        asOf - (level === 'NATIONAL' ? rng.int(15 * YEAR, 25 * YEAR) : level === 'PROVINCIAL' ? rng.int(8 * YEAR, 20 * YEAR) : rng.int(3 * YEAR, 12 * YEAR)),
      weight: level === 'NATIONAL' ? 6 : level === 'PROVINCIAL' ? 3 : 1,
      wantsPo: level !== 'MUNICIPAL' || rng.chance(0.75),
      po: 0,
    });
  });
  const parkCumulative = cumulative(parks.map((p) => p.weight));

  const buildingCount = Math.max(3, Math.round(CAL.buildings * s));
  const bigCount = Math.min(buildingCount, Math.max(1, Math.round(CAL.bigBuildings * s)));
  const big = new Set(sampleIndices(rng, buildingCount, bigCount));
  const buildings: Building[] = [];
  for (let b = 0; b < buildingCount; b++) {
    const isBig = big.has(b);
    let parkId = 0;
    let street: number;
    if (rng.chance(0.2)) {
      const park = parks[rng.weighted(parkCumulative)];
      parkId = park.id;
      street = rng.pick(park.streets);
    } else {
      street = pickStreetOf(geo, rng, rng.weighted(urbanShare));
    }
    buildings.push({
      id: b + 1,
      name: buildingName(rng, isBig),
      street,
      parkId,
      address: roadAddress(rng),
      floors: isBig ? rng.int(25, 80) : rng.int(5, 40),
      // 亿元楼宇 from 100 to 800 million CNY; the others from 100 thousand to 79 million.
      taxFen: isBig ? Math.round(1e10 + rng.float() ** 2 * 7e10) : Math.round(10 ** (7 + 2.9 * rng.float())),
      openedOn: asOf - rng.int(YEAR, 25 * YEAR),
      wantsPo: isBig || rng.chance(0.62),
      po: 0,
    });
  }

  const bdCount = Math.max(3, Math.round(CAL.businessDistricts * s));
  const businessDistricts: BusinessDistrict[] = [];
  for (let k = 0; k < bdCount; k++) {
    const market = rng.chance(0.45);
    const district = rng.weighted(market ? districtShare : urbanShare);
    businessDistricts.push({
      id: k + 1,
      name: businessDistrictName(rng, market),
      market,
      street: pickStreetOf(geo, rng, district),
      openedOn: asOf - rng.int(2 * YEAR, 30 * YEAR),
      wantsPo: rng.chance(0.65),
      po: 0,
    });
  }
  return { parks, buildings, businessDistricts };
}

// ---------------------------------------------------------------------------------------------
// Organizations

const INDUSTRY_WEIGHTS: Record<number, number[]> = {
  //                A  B    C   D    E  F   G  H  I  J    K  L   M  N  O  P  Q  R    S  T
  [ENTERPRISE]: [1, 0.2, 16, 0.5, 7, 24, 4, 5, 9, 1.5, 3, 12, 7, 1, 4, 1, 1, 2.5, 0, 0.05],
  [INDIVIDUAL]: [0.5, 0, 3, 0, 2, 45, 3, 25, 2, 0, 0, 1, 0, 0, 18, 0, 0.5, 1.5, 0, 0],
  [COOPERATIVE]: [90, 0, 5, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
};
const INDUSTRY_CUMULATIVE: Record<number, Float64Array> = Object.fromEntries(
  Object.entries(INDUSTRY_WEIGHTS).map(([k, w]) => [k, cumulative(w)]),
);
const GROUP_KIND_CUMULATIVE = cumulative([30, 15, 12, 10, 20, 8]);
const AGENCY_KIND_CUMULATIVE = cumulative([18, 16, 20, 16, 8, 12, 4, 6]);
const GROUP_KIND_DOMAIN: UnitDomain[] = ['CIVIL_AFFAIRS', 'INDUSTRY_AND_COMMERCE', 'CIVIL_AFFAIRS', 'UNITED_FRONT', 'PROPAGANDA', 'JUSTICE'];
const AGENCY_KIND_DOMAIN: UnitDomain[] = ['CIVIL_AFFAIRS', 'CIVIL_AFFAIRS', 'EDUCATION', 'EDUCATION', 'HEALTH', 'CIVIL_AFFAIRS', 'JUSTICE', 'PROPAGANDA'];
const OFFICE_INDUSTRIES = new Set([8, 9, 10, 11, 12]); // I J K L M
const PARK_INDUSTRIES = new Set([2, 6, 8, 12]); // C G I M
const SHOP_INDUSTRIES = new Set([5, 7]); // F H

const NONE = 0;
const IN_BUILDING = 1;
const IN_DISTRICT = 2;
const IN_PARK = 3;

function containerKind(rng: Rng, subtype: number, industry: number): number {
  let building: number;
  let district: number;
  let park: number;
  switch (subtype) {
    case ENTERPRISE:
      building = OFFICE_INDUSTRIES.has(industry) ? 0.3 : 0.1;
      park = PARK_INDUSTRIES.has(industry) ? 0.35 : 0.12;
      district = SHOP_INDUSTRIES.has(industry) ? 0.18 : 0.04;
      break;
    case INDIVIDUAL:
      building = 0.03;
      park = 0.01;
      district = 0.5;
      break;
    case COOPERATIVE:
      building = 0;
      park = 0.06;
      district = 0;
      break;
    default:
      building = 0.08;
      park = 0.02;
      district = 0.03;
  }
  const u = rng.float();
  if (u < building) return IN_BUILDING;
  if (u < building + district) return IN_DISTRICT;
  if (u < building + district + park) return IN_PARK;
  return NONE;
}

function lognormal(rng: Rng, median: number, sigma: number, cap: number): number {
  return Math.max(1, Math.min(cap, Math.round(median * Math.exp(sigma * rng.normal()))));
}

function buildOrganizations(geo: Geography, c: Containers, seed: number, scale: number, asOf: number): Organizations {
  const n = Math.max(1, Math.round(CAL.organizations * scale));
  const o: Organizations = {
    n,
    subtype: new Uint8Array(n),
    industry: new Uint8Array(n),
    variant: new Uint8Array(n),
    employees: new Int32Array(n),
    registered: new Int32Array(n),
    deregistered: new Int32Array(n),
    street: new Uint8Array(n),
    parkId: new Int32Array(n),
    buildingId: new Int32Array(n),
    businessDistrictId: new Int32Array(n),
    cls: new Uint8Array(n),
    key: new Uint8Array(n),
    supervisor: new Int32Array(n),
    partyMembers: new Int32Array(n),
    fullMembers: new Int32Array(n),
    developing: new Int32Array(n),
    ownPo: new Int32Array(n),
    jointPo: new Int32Array(n),
    containerPo: new Int32Array(n),
    formerPo: new Int32Array(n),
    instructor: new Uint8Array(n),
  };
  const parkById = (id: number) => c.parks[id - 1];
  const buildingCum = cumulative(c.buildings.map((b) => 1 + b.taxFen / 2e9));
  const districtCum = cumulative(c.businessDistricts.map((d) => (d.market ? 1.4 : 1)));
  const parkCum = cumulative(c.parks.map((p) => p.weight));
  // Containers whose whole chain (building → its park) has no Party organization, per street:
  // where an uncovered organization may sit.
  const chainCovered = (b: Building) => b.wantsPo || (b.parkId > 0 && parkById(b.parkId).wantsPo);
  const openBuildings: number[][] = geo.streets.map(() => []);
  const openDistricts: number[][] = geo.streets.map(() => []);
  const openParks: number[][] = geo.streets.map(() => []);
  for (const b of c.buildings) if (!chainCovered(b)) openBuildings[b.street].push(b.id);
  for (const d of c.businessDistricts) if (!d.wantsPo) openDistricts[d.street].push(d.id);
  for (const p of c.parks) if (!p.wantsPo) for (const s of p.streets) openParks[s].push(p.id);

  const rng = new Rng(0);
  const unitsOf = (district: number) => geo.committees[geo.districts[district].committeeId - 1].units;
  for (let i = 0; i < n; i++) {
    rng.reseed(seed, S.org, i);
    let subtype: number;
    if (rng.chance(CAL.socialShare)) {
      const u = rng.float();
      subtype = u < 0.45 ? SOCIAL_GROUP : u < 0.95 ? SOCIAL_AGENCY : FOUNDATION;
    } else {
      const u = rng.float();
      subtype = u < 0.7 ? ENTERPRISE : u < 0.97 ? INDIVIDUAL : COOPERATIVE;
    }
    let industry: number;
    let variant = 0;
    if (subtype === SOCIAL_GROUP) {
      variant = rng.weighted(GROUP_KIND_CUMULATIVE);
      industry = SOCIAL_GROUP_INDUSTRY.charCodeAt(variant) - 65;
    } else if (subtype === SOCIAL_AGENCY) {
      variant = rng.weighted(AGENCY_KIND_CUMULATIVE);
      industry = AGENCY_INDUSTRY.charCodeAt(variant) - 65;
    } else if (subtype === FOUNDATION) {
      industry = 18; // S
    } else {
      industry = rng.weighted(INDUSTRY_CUMULATIVE[subtype]);
    }
    // Most two-new organizations are small; a long tail of large ones holds most members.
    const employees =
      subtype === ENTERPRISE
        ? lognormal(rng, 11, 1.45, 8000)
        : subtype === INDIVIDUAL
          ? lognormal(rng, 2, 0.6, 30)
          : subtype === COOPERATIVE
            ? lognormal(rng, 8, 0.7, 200)
            : subtype === SOCIAL_AGENCY
              ? lognormal(rng, 12, 1.0, 800)
              : lognormal(rng, 5, 0.9, 300);
    // Registrations grow toward the present (more recent years hold more of today's stock).
    const skew = subtype === INDIVIDUAL ? 1.6 : subtype === ENTERPRISE ? 1.15 : 1.1;
    const registered = asOf - Math.floor(20 * YEAR * rng.float() ** skew);
    let deregistered = 0;
    if (registered <= asOf - 2 && rng.chance(CAL.deregisteredShare)) {
      const lo = Math.max(registered + 1, asOf - CAL.historyDays);
      deregistered = rng.int(lo, asOf - 1);
    }

    let kind = containerKind(rng, subtype, industry);
    let buildingId = 0;
    let businessDistrictId = 0;
    let parkId = 0;
    let street: number;
    if (kind === IN_BUILDING && c.buildings.length > 0) {
      const b = c.buildings[rng.weighted(buildingCum)];
      buildingId = b.id;
      parkId = b.parkId;
      street = b.street;
    } else if (kind === IN_DISTRICT && c.businessDistricts.length > 0) {
      const d = c.businessDistricts[rng.weighted(districtCum)];
      businessDistrictId = d.id;
      street = d.street;
    } else if (kind === IN_PARK && c.parks.length > 0) {
      const p = c.parks[rng.weighted(parkCum)];
      parkId = p.id;
      street = rng.pick(p.streets);
    } else {
      kind = NONE;
      street = rng.weighted(geo.streetCumulative);
    }
    const district = geo.streets[street].district;

    let cls: number;
    if (deregistered > 0) {
      cls = GONE;
    } else {
      const large = employees >= 100;
      const offset = geo.districts[district].spec.coverageOffset;
      const pCovered = (large ? CAL.largeCovered : CAL.smallCovered) + offset;
      const pWork = (large ? CAL.largeWorkCovered : CAL.smallWorkCovered) - offset / 2;
      const u = rng.float();
      cls = u < pCovered ? COVERED : u < pCovered + pWork ? WORK_COVERED : BLIND_SPOT;
    }
    if (cls === WORK_COVERED || cls === BLIND_SPOT) {
      // Not covered on asOf: move it to a container of the same street without a Party
      // organization, or out of containers, so no container organization covers it.
      const covered =
        (buildingId > 0 && chainCovered(c.buildings[buildingId - 1])) ||
        (businessDistrictId > 0 && c.businessDistricts[businessDistrictId - 1].wantsPo) ||
        (parkId > 0 && parkById(parkId).wantsPo);
      if (covered) {
        buildingId = 0;
        businessDistrictId = 0;
        parkId = 0;
        const pool = kind === IN_BUILDING ? openBuildings[street] : kind === IN_DISTRICT ? openDistricts[street] : kind === IN_PARK ? openParks[street] : [];
        if (pool.length > 0 && rng.chance(0.7)) {
          const id = rng.pick(pool);
          if (kind === IN_BUILDING) {
            buildingId = id;
            parkId = c.buildings[id - 1].parkId;
          } else if (kind === IN_DISTRICT) businessDistrictId = id;
          else parkId = id;
        }
      }
    }

    let supervisor = 0;
    if (subtype >= SOCIAL_GROUP) {
      const units = unitsOf(district);
      const domain: UnitDomain =
        subtype === SOCIAL_GROUP ? GROUP_KIND_DOMAIN[variant] : subtype === SOCIAL_AGENCY ? AGENCY_KIND_DOMAIN[variant] : 'CIVIL_AFFAIRS';
      supervisor = units[domain] ?? units.CIVIL_AFFAIRS ?? 0;
    }
    const inBigBuilding = buildingId > 0 && c.buildings[buildingId - 1].taxFen >= 1e10;
    const key = employees >= 150 || ([8, 9, 12].includes(industry) && employees >= 50) || (inBigBuilding && employees >= 30);

    o.subtype[i] = subtype;
    o.industry[i] = industry;
    o.variant[i] = variant;
    o.employees[i] = employees;
    o.registered[i] = registered;
    o.deregistered[i] = deregistered;
    o.street[i] = street;
    o.parkId[i] = parkId;
    o.buildingId[i] = buildingId;
    o.businessDistrictId[i] = businessDistrictId;
    o.cls[i] = cls;
    o.key[i] = key ? 1 : 0;
    o.supervisor[i] = supervisor;
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Party members: how many work where

function memberWeight(o: Organizations, i: number): number {
  if (o.cls[i] === GONE) return 0;
  const subtype = o.subtype[i];
  let f = subtype === ENTERPRISE ? ([8, 9, 12].includes(o.industry[i]) ? 1.4 : 1) : subtype === INDIVIDUAL ? 0.35 : subtype === COOPERATIVE ? 0.5 : 1.3;
  if (o.cls[i] !== COVERED) f *= 0.7;
  return o.employees[i] * f;
}

function allocatePartyMembers(o: Organizations, seed: number, scale: number): void {
  const weights = new Float64Array(o.n);
  for (let i = 0; i < o.n; i++) weights[i] = memberWeight(o, i);
  const cum = cumulative(weights);
  if (cum[o.n - 1] <= 0) return;
  const rng = new Rng(seed, S.members);
  const total = Math.round(CAL.partyMembers * scale);
  for (let k = 0; k < total; k++) {
    const i = rng.weighted(cum);
    o.partyMembers[i]++;
    if (rng.chance(0.93)) o.fullMembers[i]++;
  }
}

// ---------------------------------------------------------------------------------------------
// Party organizations

interface PartyBuild {
  list: PartyOrg[];
  /** Extra full members per organization index, each with the Party organization that needs them. */
  topUps: Map<number, number[]>;
}

function newPo(fields: Partial<PartyOrg> & Pick<PartyOrg, 'id' | 'role' | 'name' | 'areaId' | 'district' | 'established'>): PartyOrg {
  return {
    kind: 'BRANCH',
    formation: 'JOINT',
    anchor: 'ORGANIZATION',
    street: -1,
    organization: -1,
    parkId: 0,
    buildingId: 0,
    businessDistrictId: 0,
    industry: -1,
    parentId: 0,
    dissolved: 0,
    secretary: 0,
    members: 0,
    social: false,
    weak: false,
    grouped: [],
    anchorsMembers: [],
    suffixed: false,
    ...fields,
  };
}

const ORDINAL = '一二三四五六七八九十';
function ordinal(k: number): string {
  if (k <= 10) return ORDINAL[k - 1];
  if (k < 20) return '十' + ORDINAL[k - 11];
  const tens = Math.floor(k / 10);
  const ones = k % 10;
  return (tens === 1 ? '' : ORDINAL[tens - 1]) + '十' + (ones === 0 ? '' : ORDINAL[ones - 1]);
}

function buildPartyOrganizations(
  geo: Geography,
  c: Containers,
  o: Organizations,
  seed: number,
  scale: number,
  asOf: number,
  year: number,
  nameOf: (i: number) => string,
): PartyBuild {
  const rng = new Rng(seed, S.party);
  const list: PartyOrg[] = [];
  const add = (fields: Parameters<typeof newPo>[0]) => {
    const po = newPo(fields);
    list.push(po);
    return po;
  };
  const nextId = () => list.length + 1;
  const jan1 = civilToDay(year, 1, 1);
  const newEnd = Math.max(jan1, asOf - 1);

  // District committees (parents of all), then the 112 street comprehensive committees.
  const districtNpe: number[] = [];
  const districtSocial: number[] = [];
  for (const d of geo.districts) {
    const npe = add({
      id: nextId(), role: 'DISTRICT_NPE', name: `${d.name}非公有制经济组织党委`, kind: 'COMMITTEE', anchor: 'AREA',
      areaId: d.id, district: d.index, established: asOf - rng.int(6 * YEAR, 10 * YEAR),
    });
    const social = add({
      id: nextId(), role: 'DISTRICT_SOCIAL', name: `${d.name}社会组织综合党委`, kind: 'COMMITTEE', anchor: 'AREA',
      areaId: d.id, district: d.index, established: asOf - rng.int(5 * YEAR, 9 * YEAR), social: true,
    });
    districtNpe.push(npe.id);
    districtSocial.push(social.id);
  }
  const streetPo: number[] = [];
  for (const s of geo.streets) {
    const po = add({
      id: nextId(), role: 'STREET', name: `${s.name}综合党委`, kind: 'COMMITTEE', anchor: 'STREET',
      areaId: s.id, district: s.district, street: s.index, established: asOf - rng.int(2 * YEAR, 6 * YEAR),
      parentId: districtNpe[s.district],
    });
    streetPo.push(po.id);
  }

  // Which containers actually hold a covered organization (a Party organization of an empty
  // building would cover nothing).
  const parkUsed = new Uint8Array(c.parks.length + 1);
  const buildingUsed = new Uint8Array(c.buildings.length + 1);
  const districtUsed = new Uint8Array(c.businessDistricts.length + 1);
  for (let i = 0; i < o.n; i++) {
    if (o.cls[i] !== COVERED) continue;
    if (o.buildingId[i]) buildingUsed[o.buildingId[i]] = 1;
    if (o.businessDistrictId[i]) districtUsed[o.businessDistrictId[i]] = 1;
    if (o.parkId[i]) parkUsed[o.parkId[i]] = 1;
  }
  for (const p of c.parks) {
    if (!p.wantsPo || !parkUsed[p.id]) continue;
    const d = geo.districts[p.district];
    p.po = add({
      id: nextId(), role: 'PARK', name: p.name, suffixed: true, anchor: 'PARK', parkId: p.id, areaId: d.id, district: d.index,
      established: Math.max(p.establishedOn + 180, asOf - rng.int(3 * YEAR, 10 * YEAR)), parentId: districtNpe[d.index],
    }).id;
  }
  const containerPos: PartyOrg[] = [];
  for (const b of c.buildings) {
    if (!b.wantsPo || !buildingUsed[b.id]) continue;
    const s = geo.streets[b.street];
    const park = b.parkId ? c.parks[b.parkId - 1] : undefined;
    const po = add({
      id: nextId(), role: 'BUILDING', name: `${b.name}楼宇`, suffixed: true, anchor: 'BUILDING', buildingId: b.id, areaId: s.id,
      district: s.district, street: s.index, established: 0, parentId: park?.po || streetPo[s.index],
    });
    b.po = po.id;
    containerPos.push(po);
  }
  for (const bd of c.businessDistricts) {
    if (!bd.wantsPo || !districtUsed[bd.id]) continue;
    const s = geo.streets[bd.street];
    const po = add({
      id: nextId(), role: 'BUSINESS_DISTRICT', name: bd.name, suffixed: true, anchor: 'BUSINESS_DISTRICT', businessDistrictId: bd.id,
      areaId: s.id, district: s.district, street: s.index, established: 0, parentId: streetPo[s.index],
    });
    bd.po = po.id;
    containerPos.push(po);
  }
  // The most specific container with a Party organization covers the organization.
  for (let i = 0; i < o.n; i++) {
    const b = o.buildingId[i] ? c.buildings[o.buildingId[i] - 1].po : 0;
    const d = o.businessDistrictId[i] ? c.businessDistricts[o.businessDistrictId[i] - 1].po : 0;
    const p = o.parkId[i] ? c.parks[o.parkId[i] - 1].po : 0;
    o.containerPo[i] = b || d || p;
  }

  // Standalone: most covered organizations with 3+ full members set up their own.
  const standaloneOrgs: number[] = [];
  const jointCandidates: number[] = [];
  for (let i = 0; i < o.n; i++) {
    if (o.cls[i] === COVERED) {
      // Setting one up takes time: young organizations more often sit in a joint one first.
      const age = (asOf - o.registered[i]) / YEAR;
      const p = o.registered[i] >= jan1 ? 0.3 : 0.96 * Math.min(1, 0.35 + 0.2 * age);
      if (o.fullMembers[i] >= 3 && rng.chance(p)) standaloneOrgs.push(i);
      else if (!o.containerPo[i]) jointCandidates.push(i);
    } else if (o.cls[i] === GONE && !o.containerPo[i] && rng.chance(0.5)) {
      // Closed organizations that used to sit in a joint one: history of coverage.
      jointCandidates.push(i);
    }
  }

  // Joint: group neighbours of the same street (same container first, then industry) until
  // the group has 3+ full members; a street whose leftovers lack them gets members topped up.
  const topUps = new Map<number, number[]>();
  const byStreet = new Map<string, number[]>();
  for (const i of jointCandidates) {
    const social = o.subtype[i] >= SOCIAL_GROUP;
    const k = `${o.street[i]}:${social ? 1 : 0}`;
    let arr = byStreet.get(k);
    if (!arr) byStreet.set(k, (arr = []));
    arr.push(i);
  }
  const jointGroups: { orgs: number[]; street: number; social: boolean }[] = [];
  const keys = [...byStreet.keys()].sort((a, b) => {
    const [sa, xa] = a.split(':').map(Number);
    const [sb, xb] = b.split(':').map(Number);
    return sa - sb || xa - xb;
  });
  for (const k of keys) {
    const orgsOfStreet = byStreet.get(k)!;
    const [street, social] = k.split(':').map(Number);
    orgsOfStreet.sort(
      (a, b) =>
        o.buildingId[a] - o.buildingId[b] ||
        o.businessDistrictId[a] - o.businessDistrictId[b] ||
        o.parkId[a] - o.parkId[b] ||
        o.industry[a] - o.industry[b] ||
        a - b,
    );
    let current: number[] = [];
    let full = 0;
    let target = rng.int(4, 22);
    const groups: number[][] = [];
    for (const i of orgsOfStreet) {
      current.push(i);
      if (o.cls[i] !== GONE) full += o.fullMembers[i];
      if ((current.length >= target && full >= 3) || current.length >= 40) {
        groups.push(current);
        current = [];
        full = 0;
        target = rng.int(4, 22);
      }
    }
    if (current.length > 0) {
      if (groups.length > 0 && full < 3) groups[groups.length - 1].push(...current);
      else groups.push(current);
    }
    for (const g of groups) jointGroups.push({ orgs: g, street, social: social === 1 });
  }

  // Establishment dates. Exactly round(300 × scale) Party organizations are new this calendar
  // year; the rest are older, with the last two years busier than before.
  const standalonePos: PartyOrg[] = [];
  const jointPos: PartyOrg[] = [];
  const namesInStreet = new Map<string, number>();
  const predecessorsOf: PartyOrg[] = [];
  for (const g of jointGroups) {
    const active = g.orgs.filter((i) => o.cls[i] !== GONE);
    if (active.length === 0) continue; // only closed organizations: nobody to cover now
    // The lead unit is the longest-standing one: the joint organization formed around it.
    let lead = active[0];
    for (const i of active) if (o.registered[i] < o.registered[lead] || (o.registered[i] === o.registered[lead] && i < lead)) lead = i;
    const s = geo.streets[g.street];
    const sameIndustry = active.every((i) => o.industry[i] === o.industry[lead]);
    const byIndustry = sameIndustry && active.length >= 3 && rng.chance(0.3);
    const label = g.social ? '社会组织' : INDUSTRY_LABEL[o.industry[lead]];
    const nameKey = `${s.index}:${label}`;
    const k = (namesInStreet.get(nameKey) ?? 0) + 1;
    namesInStreet.set(nameKey, k);
    const po = newPo({
      id: 0, role: 'JOINT', name: `${s.name}${label}${k > 1 ? `第${ordinal(k)}` : ''}联合`, suffixed: true,
      anchor: byIndustry ? 'INDUSTRY' : 'ORGANIZATION', organization: byIndustry ? -1 : lead, industry: byIndustry ? o.industry[lead] : -1,
      areaId: s.id, district: s.district, street: s.index, established: 0, social: g.social, grouped: g.orgs,
      parentId: g.social ? districtSocial[s.district] : streetPo[s.index],
    });
    jointPos.push(po);
  }
  for (const i of standaloneOrgs) {
    const s = geo.streets[o.street[i]];
    const social = o.subtype[i] >= SOCIAL_GROUP;
    standalonePos.push(
      newPo({
        id: 0, role: 'STANDALONE', name: nameOf(i), suffixed: true, formation: 'STANDALONE', anchor: 'ORGANIZATION', organization: i,
        areaId: s.id, district: s.district, street: s.index, established: 0, social,
        // Re-pointed to the district committee in finishPartyOrganizations if it turns out a 党委.
        parentId: social ? districtSocial[s.district] : o.containerPo[i] || streetPo[s.index],
      }),
    );
  }

  // New this year: those whose organization registered this year must be; then a random draw.
  const candidates = [...containerPos, ...jointPos, ...standalonePos];
  const target = Math.round(CAL.newPartyOrganizations * scale);
  const forced = candidates.filter((p) => p.role === 'STANDALONE' && o.registered[p.organization] >= jan1);
  const forcedSet = new Set(forced);
  const rest = candidates.filter((p) => !forcedSet.has(p));
  const chosen = new Set<PartyOrg>(forced);
  for (const j of sampleIndices(rng, rest.length, Math.max(0, target - forced.length))) chosen.add(rest[j]);
  const floorOf = (p: PartyOrg) =>
    p.role === 'STANDALONE' || (p.role === 'JOINT' && p.organization >= 0)
      ? o.registered[p.organization]
      : p.role === 'BUILDING'
        ? c.buildings[p.buildingId - 1].openedOn
        : p.role === 'BUSINESS_DISTRICT'
          ? c.businessDistricts[p.businessDistrictId - 1].openedOn
          : 0;
  for (const p of chosen) p.established = rng.int(Math.min(newEnd, Math.max(jan1, floorOf(p))), newEnd);
  // The older ones spread over the 20 years before this one at a slowly rising pace (~200 a
  // year then, ~290 lately at scale 1). Registrations crowd the recent years, so quotas are
  // filled youngest first, each in the latest year still open that is not before its floor.
  const older = candidates.filter((p) => !chosen.has(p));
  const firstYear = year - 20;
  const weights = Array.from({ length: 20 }, (_, k) => 1 + 0.025 * k);
  const total = weights.reduce((a, b) => a + b, 0);
  const quota = weights.map((w) => Math.round((older.length * w) / total));
  const floorYear = (p: PartyOrg) => Math.max(firstYear, dayToCivil(floorOf(p) || civilToDay(firstYear, 1, 1)).y);
  older.sort((a, b) => floorOf(b) - floorOf(a) || a.id - b.id || a.name.localeCompare(b.name));
  for (const p of older) {
    const fy = Math.min(year - 1, floorYear(p));
    let y = year - 1;
    while (y > fy && quota[y - firstYear] <= 0) y--;
    quota[y - firstYear]--;
    const lo = Math.max(floorOf(p), civilToDay(y, 1, 1));
    const hi = Math.min(jan1 - 1, civilToDay(y, 12, 31));
    p.established = rng.int(Math.min(lo, hi), hi);
  }

  // Some joint organizations replaced an earlier one (regrouped): history of coverage.
  for (const p of jointPos) {
    if (p.established < asOf - CAL.historyDays + 200 || p.established >= jan1 || !rng.chance(0.07)) continue;
    const pre = newPo({
      ...p, id: 0, role: 'PREDECESSOR', grouped: p.grouped.filter(() => rng.chance(0.7)), anchorsMembers: [],
      name: p.name.replace(/联合$/, '片区联合'), established: p.established - rng.int(200, 6 * YEAR), dissolved: p.established,
    });
    if (pre.grouped.length === 0) continue;
    predecessorsOf.push(pre);
  }

  // Closed organizations that had their own Party organization, dissolved with them.
  const dissolvedStandalone: PartyOrg[] = [];
  for (let i = 0; i < o.n; i++) {
    if (o.cls[i] !== GONE || o.employees[i] < 30 || !rng.chance(0.35)) continue;
    const hi = Math.min(o.deregistered[i] - 1, jan1 - 1);
    if (hi <= o.registered[i] + 90) continue;
    const s = geo.streets[o.street[i]];
    const social = o.subtype[i] >= SOCIAL_GROUP;
    dissolvedStandalone.push(
      newPo({
        id: 0, role: 'DISSOLVED_STANDALONE', name: nameOf(i), suffixed: true, formation: 'STANDALONE', anchor: 'ORGANIZATION', organization: i,
        areaId: s.id, district: s.district, street: s.index, established: rng.int(o.registered[i] + 90, hi), dissolved: o.deregistered[i],
        social, parentId: social ? districtSocial[s.district] : streetPo[s.index],
      }),
    );
  }

  // Ids in parent-before-child order: committees, containers (above), predecessors, joint, standalone.
  for (const p of [...predecessorsOf, ...jointPos, ...standalonePos, ...dissolvedStandalone]) {
    p.id = nextId();
    list.push(p);
  }
  for (const p of predecessorsOf) for (const i of p.grouped) o.formerPo[i] = p.id;
  for (const p of jointPos) for (const i of p.grouped) o.jointPo[i] = p.id;
  for (const p of standalonePos) o.ownPo[p.organization] = p.id;
  for (const p of dissolvedStandalone) o.ownPo[p.organization] = p.id;

  // Joint and container organizations need three full members of their own; top up where the
  // organizations they hold have fewer (new members are drawn into their largest organization).
  const homeFull = new Map<number, number>();
  for (let i = 0; i < o.n; i++) {
    if (o.cls[i] === GONE) continue;
    const home = o.ownPo[i] || o.jointPo[i] || o.containerPo[i];
    if (home) homeFull.set(home, (homeFull.get(home) ?? 0) + o.fullMembers[i]);
  }
  const largestActive = (orgIndexes: Iterable<number>): number => {
    let best = -1;
    for (const i of orgIndexes) if (o.cls[i] !== GONE && (best < 0 || o.employees[i] > o.employees[best])) best = i;
    return best;
  };
  const containerOrgs = new Map<number, number[]>();
  for (let i = 0; i < o.n; i++) {
    if (o.containerPo[i] && o.cls[i] !== GONE) {
      let arr = containerOrgs.get(o.containerPo[i]);
      if (!arr) containerOrgs.set(o.containerPo[i], (arr = []));
      arr.push(i);
    }
  }
  for (const p of [...containerPos, ...jointPos]) {
    const missing = 3 - (homeFull.get(p.id) ?? 0);
    if (missing <= 0) continue;
    const orgsOf = p.role === 'JOINT' ? p.grouped : containerOrgs.get(p.id) ?? [];
    const target = largestActive(orgsOf);
    if (target < 0) continue;
    let arr = topUps.get(target);
    if (!arr) topUps.set(target, (arr = []));
    for (let k = 0; k < missing; k++) arr.push(p.id);
  }
  for (const [i, pos] of topUps) {
    o.partyMembers[i] += pos.length;
    o.fullMembers[i] += pos.length;
  }
  return { list, topUps };
}

// ---------------------------------------------------------------------------------------------
// Members: who they are, where their relation sits, and their dates

function buildMembers(
  geo: Geography,
  o: Organizations,
  party: PartyBuild,
  seed: number,
  scale: number,
  asOf: number,
): Members {
  const pos = party.list;
  const poById = (id: number) => pos[id - 1];
  const homeOf = (i: number) => {
    const id = o.ownPo[i] || o.jointPo[i] || o.containerPo[i];
    return id && !poById(id).dissolved ? id : 0;
  };
  // Make sure enough members sit where a Party organization could hold their relation.
  const target = Math.round(CAL.relationInPartyOrganization * scale);
  let homed = 0;
  for (let i = 0; i < o.n; i++) if (o.cls[i] !== GONE && homeOf(i)) homed += o.partyMembers[i];
  if (homed < target) {
    const w = new Float64Array(o.n);
    for (let i = 0; i < o.n; i++) w[i] = o.cls[i] !== GONE && homeOf(i) ? memberWeight(o, i) : 0;
    const cum = cumulative(w);
    const rng = new Rng(seed, S.members, 1);
    for (let k = homed; k < target + Math.ceil(target * 0.02); k++) {
      const i = rng.weighted(cum);
      o.partyMembers[i]++;
      if (rng.chance(0.93)) o.fullMembers[i]++;
    }
  }

  // Applicants, activists and candidates, mostly where a Party organization develops them.
  {
    const w = new Float64Array(o.n);
    for (let i = 0; i < o.n; i++) w[i] = o.cls[i] === GONE ? 0 : o.employees[i] * (homeOf(i) ? 3 : 1);
    const cum = cumulative(w);
    const rng = new Rng(seed, S.developing);
    const total = Math.round(CAL.developingMembers * scale);
    if (cum[o.n - 1] > 0) for (let k = 0; k < total; k++) o.developing[rng.weighted(cum)]++;
  }

  let n = 0;
  for (let i = 0; i < o.n; i++) n += o.partyMembers[i] + o.developing[i];
  const m = membersOf(n);

  // Lay members out grouped by organization: Party members (full first), top-ups, then the
  // developing ones. `home` is the Party organization that could hold each relation.
  const home = new Int32Array(n);
  const rng = new Rng(seed, S.members, 2);
  let id = 0;
  for (let i = 0; i < o.n; i++) {
    const extra = party.topUps.get(i) ?? [];
    const regular = o.partyMembers[i] - extra.length;
    const regularFull = o.fullMembers[i] - extra.length;
    const h = homeOf(i);
    for (let k = 0; k < regular; k++) {
      m.organization[id] = i;
      m.stage[id] = k < regularFull ? FULL : PROBATIONARY;
      home[id] = h;
      id++;
    }
    for (const poId of extra) {
      m.organization[id] = i;
      m.stage[id] = FULL;
      home[id] = poId;
      id++;
    }
    for (let k = 0; k < o.developing[i]; k++) {
      m.organization[id] = i;
      const u = rng.float();
      m.stage[id] = u < 0.45 ? APPLICANT : u < 0.8 ? ACTIVIST : CANDIDATE;
      id++;
    }
  }

  // Three full members of each Party organization hold their relation there for sure (so it
  // can exist and has a secretary); the rest of the exact target is drawn among the others.
  const anchored = new Uint8Array(n);
  let anchoredCount = 0;
  for (let k = 0; k < n; k++) {
    const h = home[k];
    if (!h || m.stage[k] !== FULL) continue;
    const po = poById(h);
    if (po.anchorsMembers.length < 3) {
      po.anchorsMembers.push(k + 1);
      anchored[k] = 1;
      anchoredCount++;
    }
  }
  const others: number[] = [];
  for (let k = 0; k < n; k++) if (home[k] && !anchored[k] && m.stage[k] >= PROBATIONARY) others.push(k);
  const pick = new Rng(seed, S.selection);
  const inParty = new Uint8Array(n);
  for (let k = 0; k < n; k++) if (anchored[k]) inParty[k] = 1;
  for (const j of sampleIndices(pick, others.length, Math.max(0, target - anchoredCount))) inParty[others[j]] = 1;

  const d = new Rng(0);
  for (let k = 0; k < n; k++) {
    d.reseed(seed, S.memberDates, k);
    const i = m.organization[k];
    const registered = o.registered[i];
    const stage = m.stage[k];
    m.male[k] = d.chance(0.6) ? 1 : 0;
    if (stage < PROBATIONARY) {
      developingDates(m, k, d, registered, asOf);
      m.holder[k] = HOLDER_NONE;
      continue;
    }
    if (inParty[k]) {
      const po = poById(home[k]);
      m.holder[k] = HOLDER_PARTY;
      m.partyOrganization[k] = po.id;
      po.members++;
      const floor = Math.max(po.established, registered);
      // Developed inside the organization's own Party organization: only where it is old
      // enough to have taken someone from probation to full membership.
      const inside = !anchored[k] && d.chance(0.15) && (stage === PROBATIONARY ? floor <= asOf : floor <= asOf - YEAR - 30);
      if (inside) insideDates(m, k, d, floor, registered, asOf);
      else transferredDates(geo, o, m, k, d, floor, asOf);
    } else {
      ledgerDates(geo, o, m, k, d, asOf);
    }
    finishPersonDates(m, k, d, registered, asOf, m.holder[k] === HOLDER_PARTY ? 0.75 : 0.35);
  }
  return m;
}

function membersOf(n: number): Members {
  return {
    n,
    organization: new Int32Array(n),
    stage: new Uint8Array(n),
    holder: new Uint8Array(n),
    partyOrganization: new Int32Array(n),
    ledger: new Uint8Array(n),
    ledgerArea: new Int32Array(n),
    ledgerSince: new Int32Array(n),
    transferred: new Int32Array(n),
    applied: new Int32Array(n),
    activist: new Int32Array(n),
    candidate: new Int32Array(n),
    probationary: new Int32Array(n),
    full: new Int32Array(n),
    employed: new Int32Array(n),
    birth: new Int32Array(n),
    revealed: new Int32Array(n),
    male: new Uint8Array(n),
  };
}

function setLedger(geo: Geography, o: Organizations, m: Members, k: number, d: Rng): void {
  const i = m.organization[k];
  const u = d.float();
  const street = geo.streets[o.street[i]];
  if (u < 0.25) {
    m.ledger[k] = HOLDER_AGENCY;
    // The city's personnel-agency Party committee: the city is its area.
    m.ledgerArea[k] = CITY_ID;
  } else if (u < 0.6) {
    m.ledger[k] = HOLDER_TALENT;
    m.ledgerArea[k] = geo.districts[street.district].id;
  } else {
    m.ledger[k] = HOLDER_COMMUNITY;
    m.ledgerArea[k] = d.pick(street.communities);
  }
}

/** Stage dates ending at `probationary` (candidate, activist, application before it). */
function stageDatesBefore(m: Members, k: number, d: Rng, probationary: number, full: boolean, asOf: number): void {
  m.probationary[k] = probationary;
  m.candidate[k] = probationary - d.int(90, 400);
  m.activist[k] = m.candidate[k] - d.int(180, 730);
  m.applied[k] = m.activist[k] - d.int(30, 365);
  if (full) m.full[k] = probationary + YEAR + d.int(0, Math.max(0, Math.min(30, asOf - YEAR - probationary)));
}

function transferredDates(geo: Geography, o: Organizations, m: Members, k: number, d: Rng, floor: number, asOf: number): void {
  setLedger(geo, o, m, k, d);
  const full = m.stage[k] === FULL;
  let t: number;
  let since: number;
  if (full) {
    // Most relations move in within a year or so of the Party organization's founding; the
    // campaign's three years add transfers of the long-standing ledger stock.
    if (d.chance(0.8)) t = Math.min(asOf, floor + Math.floor(-300 * Math.log(1 - d.float())));
    else t = d.int(Math.max(floor, asOf - CAL.historyDays), asOf);
    since = t - Math.floor(d.float() ** 2 * 2000);
    const p = Math.min(since, asOf - YEAR - 30) - Math.floor(d.float() * 20 * YEAR);
    stageDatesBefore(m, k, d, p, true, asOf);
  } else {
    const p = asOf - d.int(0, YEAR - 1);
    stageDatesBefore(m, k, d, p, false, asOf);
    t = Math.max(p, floor) + d.int(0, Math.max(0, asOf - Math.max(p, floor)));
    since = p + d.int(0, t - p);
  }
  m.ledgerSince[k] = since;
  m.transferred[k] = t;
  m.employed[k] = Math.max(o.registered[m.organization[k]], t - d.int(0, 3000));
}

function insideDates(m: Members, k: number, d: Rng, floor: number, registered: number, asOf: number): void {
  const full = m.stage[k] === FULL;
  const hi = full ? asOf - YEAR - 30 : asOf;
  const lo = full ? floor : Math.max(floor, asOf - YEAR + 1);
  const p = d.int(Math.min(lo, hi), hi);
  stageDatesBefore(m, k, d, p, full, asOf);
  // Developed here: the application came after joining the organization.
  if (m.applied[k] < registered) {
    m.applied[k] = registered;
    m.activist[k] = Math.max(m.activist[k], m.applied[k]);
    m.candidate[k] = Math.max(m.candidate[k], m.activist[k]);
  }
  m.employed[k] = Math.max(registered, m.applied[k] - d.int(0, 2000));
}

function ledgerDates(geo: Geography, o: Organizations, m: Members, k: number, d: Rng, asOf: number): void {
  setLedger(geo, o, m, k, d);
  m.holder[k] = m.ledger[k];
  if (m.stage[k] === FULL) {
    const since = asOf - Math.floor(d.float() ** 0.8 * 2500);
    m.ledgerSince[k] = since;
    stageDatesBefore(m, k, d, Math.min(since, asOf - YEAR - 30) - Math.floor(d.float() * 15 * YEAR), true, asOf);
  } else {
    const p = asOf - d.int(0, YEAR - 1);
    stageDatesBefore(m, k, d, p, false, asOf);
    m.ledgerSince[k] = p + d.int(0, asOf - p);
  }
  m.employed[k] = Math.max(o.registered[m.organization[k]], asOf - Math.floor(d.float() ** 1.5 * 4000));
}

function developingDates(m: Members, k: number, d: Rng, registered: number, asOf: number): void {
  const stage = m.stage[k];
  let applied: number;
  if (stage === APPLICANT) {
    applied = asOf - d.int(0, CAL.historyDays);
  } else if (stage === ACTIVIST) {
    m.activist[k] = asOf - d.int(0, 700);
    applied = m.activist[k] - d.int(30, 365);
  } else {
    m.candidate[k] = asOf - d.int(0, 300);
    m.activist[k] = m.candidate[k] - d.int(180, 500);
    applied = m.activist[k] - d.int(30, 300);
  }
  // Applied where they work: not before the organization existed.
  applied = Math.max(applied, registered);
  m.applied[k] = applied;
  if (m.activist[k]) m.activist[k] = Math.max(m.activist[k], applied);
  if (m.candidate[k]) m.candidate[k] = Math.max(m.candidate[k], m.activist[k]);
  m.employed[k] = Math.max(registered, applied - d.int(0, 1500));
  const age = d.int(21, 35);
  m.birth[k] = Math.min(asOf - age * YEAR - d.int(0, 364), m.applied[k] - 18 * YEAR - 5);
}

function finishPersonDates(m: Members, k: number, d: Rng, registered: number, asOf: number, revealShare: number): void {
  const stage = m.stage[k];
  const age = stage === FULL ? d.int(24, 58) : d.int(21, 35);
  m.birth[k] = Math.min(asOf - age * YEAR - d.int(0, 364), m.applied[k] - 18 * YEAR - 5);
  if (m.employed[k] > asOf) m.employed[k] = asOf;
  if (m.employed[k] < registered) m.employed[k] = registered;
  if (d.chance(revealShare)) {
    const lo = Math.max(m.employed[k], m.probationary[k], asOf - CAL.historyDays);
    if (lo <= asOf) m.revealed[k] = d.int(lo, asOf);
  }
}

// ---------------------------------------------------------------------------------------------
// Party organizations: sizes, kinds, parents, secretaries, weak ones

const KIND_SUFFIX = { COMMITTEE: '党委', GENERAL_BRANCH: '党总支', BRANCH: '党支部' } as const;

function finishPartyOrganizations(list: PartyOrg[], seed: number, asOf: number): void {
  const rng = new Rng(seed, S.party, 2);
  for (const p of list) {
    if (p.role === 'DISTRICT_NPE' || p.role === 'DISTRICT_SOCIAL' || p.role === 'STREET') {
      p.kind = 'COMMITTEE';
    } else if (p.role === 'PREDECESSOR' || p.role === 'DISSOLVED_STANDALONE') {
      p.kind = 'BRANCH';
    } else {
      p.kind = recommendedKind(Math.max(3, p.members)) ?? 'BRANCH';
    }
    if (p.suffixed) {
      p.name += KIND_SUFFIX[p.kind];
      p.suffixed = false;
    }
    if (p.anchorsMembers.length > 0) p.secretary = rng.pick(p.anchorsMembers);
    // A company big enough for a 党委 answers to the district committee (ids 2d+1, 2d+2 by
    // construction), not to its building's branch.
    if (p.role === 'STANDALONE' && !p.social && p.kind === 'COMMITTEE') p.parentId = 2 * p.district + 1;
    const eligible = !p.dissolved && p.established <= asOf - 150 && p.role !== 'STREET' && p.role !== 'DISTRICT_NPE' && p.role !== 'DISTRICT_SOCIAL';
    p.weak = eligible && rng.chance(p.role === 'JOINT' ? CAL.weak * 1.4 : CAL.weak * 0.9);
  }
}

// ---------------------------------------------------------------------------------------------
// Street work groups, instructors, liaison points

function buildWorkGroup(geo: Geography, seed: number, asOf: number): WorkGroupMember[] {
  const rng = new Rng(seed, S.workGroup);
  const out: WorkGroupMember[] = [];
  for (const s of geo.streets) {
    const current = rng.int(CAL.workGroupPerStreet[0], CAL.workGroupPerStreet[1]);
    const former = rng.chance(0.5) ? rng.int(1, 2) : 0;
    for (let k = 0; k < former; k++) {
      const joinedOn = asOf - rng.int(2 * YEAR, 6 * YEAR);
      out.push({ id: out.length + 1, street: s.index, joinedOn, leftOn: rng.int(joinedOn + 200, asOf - 30) });
    }
    for (let k = 0; k < current; k++) {
      out.push({ id: out.length + 1, street: s.index, joinedOn: asOf - rng.int(30, 4 * YEAR), leftOn: 0 });
    }
  }
  return out;
}

function buildInstructors(geo: Geography, o: Organizations, seed: number, scale: number, asOf: number): Instructor[] {
  const rng = new Rng(seed, S.instructors);
  const active = new Float64Array(geo.districts.length);
  for (let i = 0; i < o.n; i++) if (o.cls[i] !== GONE) active[geo.streets[o.street[i]].district]++;
  const cum = cumulative(active);
  const n = Math.max(1, Math.round(CAL.instructors * scale));
  const out: Instructor[] = [];
  for (let k = 0; k < n; k++) {
    const city = rng.chance(0.15);
    const district = city ? -1 : rng.weighted(cum);
    const joinedOn = asOf - 10 - Math.floor(rng.float() ** 0.7 * 1800);
    const leaves = rng.chance(0.05) && joinedOn + 90 <= asOf - 10;
    out.push({
      id: k + 1,
      poolAreaId: city ? CITY_ID : geo.districts[district].id,
      district,
      joinedOn,
      leftOn: leaves ? rng.int(joinedOn + 90, asOf - 10) : 0,
    });
  }
  return out;
}

class Growable {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

function shuffle(rng: Rng, a: number[]): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.float() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

function buildLiaisonPoints(
  geo: Geography,
  o: Organizations,
  pos: PartyOrg[],
  workGroup: WorkGroupMember[],
  instructors: Instructor[],
  seed: number,
  scale: number,
  asOf: number,
): LiaisonPoints {
  const rng = new Rng(seed, S.liaison);
  const capacity = Math.ceil(o.n * 1.5 + instructors.length * 3 + 1000);
  const kind = new Growable(capacity);
  const org = new Growable(capacity);
  const resp = new Growable(capacity);
  const since = new Growable(capacity);
  const until = new Growable(capacity);
  const add = (k: number, i: number, r: number, s: number, u: number) => {
    kind.push(k);
    org.push(i);
    resp.push(r);
    since.push(s);
    until.push(u);
  };
  const districtOf = (i: number) => geo.streets[o.street[i]].district;
  // A tie starts after the organization registered, mostly within the campaign's years.
  const startFor = (i: number, hi: number) => {
    const lo = Math.max(o.registered[i], asOf - CAL.historyDays);
    return lo >= hi ? Math.min(lo, asOf) : rng.int(lo, hi);
  };

  // DIRECT: each working committee names 6–10 organizations, preferring key ones.
  const activeByDistrict: number[][] = geo.districts.map(() => []);
  for (let i = 0; i < o.n; i++) if (o.cls[i] !== GONE) activeByDistrict[districtOf(i)].push(i);
  const directWeight = (i: number) => (o.key[i] ? 20 : 1) * Math.sqrt(o.employees[i]);
  for (const c of geo.committees) {
    const pool = c.district < 0 ? activeByDistrict.flat() : activeByDistrict[c.district];
    if (pool.length === 0) continue;
    const cum = cumulative(pool.map(directWeight));
    const current = rng.int(CAL.directPerCommittee[0], CAL.directPerCommittee[1]);
    const ended = rng.int(0, 2);
    const chosen = new Set<number>();
    for (let attempt = 0; chosen.size < Math.min(pool.length, current + ended) && attempt < 1000; attempt++) {
      chosen.add(pool[rng.weighted(cum)]);
    }
    let k = 0;
    for (const i of chosen) {
      if (k++ < current) {
        add(LIAISON_DIRECT, i, c.id, startFor(i, asOf - 30), 0);
      } else if (o.registered[i] <= asOf - 400) {
        const s = rng.int(Math.max(o.registered[i], asOf - CAL.historyDays), asOf - 400);
        add(LIAISON_DIRECT, i, c.id, s, rng.int(s + 90, asOf - 30));
      }
    }
  }

  // MEMBER_UNIT: member units 包挂 key organizations that have no Party organization of their own.
  {
    const candidates: number[] = [];
    for (let i = 0; i < o.n; i++) if (o.cls[i] !== GONE && o.key[i] && !o.ownPo[i]) candidates.push(i);
    const count = Math.round(CAL.memberUnitPoints * scale);
    const npeDomains: UnitDomain[] = ['INDUSTRY_AND_COMMERCE', 'MARKET_REGULATION', 'UNITED_FRONT'];
    for (const j of sampleIndices(rng, candidates.length, count)) {
      const i = candidates[j];
      const units = geo.committees[geo.districts[districtOf(i)].committeeId - 1].units;
      const unit = o.supervisor[i] || units[rng.pick(npeDomains)] || units.CIVIL_AFFAIRS!;
      const s = startFor(i, asOf - 20);
      const end = rng.chance(0.1) && s + 60 <= asOf - 10 ? rng.int(s + 60, asOf - 10) : 0;
      add(LIAISON_MEMBER_UNIT, i, unit, s, end);
    }
  }

  // WORK_GROUP: exactly one current 专包 member per active organization, from its street.
  const currentOf: WorkGroupMember[][] = geo.streets.map(() => []);
  const formerOf: WorkGroupMember[][] = geo.streets.map(() => []);
  for (const w of workGroup) (w.leftOn ? formerOf : currentOf)[w.street].push(w);
  for (let i = 0; i < o.n; i++) {
    const street = o.street[i];
    const reg = o.registered[i];
    const m = rng.pick(currentOf[street]);
    if (o.cls[i] === GONE) {
      const dereg = o.deregistered[i];
      if (Math.max(m.joinedOn, reg) <= dereg) add(LIAISON_WORK_GROUP, i, m.id, Math.max(m.joinedOn, reg), dereg);
      else {
        const f = formerOf[street].find((w) => Math.max(w.joinedOn, reg) <= Math.min(dereg, w.leftOn));
        if (f) add(LIAISON_WORK_GROUP, i, f.id, Math.max(f.joinedOn, reg), Math.min(dereg, f.leftOn));
      }
      continue;
    }
    const f = formerOf[street].length > 0 && rng.chance(0.12) ? rng.pick(formerOf[street]) : undefined;
    if (f && reg < f.leftOn) {
      // The member who looked after it left; a current one took over that day.
      add(LIAISON_WORK_GROUP, i, f.id, Math.max(f.joinedOn, reg), f.leftOn);
      add(LIAISON_WORK_GROUP, i, m.id, Math.min(asOf, Math.max(m.joinedOn, reg, f.leftOn)), 0);
    } else {
      add(LIAISON_WORK_GROUP, i, m.id, Math.max(m.joinedOn, reg), 0);
    }
  }

  // INSTRUCTOR: 1–4 organizations each, first work-covered ones that were promised one, then
  // organizations in joint or container Party organizations or with a weak one of their own.
  const wanted: number[][] = geo.districts.map(() => []);
  const secondary: number[][] = geo.districts.map(() => []);
  for (let i = 0; i < o.n; i++) {
    if (o.cls[i] === WORK_COVERED) {
      if (rng.chance(CAL.instructorForWorkCovered)) wanted[districtOf(i)].push(i);
    } else if (o.cls[i] === COVERED && (!o.ownPo[i] || pos[o.ownPo[i] - 1].weak)) {
      secondary[districtOf(i)].push(i);
    }
  }
  wanted.forEach((a) => shuffle(rng, a));
  secondary.forEach((a) => shuffle(rng, a));
  const wantedAt = new Int32Array(geo.districts.length);
  const secondaryAt = new Int32Array(geo.districts.length);
  const districtCum = cumulative(geo.districts.map((d) => d.spec.organizationShare));
  const slotsCum = cumulative([0.2, 0.35, 0.3, 0.15]);
  for (const ins of instructors) {
    const slots = rng.weighted(slotsCum) + 1;
    const taken = new Set<number>();
    for (let k = 0; k < slots; k++) {
      const d = ins.district >= 0 ? ins.district : rng.weighted(districtCum);
      let i = -1;
      if (!ins.leftOn && wantedAt[d] < wanted[d].length) i = wanted[d][wantedAt[d]++];
      else if (secondary[d].length > 0) i = secondary[d][secondaryAt[d]++ % secondary[d].length];
      if (i < 0 || taken.has(i)) continue;
      taken.add(i);
      const end = ins.leftOn;
      let s = Math.max(ins.joinedOn, o.registered[i]) + rng.int(0, 60);
      s = Math.min(s, end || asOf);
      add(LIAISON_INSTRUCTOR, i, ins.id, s, end);
      if (!end) o.instructor[i] = 1;
    }
  }

  return { n: kind.length, kind: Uint8Array.from(kind.done()), organization: org.done(), responsible: resp.done(), since: since.done(), until: until.done() };
}

// ---------------------------------------------------------------------------------------------
// Working funds

/**
 * The rule for the working fund (工作经费): a district is entitled, for year y, to 300 CNY for
 * each member whose relation sat in a Party organization on 1 January of y (transferred, or
 * made probationary inside it, before that day). Members transferred during the year count
 * from the next one.
 */
function countWorkingFundMembers(geo: Geography, o: Organizations, m: Members, year: number): WorkingFund[] {
  const out: WorkingFund[] = [];
  const years = [year - 2, year - 1, year];
  const counts = years.map(() => new Int32Array(geo.districts.length));
  const starts = years.map((y) => civilToDay(y, 1, 1));
  for (let k = 0; k < m.n; k++) {
    if (m.holder[k] !== HOLDER_PARTY) continue;
    const start = m.transferred[k] || m.probationary[k];
    const district = geo.streets[o.street[m.organization[k]]].district;
    for (let y = 0; y < years.length; y++) if (start < starts[y]) counts[y][district]++;
  }
  years.forEach((y, yi) => geo.districts.forEach((d) => out.push({ district: d.index, year: y, members: counts[yi][d.index] })));
  return out;
}

