import type { TestDatabase } from '@liangxin/db';
import ExcelJS from 'exceljs';
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { sql, startTestApp, testDatabase, type GraphQLResponse, type TestApp } from '../../test/helpers.js';
import { insertMatrixFixture, MATRIX_AREAS, MATRIX_AS_OF, MATRIX_CODES } from '../../test/matrix-fixture.js';
import { csv, orgCode } from '../import/import-fixture.js';
import { maskIdNumber, maskName, maskPhone } from '../graph/party-member/personal-data.js';
import { fromGlobalId, toGlobalId } from '../relay/cursor.js';
import { createIntegrationToken } from './integration-token.js';

/**
 * The authorization matrix (issue 6): every role — city analyst, city administrator, district
 * officer of district A (历下区), street worker of street A1 (解放路街道), integration token with
 * read + import for district A — against its home area and foreign areas, for every root field of
 * Query, `node` / `nodes` of every node type, the spreadsheet exports and an import; plus
 * anonymous requests (401 for every root field) and read-only principals (403 for every mutation,
 * before any SQL).
 *
 * The expectations are computed, not written down: what each role may see is derived with plain
 * SQL as the owner from the rules of docs/security.md (organizations by street in the reach,
 * members by organization, ledger area or Party organization, …), and aggregated figures are
 * compared with what the city administrator gets for the role's own area. Every response body of
 * every role is searched for the names, numbers and global ids of the rows the role may not see,
 * and, for roles that may not read personal data, for every member's and instructor's personal
 * data as recorded.
 *
 * The fixture is test/matrix-fixture.ts; a new root field, node type or mutation without a case
 * here fails the first describe block.
 */

// ---------------------------------------------------------------------------------------------
// Roles and areas
// ---------------------------------------------------------------------------------------------

type AreaKey = keyof typeof MATRIX_AREAS;

interface AreaCase {
  /** home: the role's own area; foreign: outside it (for a city role, simply another district). */
  readonly kind: 'home' | 'foreign';
  readonly key: AreaKey;
  readonly id: number;
  readonly code: string;
  /** A text `search` finds in this area's names. */
  readonly searchText: string;
}

interface RoleCase {
  readonly key: 'analyst' | 'admin' | 'officer' | 'worker' | 'token';
  readonly label: string;
  /** Area ids the principal is bound to; null: the whole city. */
  readonly roots: readonly number[] | null;
  /** The division code of its area (the administrator's answer for it is this role's whole view). */
  readonly rootCode: string | null;
  readonly personalData: boolean;
  readonly mayImport: boolean;
  readonly areas: readonly AreaCase[];
}

const SEARCH_TEXT: Record<AreaKey, string> = {
  city: '济南',
  districtA: '历下',
  districtB: '大观',
  streetA1: '解放',
  streetA2: '佛山',
  streetB1: '经开',
  streetB2: '桥西',
};

function area(kind: AreaCase['kind'], key: AreaKey): AreaCase {
  return { kind, key, ...MATRIX_AREAS[key], searchText: SEARCH_TEXT[key] };
}

const ROLES: readonly RoleCase[] = [
  { key: 'analyst', label: 'city analyst', roots: null, rootCode: null, personalData: false, mayImport: false, areas: [area('home', 'districtA'), area('foreign', 'districtB')] },
  { key: 'admin', label: 'city administrator', roots: null, rootCode: null, personalData: true, mayImport: true, areas: [area('home', 'districtA'), area('foreign', 'districtB')] },
  {
    key: 'officer',
    label: 'district officer of 历下区',
    roots: [MATRIX_AREAS.districtA.id],
    rootCode: MATRIX_AREAS.districtA.code,
    personalData: true,
    mayImport: true,
    areas: [area('home', 'districtA'), area('foreign', 'districtB')],
  },
  {
    key: 'worker',
    label: 'street worker of 解放路街道',
    roots: [MATRIX_AREAS.streetA1.id],
    rootCode: MATRIX_AREAS.streetA1.code,
    personalData: true,
    mayImport: true,
    areas: [area('home', 'streetA1'), area('foreign', 'streetA2'), area('foreign', 'districtB')],
  },
  {
    key: 'token',
    label: 'integration token (read, import) of 历下区',
    roots: [MATRIX_AREAS.districtA.id],
    rootCode: MATRIX_AREAS.districtA.code,
    personalData: false,
    mayImport: true,
    areas: [area('home', 'districtA'), area('foreign', 'districtB')],
  },
];

const RUNS = ROLES.flatMap((role) => role.areas.map((a) => ({ role, area: a })));

// ---------------------------------------------------------------------------------------------
// What each role may see, in plain SQL as the owner (docs/security.md, "Where")
// ---------------------------------------------------------------------------------------------

const NODE_TYPES = [
  'Area',
  'Park',
  'Building',
  'BusinessDistrict',
  'WorkingCommittee',
  'MemberUnit',
  'WorkGroupMember',
  'Organization',
  'PartyOrganization',
  'PartyMember',
  'Instructor',
  'LiaisonPoint',
  'Visit',
  'Activity',
  'Fund',
] as const;
type NodeType = (typeof NODE_TYPES)[number];

/**
 * Each node type: its table, the area a row lies in (for "rows of an area"), and the text of a
 * row that must never reach a role that may not see it. $1: the principal's area ids, NULL for
 * the city.
 */
const NODE_TABLES: Record<NodeType, { table: string; areaOf: string; text: string }> = {
  Area: { table: 'area', areaOf: 't.id', text: 'ARRAY[t.name]' },
  Park: { table: 'park', areaOf: 't.area_id', text: 'ARRAY[t.name]' },
  Building: { table: 'building', areaOf: 't.street_id', text: 'ARRAY[t.name, t.address]' },
  BusinessDistrict: { table: 'business_district', areaOf: 't.street_id', text: 'ARRAY[t.name]' },
  WorkingCommittee: { table: 'working_committee', areaOf: 't.area_id', text: 'ARRAY[t.name]' },
  MemberUnit: { table: 'member_unit', areaOf: '(SELECT c.area_id FROM working_committee c WHERE c.id = t.committee_id)', text: 'ARRAY[t.name]' },
  WorkGroupMember: { table: 'work_group_member', areaOf: 't.street_id', text: 'ARRAY[t.name, t.phone]' },
  Organization: { table: 'organization', areaOf: 't.street_id', text: 'ARRAY[t.name, t.credit_code::text, t.address]' },
  PartyOrganization: { table: 'party_organization', areaOf: 't.area_id', text: 'ARRAY[t.name]' },
  PartyMember: {
    table: 'party_member',
    areaOf: '(SELECT o.street_id FROM organization o WHERE o.id = t.organization_id)',
    text: 'ARRAY[t.name, t.phone, t.id_number, t.address]',
  },
  Instructor: { table: 'instructor', areaOf: 't.pool_area_id', text: 'ARRAY[t.name, t.phone, t.employer]' },
  LiaisonPoint: { table: 'liaison_point', areaOf: '(SELECT o.street_id FROM organization o WHERE o.id = t.organization_id)', text: 'ARRAY[]::text[]' },
  Visit: { table: 'visit', areaOf: '(SELECT o.street_id FROM organization o WHERE o.id = t.organization_id)', text: 'ARRAY[t.visitor, t.problems, t.help_given]' },
  Activity: { table: 'activity', areaOf: '(SELECT p.area_id FROM party_organization p WHERE p.id = t.party_organization_id)', text: 'ARRAY[t.title]' },
  Fund: { table: 'fund_entry', areaOf: 't.area_id', text: 'ARRAY[t.note]' },
};

