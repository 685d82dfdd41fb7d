import { addDays, makeCreditCode, todayInShanghai } from '@liangxin/domain';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../test/helpers.js';
import { useMutationTestApp } from '../../../test/mutation-app.js';
import { globalId as gid, rowId } from '../../../test/pagination.js';
import { insertPartyFixture } from '../../../test/party-fixture.js';
import { assertRefusal, type RefusalCase } from '../../../test/refusals.js';
import { snapshotDatabase } from '../../../test/snapshot.js';

const TODAY = todayInShanghai();
const TOMORROW = addDays(TODAY, 1);
const RECENT = addDays(TODAY, -10);

/*
 * The party fixture and: organization 7 in 千佛山街道 (street 11), without a Party organization,
 * instructor or visit — a blind spot — with a work-group member 专包 (liaison point 20) since
 * 2024-01-01; and organization 8, also a blind spot in street 11, with none (so the street keeps
 * one after the visit).
 */
const { db, app } = useMutationTestApp(async (url) => {
  await insertPartyFixture(url);
  const code = (i: number) => makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: `MW${String(i).padStart(6, '0')}` });
  await sql(
    url,
    `INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, street_id, source) VALUES
       (7, '${code(7)}', '千佛山示例物流有限公司', 'NON_PUBLIC_ECONOMIC', 'G', 40, '2020-06-01', 11, 'GENERATED'),
       (8, '${code(8)}', '千佛山示例餐饮店', 'NON_PUBLIC_ECONOMIC', 'H', 6, '2021-06-01', 11, 'GENERATED');
     INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES (3, 11, '周工作组', '0531-86003003', '2020-01-01');
     INSERT INTO liaison_point (id, kind, organization_id, work_group_member_id, since) VALUES (20, 'WORK_GROUP', 7, 3, '2024-01-01');`,
  );
});

