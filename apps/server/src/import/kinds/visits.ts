import { isIsoDate, validateVisitFields } from '@liangxin/domain';
import { labelOf, LIAISON_KIND_VALUES } from '../columns.js';
import { rowIssue, type RowIssue } from '../report.js';
import { insertSet, updateSet, type SetColumn } from '../write-set.js';
import { distinct, fromDomain, notFound, outcomeOf, planned, query, type KindHandler, type PlannedRow } from './common.js';

/**
 * Visits (走访), on a liaison point. A spreadsheet names the point by the organization's credit
 * code, the point's kind and — when the organization has several current points of that kind —
 * the responsible body's name (committee, member unit, work-group member or instructor). The
 * natural key is the liaison point and the date: a second row for the same point and day
 * updates that visit.
 */

const WRITTEN: SetColumn[] = [
  { name: 'visitor', type: 'text' },
  { name: 'owner_intention', type: 'text' },
  { name: 'members_intention', type: 'text' },
  { name: 'problems', type: 'text' },
  { name: 'help_given', type: 'text' },
];

const FIELD_COLUMNS: Record<string, string> = {
  visitor: 'visitor',
  ownerIntention: 'owner_intention',
  membersIntention: 'members_intention',
  problems: 'problems',
  helpGiven: 'help_given',
};

interface Point {
  id: number;
  organization_id: number;
  kind: string;
  since: string;
  until: string | null;
  responsible: string | null;
}

type Stored = Record<string, unknown> & { id: number; version: number; liaison_point_id: number; visited_on: string };

interface Payload {
  id?: number;
  version?: number;
  point: Point;
  visitedOn: string;
  row: Record<string, unknown>;
}