/** The rows a principal bound to the areas $1 (NULL: the city) may see, by node type. */
const VISIBLE_SQL = `
  WITH reach AS (SELECT id FROM area WHERE $1::int[] IS NULL OR path && $1::int[]),
       orgs AS (SELECT id FROM organization WHERE street_id IN (SELECT id FROM reach)),
       visible_areas AS (SELECT id FROM reach UNION SELECT unnest(path) FROM area WHERE id = ANY ($1::int[])),
       place_areas AS (SELECT id FROM visible_areas
                       UNION SELECT unnest(a.path) FROM liaison_point lp JOIN instructor i ON i.id = lp.instructor_id JOIN area a ON a.id = i.pool_area_id
                        WHERE lp.organization_id IN (SELECT id FROM orgs)),
       pos AS (SELECT id FROM party_organization WHERE area_id IN (SELECT id FROM reach)
               OR id IN (SELECT party_organization_id FROM party_organization_coverage WHERE organization_id IN (SELECT id FROM orgs))),
       committees AS (SELECT id FROM working_committee WHERE area_id IN (SELECT id FROM visible_areas))
  SELECT 'Area' AS type, id FROM area WHERE id IN (SELECT id FROM place_areas)
  UNION ALL SELECT 'Park', id FROM park WHERE area_id IN (SELECT id FROM visible_areas)
  UNION ALL SELECT 'Building', id FROM building WHERE street_id IN (SELECT id FROM reach)
  UNION ALL SELECT 'BusinessDistrict', id FROM business_district WHERE street_id IN (SELECT id FROM reach)
  UNION ALL SELECT 'WorkingCommittee', id FROM committees
  UNION ALL SELECT 'MemberUnit', id FROM member_unit WHERE committee_id IN (SELECT id FROM committees)
  UNION ALL SELECT 'WorkGroupMember', id FROM work_group_member WHERE street_id IN (SELECT id FROM reach)
  UNION ALL SELECT 'Organization', id FROM orgs
  UNION ALL SELECT 'PartyOrganization', id FROM pos
  UNION ALL SELECT 'PartyMember', id FROM party_member
    WHERE organization_id IN (SELECT id FROM orgs)
  UNION ALL SELECT 'Instructor', id FROM instructor
    WHERE pool_area_id IN (SELECT id FROM visible_areas) OR id IN (SELECT instructor_id FROM liaison_point WHERE organization_id IN (SELECT id FROM orgs))
  UNION ALL SELECT 'LiaisonPoint', id FROM liaison_point WHERE organization_id IN (SELECT id FROM orgs)
  UNION ALL SELECT 'Visit', id FROM visit WHERE organization_id IN (SELECT id FROM orgs)
  UNION ALL SELECT 'Activity', id FROM activity WHERE party_organization_id IN (SELECT id FROM pos)
  UNION ALL SELECT 'Fund', id FROM fund_entry WHERE area_id IN (SELECT id FROM reach)`;

type IdsByType = Record<NodeType, number[]>;

interface RowText {
  type: NodeType;
  id: number;
  text: string[];
}

/** What the matrix knows of a role, computed in beforeAll. */
interface Expected {
  authorization: string;
  visible: IdsByType;
  /** Strings that must appear in no response body of this role, each with what it is. */
  forbidden: { token: string; what: string; personal: boolean }[];
}

// ---------------------------------------------------------------------------------------------
// The app, the database and the expectations
// ---------------------------------------------------------------------------------------------

let db: TestDatabase;
let app: TestApp;
/** A pool: the matrix's tests run concurrently and ask in parallel. */
let owner: pg.Pool;
const expected = new Map<RoleCase['key'], Expected>();
let allRows: IdsByType;
const rowsInArea = new Map<AreaKey, IdsByType>();
let rowText: RowText[];
let members: Map<number, { name: string; phone: string | null; id_number: string; address: string | null }>;
let instructors: Map<number, { phone: string | null }>;

async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await owner.query(text, params)).rows as T[];
}

function byType(rows: { type: string; id: number }[]): IdsByType {
  const out = Object.fromEntries(NODE_TYPES.map((t) => [t, [] as number[]])) as IdsByType;
  for (const r of rows) out[r.type as NodeType].push(Number(r.id));
  for (const t of NODE_TYPES) out[t].sort((a, b) => a - b);
  return out;
}

const LOCATED_SQL = NODE_TYPES.map(
  (type) => `SELECT '${type}' AS type, t.id FROM ${NODE_TABLES[type].table} t WHERE ${NODE_TABLES[type].areaOf} IN (SELECT id FROM area WHERE path @> ARRAY[$1::int])`,
).join(' UNION ALL ');

const TEXT_SQL = NODE_TYPES.map(
  (type) => `SELECT '${type}' AS type, t.id, array_remove(${NODE_TABLES[type].text}, NULL) AS text FROM ${NODE_TABLES[type].table} t`,
).join(' UNION ALL ');

beforeAll(async () => {
  db = await testDatabase();
  await insertMatrixFixture(db.url);
  owner = new pg.Pool({ connectionString: db.url, max: 4 });
  // Several hundred requests a minute from each principal: the rate limits are not under test here.
  app = await startTestApp(db.url, { rateLimits: { perPrincipalPerMinute: 0, signInPerMinute: 0 } });
  const { token } = await createIntegrationToken(app.server.dataSource, { name: 'matrix', scopes: ['read', 'import'], areaIds: [MATRIX_AREAS.districtA.id] });

  allRows = byType(await q(VISIBLE_SQL, [null]));
  for (const key of Object.keys(MATRIX_AREAS) as AreaKey[]) rowsInArea.set(key, byType(await q(LOCATED_SQL, [MATRIX_AREAS[key].id])));
  rowText = (await q<{ type: NodeType; id: number; text: string[] }>(TEXT_SQL)).map((r) => ({ ...r, id: Number(r.id) }));
  members = new Map(
    (await q<{ id: number; name: string; phone: string | null; id_number: string; address: string | null }>('SELECT id, name, phone, id_number, address FROM party_member')).map((r) => [
      Number(r.id),
      r,
    ]),
  );
  instructors = new Map((await q<{ id: number; phone: string | null }>('SELECT id, phone FROM instructor')).map((r) => [Number(r.id), r]));
  const personal = [
    ...[...members.values()].flatMap((m) => [m.name, m.phone, m.id_number, m.address].filter((v): v is string => v !== null)),
    ...[...instructors.values()].flatMap((i) => (i.phone === null ? [] : [i.phone])),
  ];

  const authorizations: Record<RoleCase['key'], string> = {
    analyst: await app.authorizationAs({ role: 'CITY_ANALYST', username: 'matrix-analyst' }),
    admin: await app.authorizationAs({ role: 'CITY_ADMIN', username: 'matrix-admin' }),
    officer: await app.authorizationAs({ role: 'DISTRICT_OFFICER', areaId: MATRIX_AREAS.districtA.id, username: 'matrix-officer' }),
    worker: await app.authorizationAs({ role: 'STREET_WORKER', areaId: MATRIX_AREAS.streetA1.id, username: 'matrix-worker' }),
    token: `Bearer ${token}`,
  };
  for (const role of ROLES) {
    const visible = byType(await q(VISIBLE_SQL, [role.roots]));
    const seen = (type: NodeType, id: number) => visible[type].includes(id);
    const forbidden: Expected['forbidden'] = [];
    for (const row of rowText) {
      if (seen(row.type, row.id)) continue;
      forbidden.push({ token: JSON.stringify(toGlobalId(row.type, row.id)), what: `the global id of ${row.type} ${row.id}`, personal: false });
      for (const text of row.text) forbidden.push({ token: text, what: `${row.type} ${row.id}'s "${text}"`, personal: false });
    }
    if (!role.personalData) for (const value of personal) forbidden.push({ token: value, what: `personal data "${value}" as recorded`, personal: true });
    expected.set(role.key, { authorization: authorizations[role.key], visible, forbidden });
  }
});

