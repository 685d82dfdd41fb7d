import { validateInstructorFields } from '@liangxin/domain';
import { maskName, maskPhone } from '../../graph/party-member/personal-data.js';
import { rowIssue, type RowIssue } from '../report.js';
import { insertSet, updateSet, type SetColumn } from '../write-set.js';
import { ambiguous, distinct, fromDomain, groupBy, notFound, outcomeOf, planned, inSequence, query, type KindHandler, type PlannedRow } from './common.js';

/**
 * Party-building instructors (党建工作指导员). The table has no unique key, so the import's
 * natural key is name + phone (the phone is required here). An optional assignment (the
 * organization's credit code and the date) becomes an INSTRUCTOR liaison point — the tie that
 * makes an organization work-covered — unless a current one to that organization exists.
 */

const WRITTEN: SetColumn[] = [
  { name: 'pool_area_id', type: 'int' },
  { name: 'employer', type: 'text' },
  { name: 'joined_pool_on', type: 'date' },
  { name: 'left_pool_on', type: 'date' },
];

const COMPARED_FIELDS: Record<string, string> = {
  pool_area_id: 'pool',
  employer: 'employer',
  joined_pool_on: 'joinedPoolOn',
  left_pool_on: 'leftPoolOn',
};

type Stored = Record<string, unknown> & { id: number; version: number; name: string; phone: string };

interface Payload {
  id?: number;
  version?: number;
  name: string;
  phone: string;
  row: Record<string, unknown>;
  /** A liaison point to create: organization id and since. */
  assign?: { organizationId: number; since: string };
}

const keyOf = (name: string, phone: string) => `${name}\u0000${phone}`;

