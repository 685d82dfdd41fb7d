import { makeCreditCode, todayInShanghai } from '@liangxin/domain';
import type pg from 'pg';

/**
 * The drill's clients: each loops over a mix of reads and writes against the server and keeps
 * its own record of every write it sent — acknowledged (the server said it was done) or not —
 * so the database can be reconciled against it afterwards.
 *
 * Writes: visits (recordVisit), transfers of ledger members into a Party organization
 * (transferPartyMember) and imports of three new organizations at a time
 * (POST /import/organizations, a CSV). Each write is unique (its own visitor name, member,
 * credit codes), so "present once" and "absent" are the only right outcomes.
 */

export type WriteKind = 'visit' | 'transfer' | 'import';

export interface WriteRecord {
  kind: WriteKind;
  /** visit: the visitor name; transfer: the member id; import: the credit codes. */
  key: string | number | string[];
  /** transfer: the Party organization it went to. */
  partyOrganizationId?: number;
  acknowledged: boolean;
  error?: string;
}

export interface RequestRecord {
  kind: 'read' | WriteKind;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** 'HTTP 503', 'GraphQL INTERNAL_SERVER_ERROR', 'ECONNREFUSED', … */
  outcome: string;
}

export interface Fixtures {
  points: { id: number; organizationId: number }[];
  transfers: { memberId: number; version: number; partyOrganizationId: number }[];
  streets: string[];
  organizationIds: number[];
  today: string;
}

export async function readFixtures(db: pg.Client): Promise<Fixtures> {
  const today = todayInShanghai();
  const points = await db.query(
    `SELECT l.id, l.organization_id FROM liaison_point l JOIN organization o ON o.id = l.organization_id
     WHERE l.until IS NULL AND l.since <= $1::date AND o.status = 'ACTIVE' ORDER BY l.id`,
    [today],
  );
  const transfers = await db.query(
    `SELECT DISTINCT ON (m.id) m.id, m.version, c.party_organization_id
     FROM party_member m
     JOIN party_organization_coverage c ON c.organization_id = m.organization_id AND c.until IS NULL AND c.since <= $1::date
     JOIN party_organization p ON p.id = c.party_organization_id AND p.established_on <= $1::date AND p.dissolved_on IS NULL
     WHERE m.ledger IS NOT NULL AND m.transferred_on IS NULL AND m.relation_holder IN ('PERSONNEL_AGENCY', 'TALENT_CENTER', 'COMMUNITY')
       AND m.ledger_since <= $1::date
     ORDER BY m.id, c.party_organization_id`,
    [today],
  );
  const streets = await db.query(`SELECT code FROM area WHERE level = 'STREET' ORDER BY code`);
  const organizations = await db.query(`SELECT id FROM organization ORDER BY id`);
  return {
    points: points.rows.map((r) => ({ id: r.id, organizationId: r.organization_id })),
    transfers: transfers.rows.map((r) => ({ memberId: r.id, version: r.version, partyOrganizationId: r.party_organization_id })),
    streets: streets.rows.map((r) => r.code),
    organizationIds: organizations.rows.map((r) => r.id),
    today,
  };
}

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