afterAll(async () => {
  await owner?.end();
  await app?.close();
  await db?.drop();
});

function expectedOf(role: RoleCase): Expected {
  const e = expected.get(role.key);
  if (!e) throw new Error('beforeAll did not run');
  return e;
}

// ---------------------------------------------------------------------------------------------
// Asking, and what every answer must not hold
// ---------------------------------------------------------------------------------------------

type Data = Record<string, any>;

/**
 * Fails when `text` holds anything of a row the role may not see (or personal data it may not
 * read), apart from what the role itself sent (`sent`: an uploaded file echoed in its report).
 */
function expectNoLeak(x: ExpectStatic, role: RoleCase, text: string, what: string, sent = ''): void {
  const leaks = expectedOf(role)
    .forbidden.filter((f) => text.includes(f.token) && !sent.includes(f.token))
    .map((f) => f.what);
  x(leaks, `LEAK to the ${role.label} in ${what}`).toEqual([]);
}

async function ask(x: ExpectStatic, role: RoleCase, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<Data>> {
  const response = await app.gql<Data>(query, variables, { authorization: expectedOf(role).authorization });
  expectNoLeak(x, role, JSON.stringify(response.body), `the answer to ${query.replace(/\s+/g, ' ').slice(0, 120)} ${JSON.stringify(variables)}`);
  return response;
}

/** The data of an answer that must have no errors. */
async function data(x: ExpectStatic, role: RoleCase, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await ask(x, role, query, variables);
  x(response.body.errors, `errors for the ${role.label}`).toBeUndefined();
  x(response.status).toBe(200);
  return response.body.data!;
}

const ADMIN = ROLES.find((r) => r.key === 'admin')!;
const adminAnswers = new Map<string, Promise<Data>>();

/** The city administrator's answer (the reference: it sees everything), asked once per document and variables. */
function adminData(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const key = JSON.stringify([query, variables]);
  let answer = adminAnswers.get(key);
  if (!answer) {
    answer = app.gql<Data>(query, variables, { authorization: expectedOf(ADMIN).authorization }).then((r) => {
      if (r.body.errors) throw new Error(`the administrator's reference answer failed: ${JSON.stringify(r.body.errors)}`);
      return r.body.data!;
    });
    adminAnswers.set(key, answer);
  }
  return answer;
}

function rowIdOf(globalId: string, type?: string): number {
  const parsed = fromGlobalId(globalId);
  if (!parsed || (type && parsed.typeName !== type)) throw new Error(`not a global id of ${type ?? 'a node'}: ${globalId}`);
  return parsed.id;
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const idsOf = (nodes: { id: string }[], type: string) => sorted(nodes.map((n) => rowIdOf(n.id, type)));
const intersect = (a: number[], b: number[]) => a.filter((x) => b.includes(x));

/**
 * The ids a role gets for a filtered question, against the administrator's answer to it: in its
 * home area (and for city roles anywhere) exactly the administrator's rows it may see; in a
 * foreign area at most those. A foreign area is itself invisible to a scoped role, so a filter
 * naming it matches nothing, even the few visible rows that belong to it: members 3, 6 and 10
 * (organizations of other streets, seen through a ledger or Party organization at home) and
 * instructor 4 (市中区's pool, assigned at home).
 */
function expectScopedIds(x: ExpectStatic, role: RoleCase, a: AreaCase, got: number[], reference: number[], visible: number[], what: string): void {
  const allowed = intersect(reference, visible);
  if (a.kind === 'home' || role.roots === null) x(got, `${what}: the administrator's rows the role may see`).toEqual(allowed);
  else x(got.filter((id) => !allowed.includes(id)), `${what}: rows beyond the administrator's rows the role may see`).toEqual([]);
}

/** Members' and instructors' personal data: as recorded for roles that may read it, masked for the others. */
function expectPersonalData(x: ExpectStatic, role: RoleCase, type: 'PartyMember' | 'Instructor', nodes: Data[]): void {
  for (const node of nodes) {
    const id = rowIdOf(node.id, type);
    if (type === 'PartyMember') {
      const m = members.get(id)!;
      const want = role.personalData
        ? { name: m.name, phone: m.phone, idNumber: m.id_number, address: m.address }
        : { name: maskName(m.name), phone: maskPhone(m.phone), idNumber: maskIdNumber(m.id_number), address: null };
      const got = Object.fromEntries(Object.keys(want).filter((k) => k in node).map((k) => [k, node[k]]));
      x(got, `personal data of member ${id} for the ${role.label}`).toEqual(Object.fromEntries(Object.keys(got).map((k) => [k, want[k as keyof typeof want]])));
    } else if ('phone' in node) {
      const phone = instructors.get(id)!.phone;
      x(node.phone, `phone of instructor ${id} for the ${role.label}`).toBe(role.personalData ? phone : maskPhone(phone));
    }
  }
}

/** Numbers of an aggregate answer without the keys that name the area it is for. */
const FIGURE_LABELS = ['areaCode', 'areaName', 'scope', 'label', 'key'];

function figures(value: unknown, drop: readonly string[] = FIGURE_LABELS): unknown {
  if (Array.isArray(value)) return value.map((v) => figures(v, drop));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !drop.includes(k)).map(([k, v]) => [k, figures(v, drop)]));
  }
  return value;
}

