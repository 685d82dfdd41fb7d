/**
 * COPY text (PostgreSQL's text format) for every table, generated lazily from the model in
 * chunks of about 64 KiB. A table's text is a pure function of the model and the seed: each
 * row's leaf detail (names, phones, visit dates, activity titles) is drawn from a generator
 * reseeded for that row, so the text is identical however often and in whatever order the
 * tables are produced.
 *
 * Values are written unescaped: every string comes from words.ts, which holds no tab, newline
 * or backslash.
 */

import { CITY_BUDGET_FEN, STARTUP_FUND_FEN, WORKING_FUND_PER_MEMBER_FEN, makeCreditCode } from '@liangxin/domain';
import { CALIBRATION as CAL } from './calibration.js';
import { DayText, civilToDay, dayToCivil } from './days.js';
import { CITY_CODE, CITY_ID, CITY_NAME } from './geography.js';
import {
  BLIND_SPOT,
  COVERED,
  GONE,
  HOLDERS,
  HOLDER_PARTY,
  LIAISON_DIRECT,
  LIAISON_INSTRUCTOR,
  LIAISON_KINDS,
  LIAISON_MEMBER_UNIT,
  LIAISON_WORK_GROUP,
  STAGES,
  WORK_COVERED,
  type Model,
} from './model.js';
import { Rng, hashString } from './random.js';
import {
  ACTIVITY_KINDS,
  INDUSTRY_LETTERS,
  INSTRUCTOR_EMPLOYERS,
  SUBTYPE_CODE,
  WORK_GROUP_TITLES,
  activityTitle,
  helpText,
  personName,
  placeWord,
  problemText,
  roadAddress,
} from './words.js';

export type TableName =
  | 'area'
  | 'working_committee'
  | 'member_unit'
  | 'park'
  | 'building'
  | 'business_district'
  | 'organization'
  | 'party_organization'
  | 'party_organization_coverage'
  | 'party_member'
  | 'instructor'
  | 'work_group_member'
  | 'liaison_point'
  | 'visit'
  | 'activity'
  | 'fund_budget'
  | 'fund_entry';

/** A table's COPY text: chunks of rows; the generator's return value is the row count. */
export interface GeneratedTable {
  readonly name: TableName;
  readonly columns: readonly string[];
  chunks(): Generator<string, number, undefined>;
  /** Rows in the chunks yielded so far by the running chunks() (for progress reports). */
  rowsWritten(): number;
}

const N = '\\N';
const CHUNK = 1 << 16;

const S = {
  orgRow: hashString('organization.row'),
  creditCode: hashString('credit-code'),
  member: hashString('member.row'),
  instructor: hashString('instructor.row'),
  workGroup: hashString('work-group.row'),
  visit: hashString('visit'),
  activity: hashString('activity'),
  funds: hashString('funds'),
  person: hashString('person'),
} as const;

const PHONE_PREFIX = ['13', '15', '17', '18', '19'];
function phone(rng: Rng): string {
  return rng.pick(PHONE_PREFIX) + String(rng.int(0, 999_999_999)).padStart(9, '0');
}

// Where members' identity numbers say they were born: mostly Jinan, then the rest of Shandong,
// a few from elsewhere (real division codes of places, not of people).
const BIRTH_DIVISIONS = [
  '370102', '370103', '370104', '370105', '370112', '370113', '370114', '370115', '370116', '370117', '370124', '370126',
  '370202', '370302', '370402', '370502', '370602', '370702', '370811', '370902', '371002', '371102', '371302', '371402',
  '371502', '371602', '371702', '410105', '130102', '320102', '340102', '120101', '220102',
];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** ISO 7064 MOD 11-2 check character of an 18-character resident identity number. */
export function idNumberCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const POW31_6 = 31 ** 6;
// Multipliers prime to the moduli (31^6, 10^8), so i ↦ (a·i + b) mod m is a bijection and the
// organization codes are unique without a lookup table.
const MULT6 = 7_368_787;
const MULT8 = 73_939_133;

