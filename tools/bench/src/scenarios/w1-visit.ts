import { todayInShanghai } from '@liangxin/domain';
import { dataOf, type Scenario } from './types.js';

/**
 * W1: record a visit (a write). The n-th request records a new visit on the n-th of 200 current
 * liaison points (spread over the city, as many workers visiting at once would be), with its own
 * visitor name (ours refuses the same visit twice as a duplicate). Ours runs
 * `recordVisit` (validation, duplicate check, insert, audit entry, the coverage-tally trigger,
 * in one transaction); PostGraphile its generated `createVisit` (insert + trigger); the floor one
 * INSERT … RETURNING (insert + trigger). The bench deletes the visits it wrote at the end
 * (visitor 'bench-w1 …'); our audit entries stay, as the audit log is append-only.
 */
export const VISITOR_PREFIX = 'bench-w1 ';
const POINTS = 200;

const OURS = /* GraphQL */ `mutation W1RecordVisit($input: RecordVisitInput!) {
  recordVisit(input: $input) { visit { visitedOn visitor ownerIntention } organization { creditCode } }
}`;

// visit reaches organization only through the composite key (liaison_point_id, organization_id).
const POSTGRAPHILE = /* GraphQL */ `mutation W1RecordVisit($input: CreateVisitInput!) {
  createVisit(input: $input) { visit { visitedOn visitor ownerIntention liaisonPointByLiaisonPointIdAndOrganizationId { organizationByOrganizationId { creditCode } } } }
}`;

const FLOOR = /* sql */ `
INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor, owner_intention)
VALUES ($1, $2, $3::date, $4, $5)
RETURNING json_build_object('visitedOn', visited_on, 'visitor', visitor, 'ownerIntention', owner_intention,
  'creditCode', (SELECT o.credit_code FROM organization o WHERE o.id = organization_id)) AS json`;

const canonical = (v: { visitedOn: string; visitor: string; ownerIntention: string | null }, creditCode: string) => ({
  visitedOn: v.visitedOn,
  visitor: v.visitor.startsWith(VISITOR_PREFIX) ? 'bench-w1' : v.visitor,
  ownerIntention: v.ownerIntention,
  creditCode,
});

export const w1: Scenario = {
  id: 'W1',
  title: 'W1 record a visit (a write)',
  write: true,
  floorSql: FLOOR,
  async prepare(ctx) {
    const visitedOn = [ctx.asOf, todayInShanghai()].sort()[0]!;
    const { rows } = await ctx.db.query(
      `SELECT l.id, l.organization_id FROM liaison_point l JOIN organization o ON o.id = l.organization_id
       WHERE l.until IS NULL AND l.since <= $1::date AND o.registered_on <= $1::date AND o.status = 'ACTIVE'
       ORDER BY md5(l.id::text) LIMIT ${POINTS}`,
      [visitedOn],
    );
    if (!rows[0]) throw new Error('W1: no current liaison point in the data set');
    const at = (n: number) => rows[n % rows.length] as { id: number; organization_id: number };
    const run = Date.now().toString(36);
    const visitor = (server: string, n: number) => `${VISITOR_PREFIX}${server} ${run} ${n}`;
    const ours = (n: number) => ({
      query: OURS,
      variables: {
        input: {
          organization: Buffer.from(`Organization:${at(n).organization_id}`).toString('base64url'),
          liaisonPoint: Buffer.from(`LiaisonPoint:${at(n).id}`).toString('base64url'),
          visitedOn,
          visitor: visitor('ours', n),
          ownerIntention: 'UNDECIDED',
        },
      },
    });
    const postgraphile = (n: number) => ({
      query: POSTGRAPHILE,
      variables: { input: { visit: { liaisonPointId: at(n).id, organizationId: at(n).organization_id, visitedOn, visitor: visitor('pg', n), ownerIntention: 'UNDECIDED' } } },
    });
    const floor = (n: number) => [at(n).id, at(n).organization_id, visitedOn, visitor('floor', n), 'UNDECIDED'];
    return {
      ours: { body: ours(0), vary: ours },
      postgraphile: { body: postgraphile(0), vary: postgraphile },
      floor: { params: floor(0), vary: floor },
      normalise: {
        ours(response) {
          const p = dataOf(response).recordVisit;
          return canonical(p.visit, p.organization.creditCode);
        },
        postgraphile(response) {
          const v = dataOf(response).createVisit.visit;
          return canonical(v, v.liaisonPointByLiaisonPointIdAndOrganizationId.organizationByOrganizationId.creditCode);
        },
        floor: (json) => canonical(json, json.creditCode),
      },
    };
  },
};