/** The counts of an aggregate answer that are not zero (dates, windows, years, scores and the city budget aside). */
function countsNothing(value: unknown, path = ''): string[] {
  const keep = ['window', 'year', 'budgetFen', 'budgetBalanceFen', 'entitledShareOfBudget', 'score', 'rank'];
  if (Array.isArray(value)) return value.flatMap((v, i) => countsNothing(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (keep.includes(k) ? [] : countsNothing(v, path ? `${path}.${k}` : k)));
  return typeof value === 'number' && value !== 0 ? [`${path} = ${value}`] : [];
}

// ---------------------------------------------------------------------------------------------
// The cases of the root fields of Query
// ---------------------------------------------------------------------------------------------

interface RunContext {
  x: ExpectStatic;
  role: RoleCase;
  area: AreaCase;
  visible: IdsByType;
}

interface RootCase {
  /** The document (anonymous requests send it too); `$scope` etc. are filled by `check`. */
  readonly document: string;
  readonly check: (ctx: RunContext) => Promise<void>;
}

const LIST_SELECTIONS: Record<string, { type: NodeType; fields: string }> = {
  areas: { type: 'Area', fields: 'code name level' },
  organizations: { type: 'Organization', fields: 'name creditCode address' },
  buildings: { type: 'Building', fields: 'name address' },
  businessDistricts: { type: 'BusinessDistrict', fields: 'name' },
  memberUnits: { type: 'MemberUnit', fields: 'name' },
  parks: { type: 'Park', fields: 'name' },
  workGroupMembers: { type: 'WorkGroupMember', fields: 'name phone' },
  workingCommittees: { type: 'WorkingCommittee', fields: 'name' },
  activities: { type: 'Activity', fields: 'title' },
  funds: { type: 'Fund', fields: 'note amountFen' },
  instructors: { type: 'Instructor', fields: 'name phone employer' },
  liaisonPoints: { type: 'LiaisonPoint', fields: 'kind' },
  partyMembers: { type: 'PartyMember', fields: 'name phone idNumber address' },
  partyOrganizations: { type: 'PartyOrganization', fields: 'name' },
  visits: { type: 'Visit', fields: 'visitor problems helpGiven' },
};

/**
 * A list root field: the whole list (first 100: more than the fixture holds) must be exactly the
 * rows the role may see, with that totalCount; the list filtered to the area, the administrator's
 * rows of it that the role may see.
 */
function listCase(field: string): RootCase {
  const { type, fields } = LIST_SELECTIONS[field]!;
  const document = `query ($scope: String) {
    all: ${field}(first: 100) { totalCount nodes { id ${fields} } }
    scoped: ${field}(first: 100, filter: { scope: $scope }) { totalCount nodes { id ${fields} } }
  }`;
  return {
    document,
    async check({ x, role, area: a, visible }) {
      const variables = { scope: a.code };
      const got = await data(x, role, document, variables);
      x(idsOf(got.all.nodes, type), `${field}: every ${type} the role may see`).toEqual(visible[type]);
      x(got.all.totalCount, `${field}: totalCount`).toBe(visible[type].length);
      const reference = await adminData(document, variables);
      expectScopedIds(x, role, a, idsOf(got.scoped.nodes, type), idsOf(reference.scoped.nodes, type), visible[type], `${field}(filter: { scope: ${a.code} })`);
      x(got.scoped.totalCount, `${field}(scope).totalCount`).toBe(got.scoped.nodes.length);
      if (type === 'PartyMember' || type === 'Instructor') expectPersonalData(x, role, type, [...got.all.nodes, ...got.scoped.nodes]);
    },
  };
}

/**
 * An aggregate over an area: asked for the area, and for the whole city. A city role gets the
 * administrator's figures. A scoped role gets, for the city, the administrator's figures of its
 * own area (its view is its area); for its home area, the administrator's figures; for a foreign
 * area, either a refusal of the scope or nothing counted.
 */
function aggregateCase(
  field: string,
  document: string,
  variables: Record<string, unknown>,
  /** What of the answer for the city must equal the administrator's answer for the role's area (rows differ: districts vs streets). */
  view: (value: Data) => unknown,
  extra?: (ctx: RunContext, city: Data) => Promise<void> | void,
): RootCase {
  return {
    document,
    async check(ctx) {
      const { x, role, area: a } = ctx;
      if (a.kind === 'home') {
        // Once per role: the whole city as this role sees it.
        const city = await data(x, role, document, { ...variables, scope: null });
        await extra?.(ctx, city[field]);
        const rootReference = await adminData(document, { ...variables, scope: role.rootCode });
        // Weak Party organizations are the exception: a scoped role also sees the Party
        // organizations above its area that cover its organizations (a park's, a district's), and
        // counts them in its own city figures, while the administrator files them under their own area.
        const drop = [...FIGURE_LABELS, ...(role.roots === null ? [] : ['weakPartyOrganizations'])];
        x.soft(figures(view(city[field]), drop), `${field} of the city for the ${role.label}: the administrator's figures of ${role.rootCode ?? 'the city'}`).toEqual(
          figures(view(rootReference[field]), drop),
        );
      }
      const scoped = await ask(x, role, document, { ...variables, scope: a.code });
      if (a.kind === 'home' || role.roots === null) {
        x(scoped.body.errors).toBeUndefined();
        x.soft(scoped.body.data![field], `${field} of ${a.code}: the administrator's`).toEqual((await adminData(document, { ...variables, scope: a.code }))[field]);
      } else if (scoped.body.errors) {
        x(scoped.body.errors.map((e) => e.extensions?.code), `${field} of the foreign ${a.code}: refused as an unknown scope`).toEqual(['BAD_USER_INPUT']);
      } else {
        x(countsNothing(scoped.body.data![field]), `${field} of the foreign ${a.code}: nothing counted`).toEqual([]);
      }
    },
  };
}

const COVERAGE_STATS = 'inScope organizationCovered workCovered blindSpots organizationCoverageRate workCoverageRate overallCoverageRate standaloneEligibleUncovered weakPartyOrganizations asOf window';
const BLIND_SPOT = 'organization { id name creditCode } fullMembers standaloneEligible lastVisitOn hasWorkGroupContact hasLiaisonPoint lacks';
const LEDGER_ROW = 'areaCode areaName held transferred identityRevealed identityNotRevealed ledgers { ledger held transferred identityRevealed identityNotRevealed }';
const FUNDS_ROW = 'areaCode areaName workingFundMembers entitledWorkingFen newPartyOrganizations entitledStartupFen entitledFen allocatedFen disbursedFen outstandingFen';
const REPORT_ROW =
  'areaCode areaName partyOrganizationsEstablished organizationsNewlyCovered blindSpotsAtStart blindSpotsAtEnd visits membersTransferred identitiesRevealed inScopeAtStart inScopeAtEnd overallCoverageRateAtStart overallCoverageRateAtEnd coverageRateChange score rank';

/** Global ids of the sample node of each type in an area (its smallest id), as variables of `node`. */
function samples(a: AreaCase): Partial<Record<NodeType, number>> {
  const rows = rowsInArea.get(a.key)!;
  return Object.fromEntries(NODE_TYPES.filter((t) => rows[t].length > 0).map((t) => [t, rows[t][0]!]));
}

/**
 * A root field of account and token administration: the administrator gets every row the table
 * holds; every other role 403 NOT_ADMINISTRATOR (auth/permissions.ts, `administer`).
 */
function administratorsOnly(document: string, field: string, rowsSql: string, nameOf: (item: Record<string, string>) => string): RootCase {
  return {
    document,
    async check({ x, role }) {
      if (role.key === 'admin') {
        const got = await data(x, role, document);
        const rows = (await sql(db.url, rowsSql)).rows.map((r) => r.name);
        x(got[field].map(nameOf)).toEqual(rows);
        return;
      }
      const response = await ask(x, role, document);
      x(response.status).toBe(403);
      x(response.body.errors?.map((e) => e.extensions)).toEqual([{ code: 'FORBIDDEN', reason: 'NOT_ADMINISTRATOR' }]);
    },
  };
}

const ROOT_CASES: Record<string, RootCase> = {
  ...Object.fromEntries(Object.keys(LIST_SELECTIONS).map((field) => [field, listCase(field)])),

  area: {
    document: 'query ($code: String!) { area(code: $code) { id code name children(first: 100) { totalCount nodes { id name } } } }',
    async check({ x, role, area: a, visible }) {
      const got = await data(x, role, ROOT_CASES.area!.document, { code: a.code });
      if (!visible.Area.includes(a.id)) return void x(got.area, `area(${a.code}) outside the reach`).toBeNull();
      x(rowIdOf(got.area.id, 'Area')).toBe(a.id);
      const children = (await q<{ id: number }>('SELECT id FROM area WHERE parent_id = $1 ORDER BY id', [a.id])).map((r) => Number(r.id));
      x(idsOf(got.area.children.nodes, 'Area'), 'children the role may see').toEqual(intersect(children, visible.Area));
      x(got.area.children.totalCount).toBe(got.area.children.nodes.length);
    },
  },

  organization: {
    document: 'query ($creditCode: String!) { organization(creditCode: $creditCode) { id name creditCode street { code } } }',
    async check({ x, role, area: a, visible }) {
      for (const id of rowsInArea.get(a.key)!.Organization) {
        const [{ code }] = await q<{ code: string }>('SELECT credit_code::text AS code FROM organization WHERE id = $1', [id]);
        const got = await data(x, role, ROOT_CASES.organization!.document, { creditCode: code });
        if (visible.Organization.includes(id)) x(got.organization && rowIdOf(got.organization.id, 'Organization'), `organization(${code})`).toBe(id);
        else x(got.organization, `organization(${code}) outside the reach`).toBeNull();
      }
    },
  },

  auditLog: {
    document: 'query ($nodeId: ID!) { auditLog(nodeId: $nodeId, first: 100) { totalCount nodes { actor operation nodeType nodeId before after } } }',
    async check({ x, role, area: a, visible }) {
      const trails = await q<{ type: NodeType; id: number; n: number }>(
        `SELECT node_type AS type, node_id AS id, count(*)::int AS n FROM audit_log GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      const inArea = trails.filter((t) => rowsInArea.get(a.key)![t.type]?.includes(Number(t.id)));
      x(inArea.length, `the fixture has audit trails in ${a.code}`).toBeGreaterThan(0);
      for (const trail of inArea) {
        const got = await data(x, role, ROOT_CASES.auditLog!.document, { nodeId: toGlobalId(trail.type, Number(trail.id)) });
        const n = visible[trail.type].includes(Number(trail.id)) ? trail.n : 0;
        x(got.auditLog.totalCount, `auditLog of ${trail.type} ${trail.id}`).toBe(n);
        x(got.auditLog.nodes).toHaveLength(n);
      }
    },
  },

  auditEntries: {
    document: '{ auditEntries(first: 100) { totalCount nodes { operation nodeType nodeId } } }',
    async check({ x, role }) {
      if (role.key !== 'admin') {
        const response = await ask(x, role, ROOT_CASES.auditEntries!.document);
        x(response.status).toBe(403);
        x(response.body.errors?.map((e) => e.extensions)).toEqual([{ code: 'FORBIDDEN', reason: 'NOT_ADMINISTRATOR' }]);
        return;
      }
      // The administrator reads every entry, whichever area its node is in: newest first.
      const got = await data(x, role, ROOT_CASES.auditEntries!.document);
      const rows = await q<{ operation: string; type: NodeType; id: number; n: number }>(
        `SELECT operation, node_type AS type, node_id AS id, count(*) OVER ()::int AS n FROM audit_log ORDER BY audit_log.id DESC LIMIT 100`,
      );
      x(rows.length, 'the fixture has audit entries').toBeGreaterThan(0);
      x(got.auditEntries.totalCount).toBe(rows[0]!.n);
      x(got.auditEntries.nodes).toEqual(rows.map((r) => ({ operation: r.operation, nodeType: r.type, nodeId: toGlobalId(r.type, Number(r.id)) })));
    },
  },

  accounts: administratorsOnly('{ accounts { username role area { code } } }', 'accounts', 'SELECT username AS name FROM account ORDER BY username', (a) => a.username),
  integrationTokens: administratorsOnly('{ integrationTokens { name scopes areas revokedAt } }', 'integrationTokens', 'SELECT name FROM integration_token ORDER BY name', (t) => t.name),

  me: {
    document: '{ me { kind actor scopes areas { id code } } }',
    async check({ x, role }) {
      const got = await data(x, role, ROOT_CASES.me!.document);
      x(got.me.kind).toBe(role.key === 'token' ? 'INTEGRATION' : 'ACCOUNT');
      x(got.me.scopes).toEqual(role.key === 'token' ? ['read', 'import'] : []);
      x(got.me.areas.map((r: { id: string }) => rowIdOf(r.id, 'Area'))).toEqual(role.roots ?? []);
    },
  },

  node: {
    document: 'query ($id: ID!) { node(id: $id) { __typename id } }',
    async check({ x, role, area: a, visible }) {
      const sample = samples(a);
      const types = Object.keys(sample) as NodeType[];
      // One request, one alias per node type with a row in the area.
      const document = `query (${types.map((t) => `$${t}: ID!`).join(', ')}) { ${types.map((t) => `${t}: node(id: $${t}) { __typename id }`).join(' ')} }`;
      const got = await data(x, role, document, Object.fromEntries(types.map((t) => [t, toGlobalId(t, sample[t]!)])));
      for (const t of types) {
        const want = visible[t].includes(sample[t]!) ? { __typename: t, id: toGlobalId(t, sample[t]!) } : null;
        x(got[t], `node(${t} ${sample[t]}) of ${a.code}`).toEqual(want);
      }
    },
  },

  nodes: {
    document: 'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Node { id } } }',
    async check({ x, role, area: a, visible }) {
      const rows = rowsInArea.get(a.key)!;
      const wanted = NODE_TYPES.flatMap((t) => rows[t].map((id) => ({ t, id })));
      x(wanted.length).toBeLessThanOrEqual(100);
      const got = await data(x, role, ROOT_CASES.nodes!.document, { ids: wanted.map((w) => toGlobalId(w.t, w.id)) });
      x(got.nodes.map((n: { id: string } | null) => n?.id ?? null), `nodes(every row of ${a.code})`).toEqual(
        wanted.map((w) => (visible[w.t].includes(w.id) ? toGlobalId(w.t, w.id) : null)),
      );
    },
  },

  search: {
    document: 'query ($text: String!) { here: search(text: $text, first: 100) { totalCount nodes { __typename ... on Node { id } } } everywhere: search(text: "示例", first: 100) { totalCount nodes { __typename ... on Node { id } } } }',
    async check({ x, role, area: a, visible }) {
      const variables = { text: a.searchText };
      const got = await data(x, role, ROOT_CASES.search!.document, variables);
      const reference = await adminData(ROOT_CASES.search!.document, variables);
      for (const alias of ['here', 'everywhere'] as const) {
        const hits = (d: Data) => (d[alias].nodes as { __typename: NodeType; id: string }[]).map((n) => `${n.__typename}:${rowIdOf(n.id, n.__typename)}`);
        const mine = hits(got);
        const allowed = hits(reference).filter((h) => {
          const [t, id] = h.split(':');
          return visible[t as NodeType].includes(Number(id));
        });
        x(reference[alias].nodes.length, 'the reference search finds something').toBeGreaterThan(0);
        x(mine, `search("${alias === 'here' ? a.searchText : '示例'}"): the administrator's hits the role may see`).toEqual(allowed);
        x(got[alias].totalCount).toBe(mine.length);
      }
    },
  },

  fundBudgets: {
    document: '{ fundBudgets { year amountFen area { code } entitledFen allocatedFen disbursedFen } }',
    async check({ x, role, visible }) {
      const got = await data(x, role, ROOT_CASES.fundBudgets!.document);
      const want = await q<{ year: number; amountFen: number; code: string; entitledFen: number; allocatedFen: number; disbursedFen: number }>(
        `SELECT b.year, b.amount_fen::float8 AS "amountFen", a.code::text AS code,
           coalesce(sum(f.amount_fen) FILTER (WHERE f.entry = 'ENTITLED'), 0)::float8 AS "entitledFen",
           coalesce(sum(f.amount_fen) FILTER (WHERE f.entry = 'ALLOCATED'), 0)::float8 AS "allocatedFen",
           coalesce(sum(f.amount_fen) FILTER (WHERE f.entry = 'DISBURSED'), 0)::float8 AS "disbursedFen"
         FROM fund_budget b JOIN area a ON a.id = b.area_id
           LEFT JOIN fund_entry f ON f.year = b.year AND f.id = ANY ($1::int[])
         WHERE b.area_id = ANY ($2::int[]) GROUP BY 1, 2, 3 ORDER BY 1`,
        [visible.Fund, visible.Area],
      );
      x(got.fundBudgets, 'budgets with the sums of the fund entries the role may see').toEqual(
        want.map(({ code, ...r }) => ({ year: r.year, amountFen: r.amountFen, area: { code }, entitledFen: r.entitledFen, allocatedFen: r.allocatedFen, disbursedFen: r.disbursedFen })),
      );
    },
  },

  coverage: aggregateCase(
    'coverage',
    `query ($scope: String, $asOf: Date) { coverage(scope: $scope, asOf: $asOf, groupBy: CHILD_AREA) { scope totals { ${COVERAGE_STATS} } rows { key label stats { ${COVERAGE_STATS} } } } }`,
    { asOf: MATRIX_AS_OF },
    (v) => v.totals,
    async ({ x, visible }, city) => {
      const [{ n }] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM organization WHERE id = ANY ($1::int[]) AND registered_on <= $2::date AND (deregistered_on IS NULL OR deregistered_on > $2::date)`,
        [visible.Organization, MATRIX_AS_OF],
      );
      x(city.totals.inScope, 'coverage of the city: inScope counts the organizations the role may see').toBe(n);
    },
  ),

  blindSpots: aggregateCase(
    'blindSpots',
    `query ($scope: String, $asOf: Date) { blindSpots(scope: $scope, asOf: $asOf, first: 100) { totalCount nodes { ${BLIND_SPOT} } } }`,
    { asOf: MATRIX_AS_OF },
    (v) => v,
    ({ x, visible }, city) => {
      const ids = idsOf(city.nodes.map((n: Data) => n.organization), 'Organization');
      x(ids.filter((id) => !visible.Organization.includes(id)), 'blind spots the role may not see').toEqual([]);
      x(city.totalCount).toBe(ids.length);
    },
  ),

  fundsSummary: aggregateCase(
    'fundsSummary',
    `query ($scope: String, $year: Int!) { fundsSummary(scope: $scope, year: $year) { year totals { ${FUNDS_ROW} } rows { ${FUNDS_ROW} } budgetFen budgetBalanceFen entitledShareOfBudget } }`,
    { year: 2025 },
    (v) => v.totals,
  ),

  ledgers: aggregateCase(
    'ledgers',
    `query ($scope: String, $asOf: Date) { ledgers(scope: $scope, asOf: $asOf) { asOf totals { ${LEDGER_ROW} } rows { ${LEDGER_ROW} } } }`,
    { asOf: MATRIX_AS_OF },
    (v) => v.totals,
  ),

  memberStages: aggregateCase(
    'memberStages',
    'query ($scope: String, $asOf: Date) { memberStages(scope: $scope, asOf: $asOf) { asOf total stages { stage count } } }',
    { asOf: MATRIX_AS_OF },
    (v) => v,
  ),

  membersDeveloped: aggregateCase(
    'membersDeveloped',
    'query ($scope: String, $date: Date) { membersDeveloped(scope: $scope, date: $date, period: YEAR) { period start end stages { stage count } } }',
    { date: '2025-06-01' },
    (v) => v,
  ),

  report: aggregateCase(
    'report',
    `query ($scope: String, $date: Date) { report(scope: $scope, date: $date, period: YEAR) { period label start end totals { ${REPORT_ROW} } rows { ${REPORT_ROW} } ranking { ${REPORT_ROW} } } }`,
    { date: '2025-06-01' },
    (v) => v.totals,
  ),

  formationPlan: aggregateCase(
    'formationPlan',
    'query ($scope: String, $asOf: Date) { formationPlan(scope: $scope, asOf: $asOf) { scope asOf uncoveredOrganizations standalone joint jointOrganizations workCoverage partyOrganizationsToSetUp proposals { recommendation kind groupedBy fullMembers reason { zh en } organizations { id name } } } }',
    { asOf: MATRIX_AS_OF },
    (v) => v,
    ({ x, visible }, city) => {
      const ids = city.proposals.flatMap((p: Data) => p.organizations.map((o: { id: string }) => rowIdOf(o.id, 'Organization')));
      x(ids.filter((id: number) => !visible.Organization.includes(id)), 'proposed organizations the role may not see').toEqual([]);
    },
  ),
};

// ---------------------------------------------------------------------------------------------
// Completeness: every root field, node type and mutation has its case
// ---------------------------------------------------------------------------------------------

function committedQueryFields(): string[] {
  const document = parse(readFileSync(new URL('../../../../packages/schema/schema.graphql', import.meta.url), 'utf8'));
  const query = document.definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query');
  if (!query || query.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error('schema.graphql has no type Query');
  return (query.fields ?? []).map((f) => f.name.value).sort();
}

describe('the matrix covers', () => {
  it('every root field of Query, as committed and as served', () => {
    const served = Object.keys(app.server.schema.getQueryType()!.getFields()).sort();
    expect(served, 'the served schema is the committed one').toEqual(committedQueryFields());
    expect(served.filter((f) => !(f in ROOT_CASES)), 'root fields without a case in the matrix').toEqual([]);
    expect(Object.keys(ROOT_CASES).filter((f) => !served.includes(f)), 'cases of root fields that do not exist').toEqual([]);
  });

  it('every node type, with rows in both districts and in more than one street', () => {
    const served = app.server.schema
      .getPossibleTypes(app.server.schema.getType('Node') as never)
      .map((t) => t.name)
      .sort();
    expect(served, 'node types without a case in the matrix').toEqual([...NODE_TYPES].sort());
    for (const type of NODE_TYPES) {
      const districts = (['districtA', 'districtB'] as const).filter((d) => rowsInArea.get(d)![type].length > 0);
      expect(districts, `${type} rows in both districts`).toEqual(['districtA', 'districtB']);
    }
    const streets = (type: NodeType) => (['streetA1', 'streetA2', 'streetB1', 'streetB2'] as const).filter((s) => rowsInArea.get(s)![type].length > 0);
    for (const type of ['Building', 'BusinessDistrict', 'WorkGroupMember', 'Organization', 'PartyOrganization', 'PartyMember', 'LiaisonPoint', 'Visit', 'Activity', 'Fund'] as const) {
      expect(streets(type).length, `${type} rows in more than one street`).toBeGreaterThan(1);
    }
  });

  it('places and committees a scoped role sees that hold rows it may not see (so nested counts are put to the test)', async () => {
    for (const role of ROLES.filter((r) => r.roots !== null)) {
      const { visible } = expectedOf(role);
      const [{ parks, committees, units }] = await q<{ parks: number; committees: number; units: number }>(
        `SELECT (SELECT count(*) FROM organization WHERE park_id = ANY ($1::int[]) AND NOT id = ANY ($4::int[]))::int AS parks,
                (SELECT count(*) FROM liaison_point WHERE committee_id = ANY ($2::int[]) AND NOT organization_id = ANY ($4::int[]))::int AS committees,
                (SELECT count(*) FROM organization WHERE supervisory_unit_id = ANY ($3::int[]) AND NOT id = ANY ($4::int[]))::int AS units`,
        [visible.Park, visible.WorkingCommittee, visible.MemberUnit, visible.Organization],
      );
      expect(parks + committees + units, role.label).toBeGreaterThan(0);
      if (role.key === 'worker') expect({ parks, committees }, role.label).toEqual({ parks: 1, committees: 1 });
    }
  });

  it('rows each scoped role may not see, named by text no row it may see contains (no false alarms)', () => {
    for (const role of ROLES.filter((r) => r.roots !== null)) {
      const { visible, forbidden } = expectedOf(role);
      const seenText = rowText.filter((r) => visible[r.type].includes(r.id)).flatMap((r) => r.text);
      const personal = new Set(forbidden.filter((f) => f.personal).map((f) => f.token));
      // Personal data as recorded is the visible members' own text: it may clash with nothing else.
      const clashes = forbidden
        .filter((f) => seenText.some((t) => (f.personal ? !personal.has(t) : true) && t.includes(f.token)))
        .map((f) => f.what);
      expect(clashes, role.label).toEqual([]);
      expect(forbidden.length, `${role.label}: rows it may not see`).toBeGreaterThan(20);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The matrix: role × area × root field
// ---------------------------------------------------------------------------------------------

describe.concurrent.each(RUNS)('$role.label · $area.kind area $area.code', ({ role, area: a }) => {
  it.for(Object.keys(ROOT_CASES).sort())('Query.%s', async (field, { expect: x }) => {
    await ROOT_CASES[field]!.check({ x, role, area: a, visible: expectedOf(role).visible });
  });
});

// ---------------------------------------------------------------------------------------------
// node / nodes of every node type, with every field of the type
// ---------------------------------------------------------------------------------------------

/** A reference to another object: its id when it is a node, else its leaf fields. */
function referenceSelection(type: GraphQLNamedType, schema: GraphQLSchema): string {
  const node = schema.getType('Node');
  const isNode = (t: GraphQLNamedType) =>
    t === node || (isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node')) || (isUnionType(t) && t.getTypes().every((m) => m.getInterfaces().some((i) => i.name === 'Node')));
  if (isNode(type)) return '__typename ... on Node { id }';
  if (isObjectType(type) || isInterfaceType(type)) {
    const leaves = Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)));
    return ['__typename', ...leaves.map((f) => f.name)].join(' ');
  }
  return '__typename';
}

/** Every field of a node type without required arguments: leaves as they are, references by id, connections with totalCount and ids. */
function fullSelection(type: GraphQLObjectType, schema: GraphQLSchema): string {
  return Object.values(type.getFields())
    .filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
    .map((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return f.name;
      if (isObjectType(named) && named.name.endsWith('Connection') && named.getFields().nodes) {
        const total = named.getFields().totalCount ? 'totalCount ' : '';
        return `${f.name} { ${total}nodes { ${referenceSelection(getNamedType(named.getFields().nodes!.type), schema)} } }`;
      }
      return `${f.name} { ${referenceSelection(named, schema)} }`;
    })
    .join(' ');
}

/** Connections whose totalCount is not the number of their nodes (every connection of the fixture fits one default page). */
function miscounted(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => miscounted(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const v = value as Data;
  const own = typeof v.totalCount === 'number' && Array.isArray(v.nodes) && v.totalCount !== v.nodes.length ? [`${path}: totalCount ${v.totalCount}, ${v.nodes.length} nodes`] : [];
  return [...own, ...Object.entries(v).flatMap(([k, child]) => miscounted(child, path ? `${path}.${k}` : k))];
}

/** The organizations a place holds, by place type (an area: every street beneath it). */
const PLACE_ORGANIZATIONS: Partial<Record<NodeType, string>> = {
  Area: 'street_id IN (SELECT id FROM area WHERE path @> ARRAY[$1::int])',
  Park: 'park_id = $1',
  Building: 'building_id = $1',
  BusinessDistrict: 'business_district_id = $1',
};

describe.concurrent.each(ROLES)('node lookups by the $label', (role) => {
  it.for([...NODE_TYPES])('nodes(ids) of every %s, every field', async (type, { expect }) => {
    const schema = app.server.schema;
    const document = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on ${type} { ${fullSelection(schema.getType(type) as GraphQLObjectType, schema)} } } }`;
    const all = allRows[type];
    const { visible } = expectedOf(role);
    const response = await ask(expect, role, document, { ids: all.map((id) => toGlobalId(type, id)) });
    expect.soft(response.body.errors, `errors reading every field of the ${type}s the ${role.label} may see`).toBeUndefined();
    const got = (response.body.data?.nodes ?? []) as (Data | null)[];
    expect.soft(got.map((n) => (n ? rowIdOf(n.id, type) : null)), `${type}s the role may see, null for the others`).toEqual(all.map((id) => (visible[type].includes(id) ? id : null)));
    if (type === 'PartyMember' || type === 'Instructor') expectPersonalData(expect, role, type, got.filter((n): n is Data => n !== null));
    expect(miscounted(got), 'nested connections: totalCount against the nodes shown').toEqual([]);
    // A place the role sees counts only the organizations it may see (the fixture's organizations were all registered before 2022).
    const holds = PLACE_ORGANIZATIONS[type];
    for (const node of holds ? got.filter((n): n is Data => n !== null) : []) {
      const id = rowIdOf(node.id, type);
      const [{ all: n, active }] = await q<{ all: number; active: number }>(
        `SELECT count(*)::int AS all, count(*) FILTER (WHERE status = 'ACTIVE')::int AS active FROM organization WHERE ${holds} AND id = ANY ($2::int[])`,
        [id, visible.Organization],
      );
      expect.soft(node.organizations.totalCount, `${type} ${id}: organizations the role may see`).toBe(n);
      expect.soft(node.coverage.inScope, `${type} ${id}: coverage.inScope of the organizations the role may see`).toBe(active);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Spreadsheet exports and an import
// ---------------------------------------------------------------------------------------------

async function fetchAs(role: RoleCase | null, path: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
  if (role) headers.authorization = expectedOf(role).authorization;
  return fetch(`${app.url}${path}`, { ...init, headers });
}

interface Sheet {
  name: string;
  rows: string[][];
}

async function readBook(response: Response): Promise<Sheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => void cells.push(cell.text));
      rows.push(cells);
    });
    return { name: sheet.name, rows };
  });
}