const RECORD = /* GraphQL */ `
  mutation ($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      visit { id visitedOn visitor ownerIntention membersIntention problems helpGiven version }
      liaisonPoint { id kind }
      organization { id visits { totalCount } street { coverage { inScope blindSpots workCovered } } }
    }
  }`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: UpdateVisitInput!) {
    updateVisit(id: $id, version: $version, input: $input) { visit { id visitedOn visitor problems helpGiven ownerIntention version } organization { id } }
  }`;
const AUDIT = /* GraphQL */ `
  query ($nodeId: ID!) { auditLog(nodeId: $nodeId, first: 5) { totalCount nodes { operation before after } } }`;

const ORG = (id: number) => gid('Organization', id);
const POINT = (id: number) => gid('LiaisonPoint', id);

function visit(overrides: Record<string, unknown> = {}) {
  return { input: { organization: ORG(1), liaisonPoint: POINT(1), visitedOn: '2025-03-01', visitor: '历下区两新工委 张干事', ...overrides } };
}

interface RecordPayload {
  recordVisit: {
    visit: Record<string, unknown> & { id: string; version: number };
    organization: { visits: { totalCount: number }; street: { coverage: { inScope: number; blindSpots: number; workCovered: number } } };
  };
}

describe('recordVisit', () => {
  it('ends a blind spot at once: the payload’s street shows one blind spot fewer, one more work-covered', async () => {
    const street = `{ node(id: "${gid('Area', 11)}") { ... on Area { coverage { inScope blindSpots workCovered } } } }`;
    const before = (await app.gql<{ node: { coverage: { inScope: number; blindSpots: number; workCovered: number } } }>(street)).body.data!.node.coverage;
    expect(before.blindSpots).toBeGreaterThanOrEqual(2);
    const { body } = await app.gql<RecordPayload>(
      RECORD,
      visit({ organization: ORG(7), liaisonPoint: POINT(20), visitedOn: RECENT, visitor: '周工作组', ownerIntention: 'UNDECIDED', problems: '党员流动性大\n缺少活动场地' }),
    );
    expect(body.errors).toBeUndefined();
    const payload = body.data!.recordVisit;
    expect(payload.visit).toMatchObject({ visitedOn: RECENT, visitor: '周工作组', ownerIntention: 'UNDECIDED', membersIntention: null, problems: '党员流动性大\n缺少活动场地', version: 1 });
    expect(payload.organization.visits.totalCount).toBe(1);
    expect(payload.organization.street.coverage).toEqual({ inScope: before.inScope, blindSpots: before.blindSpots - 1, workCovered: before.workCovered + 1 });
  });

  it('writes an audit entry with the row as stored', async () => {
    const { body } = await app.gql<RecordPayload>(RECORD, visit({ visitedOn: '2025-03-02', helpGiven: '讲解党员组织关系转接' }));
    expect(body.errors).toBeUndefined();
    const id = body.data!.recordVisit.visit.id;
    const audit = await app.gql<{ auditLog: { totalCount: number; nodes: { operation: string; before: unknown; after: Record<string, unknown> }[] } }>(AUDIT, { nodeId: id });
    expect(audit.body.data!.auditLog.nodes[0]).toMatchObject({
      operation: 'recordVisit',
      before: null,
      after: { id: rowId(id), liaison_point_id: 1, organization_id: 1, visited_on: '2025-03-02', help_given: '讲解党员组织关系转接', version: 1 },
    });
  });

  it('stores SQL and spreadsheet-formula text verbatim', async () => {
    const texts = ["'); DELETE FROM visit;--", "=HYPERLINK(\"http://x\",\"y\")", '@SUM(1+1)*cmd|'];
    for (const [k, text] of texts.entries()) {
      const { body } = await app.gql<RecordPayload>(RECORD, visit({ visitedOn: `2025-04-0${k + 1}`, visitor: text, problems: text, helpGiven: text }));
      expect(body.errors).toBeUndefined();
      expect(body.data!.recordVisit.visit).toMatchObject({ visitor: text, problems: text, helpGiven: text });
    }
  });
});

describe('updateVisit', () => {
  it('changes only the fields given, raises the version; an update that changes nothing writes nothing', async () => {
    const created = (await app.gql<RecordPayload>(RECORD, visit({ visitedOn: '2025-05-01', problems: '初稿' }))).body.data!.recordVisit.visit;
    const { body } = await app.gql<{ updateVisit: { visit: Record<string, unknown> } }>(UPDATE, { id: created.id, version: 1, input: { problems: '修改后', ownerIntention: 'WILLING' } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.updateVisit.visit).toMatchObject({ problems: '修改后', ownerIntention: 'WILLING', visitedOn: '2025-05-01', version: 2 });
    const same = await app.gql<{ updateVisit: { visit: { version: number } } }>(UPDATE, { id: created.id, version: 2, input: { problems: '修改后' } });
    expect(same.body.data!.updateVisit.visit.version).toBe(2);
    const cleared = await app.gql<{ updateVisit: { visit: Record<string, unknown> } }>(UPDATE, { id: created.id, version: 2, input: { problems: null } });
    expect(cleared.body.data!.updateVisit.visit).toMatchObject({ problems: null, version: 3 });
    const audit = await app.gql<{ auditLog: { totalCount: number } }>(AUDIT, { nodeId: created.id });
    expect(audit.body.data!.auditLog.totalCount).toBe(3);
  });
});

const CASES: RefusalCase[] = [
  {
    title: 'a visit in the future',
    query: RECORD,
    variables: visit({ visitedOn: TOMORROW }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'visitedOn'],
    reason: 'FUTURE_DATE',
    message: /cannot be in the future/,
  },
  {
    title: 'a visit before the liaison point began',
    query: RECORD,
    variables: visit({ visitedOn: '2021-12-31' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'visitedOn'],
    reason: 'BEFORE_LIAISON_POINT',
    message: /before the liaison point began \(2022-01-01\)/,
    zh: /早于该联系点建立的日期/,
  },
  {
    title: 'a visit after the liaison point ended',
    query: RECORD,
    variables: visit({ organization: ORG(5), liaisonPoint: POINT(4), visitedOn: '2024-01-05' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'visitedOn'],
    reason: 'AFTER_LIAISON_POINT',
    message: /ended on 2023-12-31/,
  },
  {
    title: 'a visit through another organization’s liaison point',
    query: RECORD,
    variables: visit({ organization: ORG(2) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'liaisonPoint'],
    reason: 'OTHER_ORGANIZATION',
    message: /belongs to "济南示例软件有限公司", not to "济南示例行业协会"/,
  },
  {
    title: 'an unknown liaison point',
    query: RECORD,
    variables: visit({ liaisonPoint: POINT(9999) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'liaisonPoint'],
    reason: 'UNKNOWN_REFERENCE',
    message: /no liaison point with the id/,
  },
  {
    title: 'a visit’s id as the liaison point',
    query: RECORD,
    variables: visit({ liaisonPoint: gid('Visit', 1) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'liaisonPoint'],
    reason: 'WRONG_TYPE',
    message: /id of a Visit, not of a liaison point/,
  },
  {
    title: 'SQL as the organization id',
    query: RECORD,
    variables: visit({ organization: "1; DROP TABLE visit;--" }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'organization'],
    reason: 'INVALID_ID',
    message: /not a valid organization id/,
  },
  {
    title: 'an empty visitor',
    query: RECORD,
    variables: visit({ visitor: '' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'visitor'],
    reason: 'EMPTY',
    message: /visitor cannot be empty/,
  },
  {
    title: 'a tab in the visitor',
    query: RECORD,
    variables: visit({ visitor: '张\t干事' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'visitor'],
    reason: 'CONTROL_CHARACTER',
    message: /U\+0009/,
  },
  {
    title: '2,001 characters of problems',
    query: RECORD,
    variables: visit({ problems: '问'.repeat(2001) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'problems'],
    reason: 'TOO_LONG',
    message: /at most 2000 characters; this one has 2001/,
  },
  {
    title: '10,000 characters of help given',
    query: RECORD,
    variables: visit({ helpGiven: 'x'.repeat(10_000) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'helpGiven'],
    reason: 'TOO_LONG',
    message: /this one has 10000/,
  },
  {
    title: 'the same visit twice',
    query: RECORD,
    variables: visit({ organization: ORG(4), liaisonPoint: POINT(3), visitedOn: '2025-09-01', visitor: '陈工作组' }),
    code: 'CONFLICT',
    field: ['input', 'visitedOn'],
    reason: 'DUPLICATE',
    message: /already recorded: 陈工作组 on 2025-09-01/,
    extensions: { existingId: gid('Visit', 1) },
  },
  {
    title: 'update: a stale version',
    query: UPDATE,
    variables: { id: gid('Visit', 1), version: 4, input: { problems: '过期' } },
    code: 'CONFLICT',
    reason: 'STALE_VERSION',
    message: /you edited version 4, it is now at version 1/,
    extensions: { currentVersion: 1 },
  },
  {
    title: 'update: the visitor cleared',
    query: UPDATE,
    variables: { id: gid('Visit', 1), version: 1, input: { visitor: null } },
    code: 'BAD_USER_INPUT',
    field: ['input', 'visitor'],
    reason: 'REQUIRED',
    message: /visitor cannot be cleared/,
  },
  {
    title: 'update: moved before the liaison point began',
    query: UPDATE,
    variables: { id: gid('Visit', 1), version: 1, input: { visitedOn: '2021-05-31' } },
    code: 'BAD_USER_INPUT',
    field: ['input', 'visitedOn'],
    reason: 'BEFORE_LIAISON_POINT',
    message: /before the liaison point began \(2021-06-01\)/,
  },
  {
    title: 'update: an unknown visit',
    query: UPDATE,
    variables: { id: gid('Visit', 9999), version: 1, input: { problems: '无' } },
    code: 'NOT_FOUND',
    message: /No Visit has this id/,
  },
  {
    title: 'update: a malformed id',
    query: UPDATE,
    variables: { id: '=1+1', version: 1, input: { problems: '无' } },
    code: 'BAD_USER_INPUT',
    field: ['id'],
    reason: 'INVALID_ID',
    message: /not a valid Visit id/,
  },
];

describe('the bad-input corpus of visits: refused with code, path and message, and nothing changed', () => {
  it.each(CASES)('$title', (c) => assertRefusal(app, db.url, c));

  it('refuses an intention that is not an Intention before any resolver runs', async () => {
    const before = await snapshotDatabase(db.url);
    const { body } = await app.gql(RECORD, visit({ ownerIntention: 'MAYBE' }));
    expect(body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(/at "input.ownerIntention"/);
    expect(await snapshotDatabase(db.url)).toEqual(before);
  });
});