/** Builds every table's writer over one model. */
export function tableWriters(model: Model): GeneratedTable[] {
  const { seed, asOf, geo, orgs: o } = model;
  const days = new DayText(asOf - 100 * 366, asOf + 2);
  const d = (n: number) => (n ? days.iso(n) : N);
  const year = model.year;
  const rng = new Rng(0);
  const codeOffset6 = new Rng(seed, S.creditCode).u32() % POW31_6;
  const codeOffset8 = new Rng(seed, S.creditCode, 8).u32() % 100_000_000;
  const newStyleFrom = civilToDay(2016, 1, 1);
  const personNames = (salt: number, count: number) => {
    const out: string[] = [''];
    const r = new Rng(0);
    for (let id = 1; id <= count; id++) {
      r.reseed(seed, salt, id);
      out.push(personName(r, r.chance(0.55)));
    }
    return out;
  };
  // Built on first use: the model is completed only after the first tables are written.
  let names: { workGroup: string[]; instructors: string[] } | undefined;
  const namesOf = () => (names ??= { workGroup: personNames(S.workGroup, model.workGroup.length), instructors: personNames(S.instructor, model.instructors.length) });
  const districtOfOrg = (i: number) => geo.districts[geo.streets[o.street[i]].district];

  function* area(): Generator<string, number, undefined> {
    let out = `${CITY_ID}\t${CITY_CODE}\t${CITY_NAME}\tCITY\t${N}\t{${CITY_ID}}\n`;
    let rows = 1;
    for (const dist of geo.districts) {
      out += `${dist.id}\t${dist.code}\t${dist.name}\tDISTRICT\t${CITY_ID}\t{${CITY_ID},${dist.id}}\n`;
      rows++;
    }
    for (const s of geo.streets) {
      const dist = geo.districts[s.district];
      out += `${s.id}\t${s.code}\t${s.name}\tSTREET\t${dist.id}\t{${CITY_ID},${dist.id},${s.id}}\n`;
      rows++;
    }
    for (const c of geo.communities) {
      const s = geo.streets[c.street];
      const dist = geo.districts[s.district];
      out += `${c.id}\t${c.code}\t${c.name}\tCOMMUNITY\t${s.id}\t{${CITY_ID},${dist.id},${s.id},${c.id}}\n`;
      rows++;
    }
    yield out;
    return rows;
  }

  function* workingCommittee(): Generator<string, number, undefined> {
    let out = '';
    for (const c of geo.committees) out += `${c.id}\t${c.name}\t${c.level}\t${c.areaId}\t${d(c.establishedOn)}\n`;
    yield out;
    return geo.committees.length;
  }

  function* memberUnit(): Generator<string, number, undefined> {
    let out = '';
    for (const u of geo.memberUnits) out += `${u.id}\t${u.committeeId}\t${u.name}\t${u.domain}\t${d(u.joinedOn)}\n`;
    yield out;
    return geo.memberUnits.length;
  }

  function* park(): Generator<string, number, undefined> {
    let out = '';
    for (const p of model.parks) out += `${p.id}\t${p.name}\t${p.level}\t${geo.districts[p.district].id}\t${d(p.establishedOn)}\n`;
    yield out;
    return model.parks.length;
  }

  function* building(): Generator<string, number, undefined> {
    let out = '';
    for (const b of model.buildings) {
      const dist = geo.districts[geo.streets[b.street].district];
      out += `${b.id}\t${b.name}\t${geo.streets[b.street].id}\t${b.parkId || N}\t${dist.name}${b.address}\t${b.floors}\t${b.taxFen}\t${d(b.openedOn)}\n`;
    }
    yield out;
    return model.buildings.length;
  }

  function* businessDistrict(): Generator<string, number, undefined> {
    let out = '';
    for (const b of model.businessDistricts) {
      out += `${b.id}\t${b.name}\t${b.market ? 'MARKET' : 'BUSINESS_DISTRICT'}\t${geo.streets[b.street].id}\t${d(b.openedOn)}\n`;
    }
    yield out;
    return model.businessDistricts.length;
  }

  function organizationBody(i: number): string {
    if (o.registered[i] >= newStyleFrom) {
      // Codes issued since 2016 carry an "MA" body in Shandong; older ones are digits.
      let v = (i * MULT6 + codeOffset6) % POW31_6;
      let s = '';
      for (let k = 0; k < 6; k++) {
        s = ALPHABET[v % 31] + s;
        v = Math.floor(v / 31);
      }
      return 'MA' + s;
    }
    return String((i * MULT8 + codeOffset8) % 100_000_000).padStart(8, '0');
  }

  function* organization(state: { rows: number }): Generator<string, number, undefined> {
    let out = '';
    const declaredFrom = asOf - CAL.historyDays;
    for (let i = 0; i < o.n; i++) {
      rng.reseed(seed, S.orgRow, i);
      const dist = districtOfOrg(i);
      const street = geo.streets[o.street[i]];
      const [authorityChar, categoryChar] = SUBTYPE_CODE[o.subtype[i]];
      const code = makeCreditCode({ authorityChar, categoryChar, divisionCode: dist.code, organizationBody: organizationBody(i) });
      const b = o.buildingId[i] ? model.buildings[o.buildingId[i] - 1] : undefined;
      const address = b
        ? `${dist.name}${b.address}${b.name}${rng.int(1, b.floors)}层`
        : `${dist.name}${street.name}${roadAddress(rng)}`;
      const gone = o.cls[i] === GONE;
      const declared = o.registered[i] >= declaredFrom;
      out +=
        `${i + 1}\t${code}\t${model.organizationName(i)}\t${authorityChar === '5' ? 'SOCIAL' : 'NON_PUBLIC_ECONOMIC'}\t` +
        `${INDUSTRY_LETTERS[o.industry[i]]}\t${o.employees[i]}\t${d(o.registered[i])}\t${d(o.deregistered[i])}\t` +
        `${gone ? 'DEREGISTERED' : 'ACTIVE'}\t${street.id}\t${o.parkId[i] || N}\t${o.buildingId[i] || N}\t` +
        `${o.businessDistrictId[i] || N}\t${o.supervisor[i] || N}\t${address}\t${o.key[i] ? 't' : 'f'}\tGENERATED\t` +
        // Organizations registered in the last three years passed the registration gate (三个同步).
        `${declared ? Math.round(o.employees[i] * 0.025 * (0.5 + rng.float())) : N}\t${declared ? 'f' : N}\n`;
      if (out.length > CHUNK) {
        state.rows = i + 1;
        yield out;
        out = '';
      }
    }
    if (out) yield out;
    return o.n;
  }

  function* partyOrganization(): Generator<string, number, undefined> {
    const partyOrgs = model.partyOrgs;
    let out = '';
    for (const p of partyOrgs) {
      out +=
        `${p.id}\t${p.name}\t${p.kind}\t${p.formation}\t${p.anchor}\t${p.areaId}\t${p.anchor === 'ORGANIZATION' ? p.organization + 1 : N}\t` +
        `${p.anchor === 'PARK' ? p.parkId : N}\t${p.anchor === 'BUILDING' ? p.buildingId : N}\t` +
        `${p.anchor === 'BUSINESS_DISTRICT' ? p.businessDistrictId : N}\t${p.anchor === 'INDUSTRY' ? INDUSTRY_LETTERS[p.industry] : N}\t` +
        `${p.parentId || N}\t${d(p.established)}\t${d(p.dissolved)}\t${p.secretary || N}\n`;
      if (out.length > CHUNK) {
        yield out;
        out = '';
      }
    }
    if (out) yield out;
    return partyOrgs.length;
  }

  function* coverage(state: { rows: number }): Generator<string, number, undefined> {
    const partyOrgs = model.partyOrgs;
    let out = '';
    let rows = 0;
    for (let i = 0; i < o.n; i++) {
      const registered = o.registered[i];
      const dereg = o.deregistered[i];
      for (const id of [o.formerPo[i], o.jointPo[i], o.containerPo[i], o.ownPo[i]]) {
        if (!id) continue;
        const p = partyOrgs[id - 1];
        // From the later of the Party organization's founding and the registration, until
        // either ends.
        const since = Math.max(p.established, registered);
        const until = p.dissolved && dereg ? Math.min(p.dissolved, dereg) : p.dissolved || dereg;
        if (since > asOf || (until && until < since)) continue;
        out += `${id}\t${i + 1}\t${d(since)}\t${d(until)}\n`;
        rows++;
      }
      if (out.length > CHUNK) {
        state.rows = rows;
        yield out;
        out = '';
      }
    }
    if (out) yield out;
    return rows;
  }

  function* partyMember(state: { rows: number }): Generator<string, number, undefined> {
    const m = model.members;
    let out = '';
    const seen = new Set<number>();
    for (let k = 0; k < m.n; k++) {
      rng.reseed(seed, S.member, k);
      const i = m.organization[k];
      const male = m.male[k] === 1;
      const div = rng.chance(0.7) ? rng.int(0, 11) : rng.int(12, BIRTH_DIVISIONS.length - 1);
      const birth = m.birth[k];
      let seq = rng.int(0, 499) * 2 + (male ? 1 : 0);
      // Identity numbers are unique: step the sequence number (keeping its sex parity) on a clash.
      const base = (div * 100_000 + birth) * 1000;
      while (seen.has(base + seq)) seq = (seq + 2) % 1000;
      seen.add(base + seq);
      const first17 = BIRTH_DIVISIONS[div] + days.compact(birth) + String(seq).padStart(3, '0');
      const street = geo.streets[o.street[i]];
      const dist = geo.districts[street.district];
      const holder = m.holder[k];
      out +=
        `${k + 1}\t${personName(rng, male)}\t${male ? 'M' : 'F'}\t${d(birth)}\t${phone(rng)}\t${first17}${idNumberCheck(first17)}\t` +
        `${dist.name}${street.name}${placeWord(rng)}小区${rng.int(1, 30)}号楼\t${i + 1}\t${d(m.employed[k])}\t${STAGES[m.stage[k]]}\t` +
        `${d(m.applied[k])}\t${d(m.activist[k])}\t${d(m.candidate[k])}\t${d(m.probationary[k])}\t${d(m.full[k])}\t${HOLDERS[holder]}\t` +
        `${holder === HOLDER_PARTY ? m.partyOrganization[k] : N}\t${m.ledger[k] ? HOLDERS[m.ledger[k]] : N}\t${m.ledgerArea[k] || N}\t` +
        `${d(m.ledgerSince[k])}\t${d(m.transferred[k])}\t${m.revealed[k] ? 't' : 'f'}\t${d(m.revealed[k])}\n`;
      if (out.length > CHUNK) {
        state.rows = k + 1;
        yield out;
        out = '';
      }
    }
    if (out) yield out;
    return m.n;
  }

  function* instructor(): Generator<string, number, undefined> {
    let out = '';
    for (const ins of model.instructors) {
      rng.reseed(seed, S.instructor, -ins.id);
      const where = ins.district >= 0 ? geo.districts[ins.district].name : '市';
      const employer = rng.pick(INSTRUCTOR_EMPLOYERS);
      const employerText = ['组织部', '党校', '机关工委'].includes(employer) ? `${where === '市' ? '市委' : `${where}委`}${employer}` : employer;
      out += `${ins.id}\t${namesOf().instructors[ins.id]}\t${phone(rng)}\t${ins.poolAreaId}\t${employerText}\t${d(ins.joinedOn)}\t${d(ins.leftOn)}\n`;
      if (out.length > CHUNK) {
        yield out;
        out = '';
      }
    }
    if (out) yield out;
    return model.instructors.length;
  }

  function* workGroupMember(): Generator<string, number, undefined> {
    let out = '';
    for (const w of model.workGroup) {
      rng.reseed(seed, S.workGroup, -w.id);
      out += `${w.id}\t${geo.streets[w.street].id}\t${namesOf().workGroup[w.id]}\t${phone(rng)}\t${rng.pick(WORK_GROUP_TITLES)}\t${d(w.joinedOn)}\t${d(w.leftOn)}\n`;
    }
    yield out;
    return model.workGroup.length;
  }

  function* liaisonPoint(state: { rows: number }): Generator<string, number, undefined> {
    const l = model.liaison;
    let out = '';
    for (let p = 0; p < l.n; p++) {
      const k = l.kind[p];
      const r = l.responsible[p];
      out +=
        `${p + 1}\t${LIAISON_KINDS[k]}\t${l.organization[p] + 1}\t${k === LIAISON_DIRECT ? r : N}\t${k === LIAISON_MEMBER_UNIT ? r : N}\t` +
        `${k === LIAISON_WORK_GROUP ? r : N}\t${k === LIAISON_INSTRUCTOR ? r : N}\t${d(l.since[p])}\t${d(l.until[p])}\n`;
      if (out.length > CHUNK) {
        state.rows = p + 1;
        yield out;
        out = '';
      }
    }
    if (out) yield out;
    return l.n;
  }

  // Visits a year, before and during the campaign (its last CAL.campaignDays days), per kind.
  const VISIT_RATES = [
    [4, 8], // DIRECT
    [2, 4], // MEMBER_UNIT
    [0.1, 0.6], // WORK_GROUP
    [1, 2.5], // INSTRUCTOR
  ];
  const INTENTIONS = ['WILLING', 'UNDECIDED', 'UNWILLING'];
  function intention(hasOwn: boolean): string {
    const u = rng.float();
    if (u < 0.15) return N;
    if (hasOwn) return u < 0.95 ? 'WILLING' : 'UNDECIDED';
    return u < 0.55 ? INTENTIONS[0] : u < 0.88 ? INTENTIONS[1] : INTENTIONS[2];
  }

  function* visit(state: { rows: number }): Generator<string, number, undefined> {
    const l = model.liaison;
    const campaignStart = asOf - CAL.campaignDays;
    const committees = geo.committees.map((c) => (c.district < 0 ? '市两新工委' : `${geo.districts[c.district].name}两新工委`));
    let out = '';
    let id = 0;
    const dates: number[] = [];
    for (let p = 0; p < l.n; p++) {
      rng.reseed(seed, S.visit, p);
      const i = l.organization[p];
      const k = l.kind[p];
      const start = Math.max(l.since[p], asOf - CAL.historyDays);
      let end = l.until[p] || asOf;
      // A blind spot is one nobody has visited lately: keep its visits well outside 90 days.
      if (o.cls[i] === BLIND_SPOT) end = Math.min(end, asOf - 100);
      dates.length = 0;
      if (start <= end) {
        const [before, during] = VISIT_RATES[k];
        const oldEnd = Math.min(end, campaignStart - 1);
        if (oldEnd >= start) for (let n = rng.poisson((before * (oldEnd - start + 1)) / 365); n > 0; n--) dates.push(rng.int(start, oldEnd));
        const newStart = Math.max(start, campaignStart);
        if (end >= newStart) for (let n = rng.poisson((during * (end - newStart + 1)) / 365); n > 0; n--) dates.push(rng.int(newStart, end));
      }
      // Work-covered without an instructor means its 专包 member visited within 90 days.
      if (o.cls[i] === WORK_COVERED && !o.instructor[i] && k === LIAISON_WORK_GROUP && !l.until[p]) {
        const lo = Math.max(l.since[p], asOf - 80);
        if (!dates.some((x) => x >= lo)) dates.push(rng.int(lo, asOf));
      }
      if (dates.length === 0) continue;
      dates.sort((a, b) => a - b);
      const r = l.responsible[p];
      const visitor =
        k === LIAISON_WORK_GROUP
          ? namesOf().workGroup[r]
          : k === LIAISON_INSTRUCTOR
            ? namesOf().instructors[r]
            : k === LIAISON_DIRECT
              ? `${committees[r - 1]}${personName(rng, rng.chance(0.6))}`
              : `${geo.memberUnits[r - 1].name}${personName(rng, rng.chance(0.6))}`;
      const hasOwn = o.ownPo[i] > 0 && o.cls[i] === COVERED;
      for (const day of dates) {
        id++;
        out +=
          `${id}\t${p + 1}\t${i + 1}\t${days.iso(day)}\t${visitor}\t${intention(hasOwn)}\t${intention(hasOwn)}\t` +
          `${rng.chance(0.45) ? problemText(rng) : N}\t${rng.chance(0.55) ? helpText(rng) : N}\n`;
      }
      if (out.length > CHUNK) {
        state.rows = id;
        yield out;
        out = '';
      }
    }
    if (out) yield out;
    return id;
  }

  // Activities a year by kind (order of ACTIVITY_KINDS): ordinary Party organizations, and
  // committees and container ones, which host the salons, lectures and trainings.
  const ORDINARY_RATES = [1.5, 0.5, 0.25, 0.15, 0.12, 0.2];
  const HOST_RATES = [2, 1, 1, 1, 1.5, 0.6];
  function* activity(state: { rows: number }): Generator<string, number, undefined> {
    const partyOrgs = model.partyOrgs;
    let out = '';
    let id = 0;
    const items: number[] = [];
    for (const p of partyOrgs) {
      rng.reseed(seed, S.activity, p.id);
      const start = Math.max(p.established, asOf - CAL.historyDays);
      let end = p.dissolved || asOf;
      // A weak Party organization has done nothing in the last 90 days (well outside it here).
      if (p.weak) end = Math.min(end, asOf - 100);
      items.length = 0;
      const host = p.role !== 'JOINT' && p.role !== 'STANDALONE' && p.role !== 'PREDECESSOR' && p.role !== 'DISSOLVED_STANDALONE';
      const rates = host ? HOST_RATES : ORDINARY_RATES;
      if (start <= end) {
        const yearsSpan = (end - start + 1) / 365;
        for (let kind = 0; kind < rates.length; kind++) {
          for (let n = rng.poisson(rates[kind] * yearsSpan); n > 0; n--) items.push(rng.int(start, end) * 8 + kind);
        }
        // The founding meeting, where it falls within the history.
        if (p.established >= start && p.established <= end) items.push(p.established * 8 + 7);
      }
      if (!p.weak && !p.dissolved) {
        const lo = Math.max(p.established, asOf - 80);
        if (!items.some((x) => x >> 3 >= lo)) items.push(rng.int(lo, asOf) * 8);
      }
      items.sort((a, b) => a - b);
      for (const item of items) {
        const day = item >> 3;
        const kind = item & 7;
        const { y, m: month } = dayToCivil(day);
        const founding = kind === 7;
        const k = founding ? 0 : kind;
        const title = founding ? `${p.name}成立大会` : activityTitle(rng, k, month, y, p.kind);
        let participants: number;
        if (k <= 1) participants = p.members > 0 ? Math.max(3, Math.round(p.members * (0.6 + 0.4 * rng.float()))) : rng.int(5, 15);
        else if (k <= 4) participants = p.members > 0 ? Math.round(p.members * (0.5 + rng.float())) + rng.int(5, 40) : rng.int(20, 150);
        else participants = rng.int(5, 40);
        id++;
        out += `${id}\t${p.id}\t${ACTIVITY_KINDS[k]}\t${title}\t${days.iso(day)}\t${participants}\n`;
      }
      if (out.length > CHUNK) {
        state.rows = id;
        yield out;
        out = '';
      }
    }
    if (out) yield out;
    return id;
  }

  function* fundBudget(): Generator<string, number, undefined> {
    // The seed's 10 million CNY for the year of asOf; the two years before a little less.
    yield `${year - 2}\t${CITY_ID}\t${CITY_BUDGET_FEN * 0.8}\n${year - 1}\t${CITY_ID}\t${CITY_BUDGET_FEN * 0.9}\n${year}\t${CITY_ID}\t${CITY_BUDGET_FEN}\n`;
    return 3;
  }

  function* fundEntry(): Generator<string, number, undefined> {
    const partyOrgs = model.partyOrgs;
    let out = '';
    let id = 0;
    const entry = (fund: string, kind: string, areaId: number, po: number, y: number, amount: number, on: number, note: string) => {
      id++;
      out += `${id}\t${fund}\t${kind}\t${areaId}\t${po || N}\t${y}\t${amount}\t${days.iso(on)}\t${note}\n`;
    };
    const r = new Rng(0);
    for (const f of model.workingFunds) {
      if (f.members === 0) continue;
      r.reseed(seed, S.funds, f.year * 100 + f.district);
      const areaId = geo.districts[f.district].id;
      const jan1 = civilToDay(f.year, 1, 1);
      const entitled = f.members * WORKING_FUND_PER_MEMBER_FEN;
      entry('WORKING', 'ENTITLED', areaId, 0, f.year, entitled, Math.min(asOf, jan1 + r.int(5, 25)), `按年初组织关系在两新党组织的党员${f.members}名、每人300元核定`);
      // Allocated in two tranches (spring 60 %, autumn the rest); paid out weeks later, the
      // last year's second tranche not always in full: some money is still outstanding.
      const first = Math.round(entitled * 0.6);
      const tranches: [number, number, string][] = [
        [first, jan1 + r.int(70, 100), '第一批'],
        [entitled - first, jan1 + r.int(240, 280), '第二批'],
      ];
      for (const [amount, on, label] of tranches) {
        if (on > asOf || amount <= 0) continue;
        entry('WORKING', 'ALLOCATED', areaId, 0, f.year, amount, on, `工作经费${label}拨付`);
        const paidOn = on + r.int(10, 60);
        if (paidOn > asOf) continue;
        const share = f.year === year - 1 && label === '第二批' ? 0.8 + 0.2 * r.float() : 1;
        const paid = Math.round(amount * share);
        if (paid > 0) entry('WORKING', 'DISBURSED', areaId, 0, f.year, paid, paidOn, `工作经费${label}支出`);
      }
    }
    const from = civilToDay(year - 2, 1, 1);
    for (const p of partyOrgs) {
      if (p.established < from || p.role === 'STREET' || p.role === 'DISTRICT_NPE' || p.role === 'DISTRICT_SOCIAL') continue;
      r.reseed(seed, S.funds, -p.id);
      const y = dayToCivil(p.established).y;
      const areaId = geo.districts[p.district].id;
      const entitledOn = Math.min(asOf, p.established + r.int(0, 10));
      entry('STARTUP', 'ENTITLED', areaId, p.id, y, STARTUP_FUND_FEN, entitledOn, `${p.name}启动经费`);
      if (!r.chance(y < year ? 0.97 : 0.85)) continue;
      const allocatedOn = entitledOn + r.int(10, 60);
      if (allocatedOn > asOf) continue;
      entry('STARTUP', 'ALLOCATED', areaId, p.id, y, STARTUP_FUND_FEN, allocatedOn, '启动经费拨付');
      const paidOn = allocatedOn + r.int(5, 45);
      if (paidOn <= asOf && r.chance(0.85)) entry('STARTUP', 'DISBURSED', areaId, p.id, y, STARTUP_FUND_FEN, paidOn, '启动经费支出');
    }
    if (out) yield out;
    return id;
  }

  const t = (name: TableName, columns: string, chunks: (state: { rows: number }) => Generator<string, number, undefined>): GeneratedTable => {
    const state = { rows: 0 };
    return {
      name,
      columns: columns.split(/,\s*/),
      chunks: () => {
        state.rows = 0;
        return chunks(state);
      },
      rowsWritten: () => state.rows,
    };
  };
  return [
    t('area', 'id, code, name, level, parent_id, path', area),
    t('working_committee', 'id, name, level, area_id, established_on', workingCommittee),
    t('member_unit', 'id, committee_id, name, domain, joined_on', memberUnit),
    t('park', 'id, name, level, area_id, established_on', park),
    t('building', 'id, name, street_id, park_id, address, floors, annual_tax_fen, opened_on', building),
    t('business_district', 'id, name, kind, street_id, opened_on', businessDistrict),
    t(
      'organization',
      'id, credit_code, name, category, industry, employees, registered_on, deregistered_on, status, street_id, park_id, building_id, ' +
        'business_district_id, supervisory_unit_id, address, is_key, source, declared_party_members, declared_has_party_organization',
      organization,
    ),
    t(
      'party_organization',
      'id, name, kind, formation, anchor, area_id, organization_id, park_id, building_id, business_district_id, industry, parent_id, ' +
        'established_on, dissolved_on, secretary_member_id',
      partyOrganization,
    ),
    t('party_organization_coverage', 'party_organization_id, organization_id, since, until', coverage),
    t(
      'party_member',
      'id, name, gender, birth_date, phone, id_number, address, organization_id, employed_since, stage, applied_on, activist_on, ' +
        'candidate_on, probationary_on, full_on, relation_holder, party_organization_id, ledger, ledger_area_id, ledger_since, ' +
        'transferred_on, identity_revealed, revealed_on',
      partyMember,
    ),
    t('instructor', 'id, name, phone, pool_area_id, employer, joined_pool_on, left_pool_on', instructor),
    t('work_group_member', 'id, street_id, name, phone, title, joined_on, left_on', workGroupMember),
    t('liaison_point', 'id, kind, organization_id, committee_id, member_unit_id, work_group_member_id, instructor_id, since, until', liaisonPoint),
    t('visit', 'id, liaison_point_id, organization_id, visited_on, visitor, owner_intention, members_intention, problems, help_given', visit),
    t('activity', 'id, party_organization_id, kind, title, held_on, participants', activity),
    t('fund_budget', 'year, area_id, amount_fen', fundBudget),
    t('fund_entry', 'id, fund, entry, area_id, party_organization_id, year, amount_fen, entered_on, note', fundEntry),
  ];
}