/** The cells under `header` (the first row holding it), below it. */
function column(sheet: Sheet, header: string): string[] {
  const at = sheet.rows.findIndex((r) => r.includes(header));
  if (at < 0) throw new Error(`no column ${header} in sheet ${sheet.name}`);
  const i = sheet.rows[at]!.indexOf(header);
  return sheet.rows.slice(at + 1).map((r) => r[i] ?? '').filter((v) => v !== '');
}

const EXPORT_AREAS = (role: RoleCase): { label: string; area: AreaCase | null }[] => [{ label: 'the city', area: null }, ...role.areas.map((a) => ({ label: `${a.kind} ${a.code}`, area: a }))];

describe.concurrent.each(ROLES)('spreadsheets for the $label', (role) => {
  describe.each(EXPORT_AREAS(role))('$label', ({ area: a }) => {
    const scope = a ? `&scope=${a.code}` : '';
    /** Scoped roles naming a foreign area may get the refusal of an unknown scope instead of a file. */
    const fetchBook = async (x: ExpectStatic, path: string): Promise<Sheet[] | null> => {
      const response = await fetchAs(role, path);
      if (response.status === 400 && a?.kind === 'foreign' && role.roots !== null) {
        const body = await response.text();
        expectNoLeak(x, role, body, path);
        x(JSON.parse(body).error.code).toBe('BAD_USER_INPUT');
        return null;
      }
      x(response.status, `${path} for the ${role.label}`).toBe(200);
      const book = await readBook(response);
      expectNoLeak(x, role, JSON.stringify(book), path);
      return book;
    };

    it('organizations.xlsx: exactly the organizations the role may see', async ({ expect }) => {
      const book = await fetchBook(expect, `/export/organizations.xlsx${a ? `?scope=${a.code}` : ''}`);
      if (!book) return;
      const { visible } = expectedOf(role);
      const ids = a ? intersect(rowsInArea.get(a.key)!.Organization, visible.Organization) : visible.Organization;
      const codes = (await q<{ code: string }>('SELECT credit_code::text AS code FROM organization WHERE id = ANY ($1::int[]) ORDER BY id', [ids])).map((r) => r.code);
      expect(column(book[0]!, '统一社会信用代码')).toEqual(codes);
    });

    it('blind-spots.xlsx: the blind spots the API shows the role', async ({ expect }) => {
      const book = await fetchBook(expect, `/export/blind-spots.xlsx?asOf=${MATRIX_AS_OF}${scope}`);
      if (!book) return;
      const api = await data(expect, role, ROOT_CASES.blindSpots!.document, { scope: a?.code ?? null, asOf: MATRIX_AS_OF });
      expect(column(book[0]!, '统一社会信用代码')).toEqual(api.blindSpots.nodes.map((n: Data) => n.organization.creditCode));
    });

    it('ledgers.xlsx: the members the role may see, personal data as the role may read it', async ({ expect }) => {
      const book = await fetchBook(expect, `/export/ledgers.xlsx?asOf=${MATRIX_AS_OF}${scope}`);
      if (!book) return;
      const { visible } = expectedOf(role);
      const want = await q<{ name: string; id_number: string }>(
        `SELECT m.name, m.id_number FROM party_member m JOIN organization o ON o.id = m.organization_id
          WHERE m.ledger IS NOT NULL AND m.ledger_since <= $1::date AND m.employed_since <= $1::date
            AND o.registered_on <= $1::date AND (o.deregistered_on IS NULL OR o.deregistered_on > $1::date)
            AND o.street_id IN (SELECT id FROM area WHERE path @> ARRAY[$2::int])
            AND m.id = ANY ($3::int[]) AND o.id = ANY ($4::int[])
          ORDER BY m.id`,
        [MATRIX_AS_OF, a?.id ?? MATRIX_AREAS.city.id, visible.PartyMember, visible.Organization],
      );
      const sheet = book.find((s) => s.name === '台账党员')!;
      const [nameHeader, idHeader] = role.personalData ? ['姓名', '公民身份号码'] : ['姓名（脱敏）', '公民身份号码（脱敏）'];
      expect(column(sheet, nameHeader)).toEqual(want.map((m) => (role.personalData ? m.name : maskName(m.name))));
      expect(column(sheet, idHeader)).toEqual(want.map((m) => (role.personalData ? m.id_number : maskIdNumber(m.id_number))));
    });

    it('report.xlsx: rows of areas the role may see only', async ({ expect }) => {
      const book = await fetchBook(expect, `/export/report.xlsx?period=YEAR&date=2025-06-01${scope}`);
      if (!book) return;
      const { visible } = expectedOf(role);
      const names = (await q<{ name: string }>('SELECT name FROM area WHERE id = ANY ($1::int[])', [visible.Area])).map((r) => r.name);
      const shown = column(book[0]!, '区划');
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.filter((n) => !names.some((v) => n.startsWith(v))), 'areas the role may not see').toEqual([]);
    });
  });

  it('POST /import/organizations?dryRun=1: rows of streets in the reach are created, rows elsewhere refused', async ({ expect }) => {
    const headers = ['统一社会信用代码', '组织名称', '所属行业', '从业人员数', '登记日期', '所在街道'];
    const streets = [MATRIX_AREAS.streetA1, MATRIX_AREAS.streetA2, MATRIX_AREAS.streetB1];
    const rows = [
      ...streets.map((s, i) => ({ 统一社会信用代码: orgCode(900 + i), 组织名称: `矩阵导入测试${i}有限公司`, 所属行业: 'C', 从业人员数: 10, 登记日期: '2024-01-01', 所在街道: s.code })),
      // An organization registered in 大观园街道 (street B1), moved to street A1 by the file.
      { 统一社会信用代码: MATRIX_CODES.factory, 组织名称: '经开示例制造有限公司', 所属行业: 'C', 从业人员数: 200, 登记日期: '2011-01-01', 所在街道: MATRIX_AREAS.streetA1.code },
    ];
    const before = await q('SELECT count(*)::int AS n, sum(version)::int AS v FROM organization');
    const file = csv(headers, rows);
    const response = await fetchAs(role, '/import/organizations?dryRun=1', { method: 'POST', body: file });
    const body = await response.text();
    // The file's own cells (the credit code it names) may come back in the report; nothing else of the organization.
    expectNoLeak(expect, role, body, 'the import report', file.toString('utf8'));
    expect(await q('SELECT count(*)::int AS n, sum(version)::int AS v FROM organization'), 'a dry run writes nothing').toEqual(before);
    if (!role.mayImport) {
      expect(response.status).toBe(403);
      expect(JSON.parse(body).error).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_IMPORT' });
      return;
    }
    expect(response.status).toBe(200);
    const report = JSON.parse(body) as { rows: { row: number; outcome: string; issues?: { reason: string }[] }[] };
    const { visible } = expectedOf(role);
    const reach = await q<{ id: number }>('SELECT id FROM area WHERE $1::int[] IS NULL OR path && $1::int[]', [role.roots]);
    const inReach = (id: number) => reach.some((r) => Number(r.id) === id);
    const factory = rowsInArea.get('streetB1')!.Organization.find((id) => id === 9)!;
    expect(report.rows.map((r) => r.outcome)).toEqual([
      ...streets.map((s) => (inReach(s.id) ? 'CREATE' : 'REFUSED')),
      visible.Organization.includes(factory) ? 'UPDATE' : 'REFUSED',
    ]);
    for (const [i, s] of streets.entries()) {
      if (!inReach(s.id)) expect(report.rows[i]!.issues?.map((issue) => issue.reason), `street ${s.code} outside the reach: refused like an unknown street`).toEqual(['UNKNOWN_AREA']);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Anonymous requests and read-only principals
// ---------------------------------------------------------------------------------------------

describe('anonymous requests', () => {
  it.concurrent.for(Object.keys(ROOT_CASES).sort())('Query.%s → 401 without detail', async (field, { expect }) => {
    const response = await app.gql(ROOT_CASES[field]!.document, { scope: MATRIX_AREAS.districtA.code }, { authorization: '' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body).toEqual({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it.each(['/export/organizations.xlsx', '/export/blind-spots.xlsx', '/export/ledgers.xlsx', '/export/report.xlsx', '/templates/organizations.xlsx'])('GET %s → 401', async (path) => {
    const response = await fetchAs(null, path);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first', messageZh: '请先登录' } });
  });

  it('POST /import/organizations → 401, nothing read', async () => {
    const { result, statements } = await app.server.statements.capture(() => fetchAs(null, '/import/organizations?dryRun=1', { method: 'POST', body: 'x' }));
    expect(result.status).toBe(401);
    expect(statements).toEqual([]);
  });
});

/**
 * A document for every mutation but signIn (and `except`), arguments as variables that are never
 * sent: the refusal comes before they are read.
 */
function mutationDocuments(schema: GraphQLSchema, except: readonly string[] = []): [string, string][] {
  return Object.values(schema.getMutationType()!.getFields())
    .filter((f) => f.name !== 'signIn' && !except.includes(f.name))
    .map((f) => {
      const declared = f.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const passed = f.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      return [f.name, `mutation${declared ? ` (${declared})` : ''} { ${f.name}${passed ? `(${passed})` : ''} { __typename } }`];
    });
}

describe.each(ROLES.filter((r) => r.key === 'analyst' || r.key === 'token'))('the read-only $label', (role) => {
  it('is refused every mutation with 403 FORBIDDEN before any statement of it', async () => {
    // A person changes their own password whatever the role (graph/account/change-password.test.ts).
    const documents = mutationDocuments(app.server.schema, role.key === 'analyst' ? ['changePassword'] : []);
    expect(documents.length).toBeGreaterThan(15);
    for (const [name, document] of documents) {
      const { result, statements } = await app.server.statements.capture(() => ask(expect, role, document));
      expect(result.status, name).toBe(403);
      expect(result.body.errors?.map((e) => e.extensions), name).toEqual([{ code: 'FORBIDDEN', reason: 'READ_ONLY' }]);
      expect(result.body.data ?? null, name).toBeNull();
      // A token is looked up by its hash (one statement of authentication); nothing else runs.
      expect(statements.filter((s) => !/FROM integration_token/.test(s)), `${name}: statements sent`).toEqual([]);
    }
  });
});