export const instructorsKind: KindHandler = {
  async plan(ctx, rows) {
    const pairs = rows.filter((r) => typeof r.values.name === 'string' && typeof r.values.phone === 'string');
    const pools = distinct(rows.map((r) => r.values.pool as string | undefined));
    const orgs = distinct(rows.map((r) => r.values.assignedOrganization as string | undefined));
    const [storedRows, poolRows, orgRows] = await inSequence([
      () => query<Stored>(
        ctx.db,
        `SELECT id, version, name, phone, pool_area_id, employer, joined_pool_on::text AS joined_pool_on, left_pool_on::text AS left_pool_on,
           coalesce((SELECT array_agg(lp.organization_id) FROM liaison_point lp
             WHERE lp.instructor_id = i.id AND lp.kind = 'INSTRUCTOR' AND lp.until IS NULL), '{}') AS assigned
         FROM instructor i WHERE (name, phone) IN (SELECT * FROM unnest($1::text[], $2::text[])) ${ctx.lock ? 'FOR UPDATE' : ''}`,
        [pairs.map((r) => (r.values.name as string).trim()), pairs.map((r) => r.values.phone as string)],
      ),
      () => pools.length
        ? query<{ id: number; code: string; name: string }>(
            ctx.db,
            `SELECT id, code::text AS code, name FROM area WHERE level IN ('CITY', 'DISTRICT') AND (code = ANY($1::text[]) OR name = ANY($1::text[]))`,
            [pools],
          )
        : [],
      () => orgs.length
        ? query<{ id: number; credit_code: string }>(ctx.db, `SELECT id, credit_code::text AS credit_code FROM organization WHERE credit_code = ANY($1::text[])`, [orgs])
        : [],
    ]);
    const stored = groupBy(storedRows, (s) => [keyOf(s.name, s.phone)]);
    const poolBy = groupBy(poolRows, (a) => [a.code, a.name]);
    const orgBy = new Map(orgRows.map((o) => [o.credit_code, o.id]));

    return rows.map((input): PlannedRow => {
      const v = input.values;
      const issues: RowIssue[] = [];
      const name = typeof v.name === 'string' ? v.name.trim() : null;
      const phone = typeof v.phone === 'string' ? v.phone : null;
      const dedupe = name && phone ? keyOf(name, phone) : null;
      const key = name && phone ? `${maskName(name)} ${maskPhone(phone)}` : null;
      const matches = dedupe ? (stored.get(dedupe) ?? []) : [];
      if (matches.length > 1) {
        issues.push(
          rowIssue(input.row, ctx.header('name'), 'CONFLICT', 'AMBIGUOUS', '平台中有多名同姓名、同电话的指导员，无法确定更新哪一位', 'Several instructors in the platform share this name and phone; the import cannot tell which to update.'),
        );
      }
      const current = matches.length === 1 ? matches[0] : undefined;

      issues.push(
        ...fromDomain(
          ctx,
          input,
          validateInstructorFields(
            {
              name: name ?? '',
              phone,
              employer: (v.employer as string | undefined) ?? null,
              joinedPoolOn: (v.joinedPoolOn as string | undefined) ?? (current?.joined_pool_on as string),
              leftPoolOn: v.leftPoolOn !== undefined ? (v.leftPoolOn as string) : ((current?.left_pool_on as string | null) ?? null),
              hasAssignment: v.assignedOrganization !== undefined,
              assignedSince: (v.assignedSince as string | undefined) ?? null,
            },
            ctx.today,
            { phoneRequired: true },
          ),
        ),
      );

      let poolId = current?.pool_area_id as number | undefined;
      if (typeof v.pool === 'string') {
        const found = poolBy.get(v.pool) ?? [];
        const header = ctx.header('pool');
        if (found.length === 0) issues.push(notFound(input, header, 'UNKNOWN_AREA', `找不到市或区县“${v.pool.slice(0, 50)}”`, `No city or district has the code or name "${v.pool.slice(0, 50)}".`));
        else if (found.length > 1) issues.push(ambiguous(input, header, `有多个区划名为“${v.pool}”，请改填区划代码`, `Several areas are called "${v.pool}": use the division code.`));
        else poolId = found[0]!.id;
      }
      let assign: Payload['assign'];
      if (typeof v.assignedOrganization === 'string') {
        const organizationId = orgBy.get(v.assignedOrganization);
        if (organizationId === undefined) {
          issues.push(
            notFound(input, ctx.header('assignedOrganization'), 'UNKNOWN_ORGANIZATION', `平台中没有统一社会信用代码为 ${v.assignedOrganization.slice(0, 20)} 的组织`, `No organization has the credit code ${v.assignedOrganization.slice(0, 20)}.`),
          );
        } else if (!((current?.assigned as number[] | undefined) ?? []).includes(organizationId) && typeof v.assignedSince === 'string') {
          assign = { organizationId, since: v.assignedSince };
        }
      }

      if (issues.length > 0 || input.issues.length > 0 || !name || !phone) return planned(input, key, dedupe, issues, null);
      const next: Record<string, unknown> = {
        pool_area_id: poolId ?? null,
        employer: v.employer !== undefined ? v.employer : ((current?.employer as string | null) ?? null),
        joined_pool_on: v.joinedPoolOn ?? current?.joined_pool_on,
        left_pool_on: v.leftPoolOn !== undefined ? v.leftPoolOn : ((current?.left_pool_on as string | null) ?? null),
      };
      const compared = Object.fromEntries(Object.entries(COMPARED_FIELDS).map(([c, f]) => [c, ctx.header(f)]));
      let outcome = outcomeOf(current, next, compared);
      if (assign && outcome.outcome === 'UNCHANGED') outcome = { outcome: 'UPDATE', changes: [] };
      if (assign && outcome.outcome === 'UPDATE') outcome.changes!.push(ctx.header('assignedOrganization'));
      const payload: Payload = { id: current?.id, version: current?.version, name, phone, row: next, assign };
      return planned(input, key, dedupe, [], outcome, payload);
    });
  },

  async apply(ctx, rows, audit) {
    const payloads = rows.map((r) => ({ outcome: r.outcome, p: r.payload as Payload }));
    const creates = payloads.filter((x) => x.outcome === 'CREATE').map((x) => x.p);
    const ids = new Map<string, number>();
    if (creates.length) {
      const inserted = await insertSet(
        ctx.db,
        {
          table: 'instructor',
          nodeType: 'Instructor',
          columns: [{ name: 'name', type: 'text' }, { name: 'phone', type: 'text' }, ...WRITTEN],
          returning: ['id', 'name', 'phone'],
        },
        creates.map((p) => [p.name, p.phone, ...WRITTEN.map((c) => p.row[c.name])]),
        audit,
      );
      for (const r of inserted) ids.set(keyOf(String(r.name), String(r.phone)), Number(r.id));
    }
    // Rows whose instructor fields changed (not only a new assignment).
    const assignedHeader = ctx.header('assignedOrganization');
    const updates = rows
      .filter((r) => r.outcome === 'UPDATE' && (r.payload as Payload).id !== undefined && r.changes!.some((c) => c !== assignedHeader))
      .map((r) => r.payload as Payload);
    if (updates.length) {
      await updateSet(
        ctx.db,
        { table: 'instructor', nodeType: 'Instructor', columns: WRITTEN, touch: false },
        updates.map((p) => [p.id, p.version, ...WRITTEN.map((c) => p.row[c.name])]),
        audit,
      );
    }
    const assignments = payloads
      .map((x) => x.p)
      .filter((p) => p.assign)
      .map((p) => ['INSTRUCTOR', p.assign!.organizationId, p.id ?? ids.get(keyOf(p.name, p.phone)), p.assign!.since]);
    if (assignments.length) {
      await insertSet(
        ctx.db,
        {
          table: 'liaison_point',
          nodeType: 'LiaisonPoint',
          columns: [
            { name: 'kind', type: 'text' },
            { name: 'organization_id', type: 'int' },
            { name: 'instructor_id', type: 'int' },
            { name: 'since', type: 'date' },
          ],
          returning: ['id'],
        },
        assignments,
        audit,
      );
    }
  },
};