const READS = [
  (f: Fixtures, r: () => number) => ({
    query: `query($code: String!) { area(code: $code) { name coverage { inScope blindSpots overallCoverageRate } } }`,
    variables: { code: f.streets[Math.floor(r() * f.streets.length)] },
  }),
  (_f: Fixtures, r: () => number) => ({
    query: `query($industry: String!) { organizations(first: 20, filter: { status: [ACTIVE], industry: [$industry] }) { totalCount nodes { name street { name } } } }`,
    variables: { industry: 'ABCDEFGHIJKLMNOPQRS'[Math.floor(r() * 19)] },
  }),
  (f: Fixtures, r: () => number) => ({
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Organization { name employees } } }`,
    variables: { ids: Array.from({ length: 10 }, () => gid('Organization', f.organizationIds[Math.floor(r() * f.organizationIds.length)]!)) },
  }),
];

const HEADERS = ['统一社会信用代码', '组织名称', '所属行业', '从业人员数', '登记日期', '所在街道', '地址', '是否重点组织', '党员人数', '是否建立党组织'];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Credit codes no data set holds: organization bodies starting "WY" followed by a counter. */
function drillCreditCode(n: number, district: string): string {
  let body = '';
  for (let i = 0, x = n; i < 6; i++, x = Math.floor(x / 31)) body = ALPHABET[x % 31] + body;
  return makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: district, organizationBody: `WY${body}` });
}

export interface Client {
  requests: RequestRecord[];
  writes: WriteRecord[];
  run(until: () => boolean): Promise<void>;
}

/** Shared between clients so no two take the same transfer candidate or credit code. */
export interface SharedCounters {
  transfer: number;
  importRun: number;
  runTag: string;
}

export function makeClient(options: {
  id: number;
  baseUrl: () => string;
  /** Sent on every request: the bearer token (session-token.ts). */
  headers?: Record<string, string>;
  fixtures: Fixtures;
  shared: SharedCounters;
  /** Share of requests that are writes (0–1). */
  writeShare: number;
  timeoutMs?: number;
}): Client {
  const { id, fixtures: f, shared } = options;
  let seed = id * 7919 + 13;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const requests: RequestRecord[] = [];
  const writes: WriteRecord[] = [];
  let seq = 0;

  async function send(kind: RequestRecord['kind'], path: string, body: string, contentType: string): Promise<{ ok: boolean; outcome: string; json?: any }> {
    const startedAt = Date.now();
    let result: { ok: boolean; outcome: string; json?: any };
    try {
      const response = await fetch(`${options.baseUrl()}${path}`, {
        method: 'POST',
        headers: { ...options.headers, 'content-type': contentType },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const text = await response.text();
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      // The error's code as GraphQL (errors[0].extensions.code) or the spreadsheet routes (error.code) give it.
      const code = json?.errors?.[0]?.extensions?.code ?? json?.error?.code;
      if (!response.ok) result = { ok: false, outcome: `HTTP ${response.status}${code ? ` ${code}` : ''}`, json };
      else if (json?.errors?.length) result = { ok: false, outcome: `GraphQL ${json.errors[0]?.extensions?.code ?? 'error'}`, json };
      else result = { ok: true, outcome: 'HTTP 200', json };
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      result = { ok: false, outcome: e.cause?.code ?? e.name ?? 'error' };
    }
    requests.push({ kind, startedAt, endedAt: Date.now(), ok: result.ok, outcome: result.outcome });
    return result;
  }

  const graphql = (kind: RequestRecord['kind'], body: unknown) => send(kind, '/graphql', JSON.stringify(body), 'application/json');

  async function visit(): Promise<void> {
    const point = f.points[Math.floor(random() * f.points.length)]!;
    const visitor = `drill ${shared.runTag} ${id}-${seq++}`;
    const r = await graphql('visit', {
      query: `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { visit { id } } }`,
      variables: { input: { organization: gid('Organization', point.organizationId), liaisonPoint: gid('LiaisonPoint', point.id), visitedOn: f.today, visitor, ownerIntention: 'WILLING' } },
    });
    writes.push({ kind: 'visit', key: visitor, acknowledged: r.ok, error: r.ok ? undefined : r.outcome });
  }

  async function transfer(): Promise<boolean> {
    const candidate = f.transfers[shared.transfer++];
    if (!candidate) return false;
    const r = await graphql('transfer', {
      query: `mutation($id: ID!, $version: Int!, $po: ID!, $on: Date!) { transferPartyMember(id: $id, version: $version, partyOrganizationId: $po, transferredOn: $on) { partyMember { id } } }`,
      variables: { id: gid('PartyMember', candidate.memberId), version: candidate.version, po: gid('PartyOrganization', candidate.partyOrganizationId), on: f.today },
    });
    writes.push({ kind: 'transfer', key: candidate.memberId, partyOrganizationId: candidate.partyOrganizationId, acknowledged: r.ok, error: r.ok ? undefined : r.outcome });
    return true;
  }

  async function importThree(): Promise<void> {
    const run = shared.importRun++;
    const street = f.streets[run % f.streets.length]!;
    const rows = [0, 1, 2].map((k) => {
      const n = run * 3 + k;
      const code = drillCreditCode(n + Number.parseInt(shared.runTag, 36) % 100_000 * 1000, street.slice(0, 6));
      return [code, `演练导入企业${shared.runTag}${n}有限公司`, 'C', 10 + k, '2020-01-0' + (k + 1), street, `演练路${n}号`, '否', 0, '否'];
    });
    const csv = [HEADERS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
    const r = await send('import', '/import/organizations', csv, 'text/csv');
    const acknowledged = r.ok && r.json?.applied === true;
    writes.push({ kind: 'import', key: rows.map((row) => String(row[0])), acknowledged, error: acknowledged ? undefined : `${r.outcome} ${JSON.stringify(r.json?.error ?? r.json?.summary ?? '').slice(0, 200)}` });
  }

  return {
    requests,
    writes,
    async run(until) {
      while (!until()) {
        const x = random();
        if (x >= options.writeShare) {
          await graphql('read', READS[Math.floor(random() * READS.length)]!(f, random));
        } else if (x < options.writeShare * 0.7) {
          await visit();
        } else if (x < options.writeShare * 0.9) {
          if (!(await transfer())) await visit();
        } else {
          await importThree();
        }
      }
    },
  };
}

export interface Reconciliation {
  acknowledged: Record<WriteKind, number>;
  unacknowledged: Record<WriteKind, number>;
  /** Unacknowledged writes found applied in full (allowed: the reply was lost, not the write). */
  unacknowledgedApplied: number;
  problems: string[];
}

/** Every acknowledged write present exactly once; no write applied in part or twice. */
export async function reconcile(db: pg.Client, writes: WriteRecord[], runTag: string): Promise<Reconciliation> {
  const problems: string[] = [];
  const acknowledged = { visit: 0, transfer: 0, import: 0 };
  const unacknowledged = { visit: 0, transfer: 0, import: 0 };
  let unacknowledgedApplied = 0;
  for (const w of writes) (w.acknowledged ? acknowledged : unacknowledged)[w.kind]++;

  const visits = await db.query(
    `SELECT v.visitor, count(*)::int AS n, bool_and(EXISTS (SELECT 1 FROM audit_log a WHERE a.node_type = 'Visit' AND a.node_id = v.id)) AS audited
     FROM visit v WHERE v.visitor LIKE $1 GROUP BY v.visitor`,
    [`drill ${runTag} %`],
  );
  const found = new Map(visits.rows.map((r) => [r.visitor as string, r as { n: number; audited: boolean }]));
  for (const w of writes.filter((w) => w.kind === 'visit')) {
    const row = found.get(w.key as string);
    if (row && row.n > 1) problems.push(`visit ${w.key} stored ${row.n} times`);
    if (row && !row.audited) problems.push(`visit ${w.key} stored without its audit entry (half-applied)`);
    if (w.acknowledged && !row) problems.push(`acknowledged visit ${w.key} missing`);
    if (!w.acknowledged && row) unacknowledgedApplied++;
  }

  const transferWrites = writes.filter((w) => w.kind === 'transfer');
  if (transferWrites.length) {
    const members = await db.query(
      `SELECT m.id, m.transferred_on IS NOT NULL AS transferred, m.party_organization_id,
         EXISTS (SELECT 1 FROM audit_log a WHERE a.node_type = 'PartyMember' AND a.node_id = m.id AND a.operation = 'transferPartyMember') AS audited
       FROM party_member m WHERE m.id = ANY($1::int[])`,
      [transferWrites.map((w) => w.key as number)],
    );
    const byId = new Map(members.rows.map((r) => [r.id as number, r]));
    for (const w of transferWrites) {
      const m = byId.get(w.key as number);
      const applied = !!m?.transferred && m.party_organization_id === w.partyOrganizationId;
      if (m?.transferred !== m?.audited) problems.push(`transfer of member ${w.key}: transferred ${m?.transferred}, audited ${m?.audited} (half-applied)`);
      if (w.acknowledged && !applied) problems.push(`acknowledged transfer of member ${w.key} missing`);
      if (!w.acknowledged && applied) unacknowledgedApplied++;
    }
  }

  for (const w of writes.filter((w) => w.kind === 'import')) {
    const codes = w.key as string[];
    const { rows } = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.node_type = 'Organization' AND a.node_id = o.id))::int AS audited
       FROM organization o WHERE o.credit_code = ANY($1::text[])`,
      [codes],
    );
    const { n, audited } = rows[0] as { n: number; audited: number };
    if (n !== 0 && n !== codes.length) problems.push(`import ${codes[0]}…: ${n} of ${codes.length} rows stored (half-applied)`);
    if (n !== audited) problems.push(`import ${codes[0]}…: ${n} rows, ${audited} audited (half-applied)`);
    if (w.acknowledged && n !== codes.length) problems.push(`acknowledged import ${codes[0]}… missing`);
    if (!w.acknowledged && n === codes.length) unacknowledgedApplied++;
  }
  return { acknowledged, unacknowledged, unacknowledgedApplied, problems };
}