export const visitsKind: KindHandler = {
  async plan(ctx, rows) {
    const codes = distinct(rows.map((r) => r.values.creditCode as string | undefined));
    const orgRows = codes.length
      ? await query<{ id: number; credit_code: string; registered_on: string }>(
          ctx.db,
          `SELECT id, credit_code::text AS credit_code, registered_on::text AS registered_on FROM organization WHERE credit_code = ANY($1::text[])`,
          [codes],
        )
      : [];
    const orgBy = new Map(orgRows.map((o) => [o.credit_code, o]));
    const points = orgRows.length
      ? await query<Point>(
          ctx.db,
          `SELECT lp.id, lp.organization_id, lp.kind, lp.since::text AS since, lp.until::text AS until,
             coalesce(wc.name, mu.name, wg.name, i.name) AS responsible
           FROM liaison_point lp
           LEFT JOIN working_committee wc ON wc.id = lp.committee_id
           LEFT JOIN member_unit mu ON mu.id = lp.member_unit_id
           LEFT JOIN work_group_member wg ON wg.id = lp.work_group_member_id
           LEFT JOIN instructor i ON i.id = lp.instructor_id
           WHERE lp.organization_id = ANY($1::int[])`,
          [orgRows.map((o) => o.id)],
        )
      : [];
    const pointsOf = new Map<number, Point[]>();
    for (const p of points) pointsOf.set(p.organization_id, [...(pointsOf.get(p.organization_id) ?? []), p]);

    // Resolve each row's liaison point first, then read the visits already stored for those (point, day) pairs.
    const resolved = rows.map((input) => {
      const v = input.values;
      const issues: RowIssue[] = [];
      let point: Point | undefined;
      const org = typeof v.creditCode === 'string' ? orgBy.get(v.creditCode) : undefined;
      if (typeof v.creditCode === 'string' && !org) {
        issues.push(notFound(input, ctx.header('creditCode'), 'UNKNOWN_ORGANIZATION', `平台中没有统一社会信用代码为 ${v.creditCode.slice(0, 20)} 的组织`, `No organization has the credit code ${v.creditCode.slice(0, 20)}.`));
      }
      const date = typeof v.visitedOn === 'string' && isIsoDate(v.visitedOn) ? v.visitedOn : null;
      if (org && typeof v.liaisonKind === 'string' && date) {
        const kindLabel = labelOf(LIAISON_KIND_VALUES, v.liaisonKind)!;
        let candidates = (pointsOf.get(org.id) ?? []).filter((p) => p.kind === v.liaisonKind && p.since <= date && (p.until === null || p.until > date));
        if (typeof v.responsible === 'string') candidates = candidates.filter((p) => p.responsible === v.responsible);
        if (candidates.length === 0) {
          issues.push(
            notFound(
              input,
              ctx.header(typeof v.responsible === 'string' ? 'responsible' : 'liaisonKind'),
              'NO_LIAISON_POINT',
              `该组织在 ${date} 没有${typeof v.responsible === 'string' ? `责任主体为“${v.responsible.slice(0, 50)}”的` : ''}“${kindLabel}”联系点`,
              `The organization had no ${v.liaisonKind} liaison point${typeof v.responsible === 'string' ? ` with that responsible body` : ''} on ${date}.`,
            ),
          );
        } else if (candidates.length > 1) {
          issues.push(
            rowIssue(input.row, ctx.header('responsible'), 'CONFLICT', 'AMBIGUOUS', `该组织在 ${date} 有多个“${kindLabel}”联系点，请填写责任主体`, `The organization had several ${v.liaisonKind} liaison points on ${date}: fill in the responsible body.`),
          );
        } else point = candidates[0];
      }
      if (org && date && date < org.registered_on) {
        issues.push(
          rowIssue(input.row, ctx.header('visitedOn'), 'BAD_USER_INPUT', 'DATES_OUT_OF_ORDER', `走访日期（${date}）早于组织登记日期（${org.registered_on}）`, `The visit date (${date}) is before the organization was registered (${org.registered_on}).`),
        );
      }
      return { input, issues, point, date };
    });

    const keyed = resolved.filter((r) => r.point && r.date);
    const storedRows = keyed.length
      ? await query<Stored>(
          ctx.db,
          `SELECT id, version, liaison_point_id, visited_on::text AS visited_on, visitor, owner_intention, members_intention, problems, help_given
           FROM visit WHERE (liaison_point_id, visited_on) IN (SELECT * FROM unnest($1::int[], $2::date[])) ${ctx.lock ? 'FOR UPDATE' : ''}`,
          [keyed.map((r) => r.point!.id), keyed.map((r) => r.date)],
        )
      : [];
    const storedBy = new Map<string, Stored[]>();
    for (const s of storedRows) {
      const k = `${s.liaison_point_id}|${s.visited_on}`;
      storedBy.set(k, [...(storedBy.get(k) ?? []), s]);
    }

    return resolved.map(({ input, issues, point, date }): PlannedRow => {
      const v = input.values;
      const key = typeof v.creditCode === 'string' ? `${v.creditCode} ${labelOf(LIAISON_KIND_VALUES, v.liaisonKind as string) ?? ''} ${String(v.visitedOn ?? '')}`.trim() : null;
      const dedupe = point && date ? `${point.id}|${date}` : key;
      const matches = point && date ? (storedBy.get(`${point.id}|${date}`) ?? []) : [];
      if (matches.length > 1) {
        issues.push(
          rowIssue(input.row, ctx.header('visitedOn'), 'CONFLICT', 'AMBIGUOUS', '平台中该联系点当天已有多条走访记录，无法确定更新哪一条', 'The platform holds several visits on this liaison point that day; the import cannot tell which to update.'),
        );
      }
      const current = matches.length === 1 ? matches[0] : undefined;
      const next: Record<string, unknown> = {};
      for (const [field, column] of Object.entries(FIELD_COLUMNS)) next[column] = v[field] !== undefined ? v[field] : (current?.[column] ?? null);
      issues.push(
        ...fromDomain(
          ctx,
          input,
          validateVisitFields(
            {
              visitedOn: v.visitedOn as string,
              visitor: next.visitor as string,
              ownerIntention: next.owner_intention as string | null,
              membersIntention: next.members_intention as string | null,
              problems: next.problems as string | null,
              helpGiven: next.help_given as string | null,
            },
            ctx.today,
          ),
        ),
      );
      if (issues.length > 0 || input.issues.length > 0 || !point || !date) return planned(input, key, dedupe, issues, null);
      const compared = Object.fromEntries(Object.entries(FIELD_COLUMNS).map(([f, c]) => [c, ctx.header(f)]));
      const payload: Payload = { id: current?.id, version: current?.version, point, visitedOn: date, row: next };
      return planned(input, key, dedupe, [], outcomeOf(current, next, compared), payload);
    });
  },

  async apply(ctx, rows, audit) {
    const creates = rows.filter((r) => r.outcome === 'CREATE').map((r) => r.payload as Payload);
    const updates = rows.filter((r) => r.outcome === 'UPDATE').map((r) => r.payload as Payload);
    if (creates.length) {
      await insertSet(
        ctx.db,
        {
          table: 'visit',
          nodeType: 'Visit',
          columns: [{ name: 'liaison_point_id', type: 'int' }, { name: 'organization_id', type: 'int' }, { name: 'visited_on', type: 'date' }, ...WRITTEN],
          returning: ['id'],
        },
        creates.map((p) => [p.point.id, p.point.organization_id, p.visitedOn, ...WRITTEN.map((c) => p.row[c.name])]),
        audit,
      );
    }
    if (updates.length) {
      await updateSet(
        ctx.db,
        { table: 'visit', nodeType: 'Visit', columns: WRITTEN, touch: false },
        updates.map((p) => [p.id, p.version, ...WRITTEN.map((c) => p.row[c.name])]),
        audit,
      );
    }
  },
};
