import { addDays, todayInShanghai } from '@liangxin/domain';
import { describe, expect, it } from 'vitest';
import { useMutationTestApp } from '../../../test/mutation-app.js';
import { globalId as gid, rowId } from '../../../test/pagination.js';
import { insertPartyFixture } from '../../../test/party-fixture.js';
import { assertRefusal, type RefusalCase } from '../../../test/refusals.js';
import { snapshotDatabase } from '../../../test/snapshot.js';

/* The party fixture: Party organization 3 (a branch, established 2019-07-01), 6 (dissolved 2024-06-30). */
const { db, app } = useMutationTestApp(insertPartyFixture);

const RECORD = /* GraphQL */ `
  mutation ($input: RecordActivityInput!) {
    recordActivity(input: $input) {
      activity { id kind title heldOn participants version }
      partyOrganization { id activities { totalCount } }
    }
  }`;
const AUDIT = /* GraphQL */ `
  query ($nodeId: ID!) { auditLog(nodeId: $nodeId, first: 5) { totalCount nodes { operation before after } } }`;

const TOMORROW = addDays(todayInShanghai(), 1);
const PARTY = (id: number) => gid('PartyOrganization', id);

function activity(overrides: Record<string, unknown> = {}) {
  return { input: { partyOrganization: PARTY(3), kind: 'TRAINING', title: '新党员入党培训', heldOn: '2025-04-10', participants: 18, ...overrides } };
}

describe('recordActivity', () => {
  it('records an activity at version 1, seen at once in the Party organization’s activities, with an audit entry', async () => {
    const { body } = await app.gql<{ recordActivity: { activity: Record<string, unknown> & { id: string }; partyOrganization: { activities: { totalCount: number } } } }>(
      RECORD,
      activity({ title: '  新党员入党培训 ' }),
    );
    expect(body.errors).toBeUndefined();
    const { activity: stored, partyOrganization } = body.data!.recordActivity;
    expect(stored).toMatchObject({ kind: 'TRAINING', title: '新党员入党培训', heldOn: '2025-04-10', participants: 18, version: 1 });
    // The fixture gives Party organization 3 two activities.
    expect(partyOrganization.activities.totalCount).toBe(3);
    const audit = await app.gql<{ auditLog: { nodes: { operation: string; before: unknown; after: Record<string, unknown> }[] } }>(AUDIT, { nodeId: stored.id });
    expect(audit.body.data!.auditLog.nodes[0]).toMatchObject({
      operation: 'recordActivity',
      before: null,
      after: { id: rowId(stored.id), party_organization_id: 3, kind: 'TRAINING', participants: 18, version: 1 },
    });
  });

  it('accepts zero and 100,000 participants, and a formula as a title, stored verbatim', async () => {
    for (const [participants, title] of [[0, "=cmd|' /C calc'!A0"], [100_000, "'; DROP TABLE activity;--"]] as const) {
      const { body } = await app.gql<{ recordActivity: { activity: { title: string; participants: number } } }>(RECORD, activity({ participants, title, heldOn: '2025-05-01' }));
      expect(body.errors).toBeUndefined();
      expect(body.data!.recordActivity.activity).toMatchObject({ title, participants });
    }
  });
});

const CASES: RefusalCase[] = [
  {
    title: 'an activity of a dissolved Party organization',
    query: RECORD,
    variables: activity({ partyOrganization: PARTY(6), heldOn: '2025-01-15' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'partyOrganization'],
    reason: 'DISSOLVED',
    message: /was dissolved on 2024-06-30; it cannot have held an activity on 2025-01-15/,
    zh: /已于 2024-06-30 撤销/,
  },
  {
    title: 'an activity on the day of dissolution',
    query: RECORD,
    variables: activity({ partyOrganization: PARTY(6), heldOn: '2024-06-30' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'partyOrganization'],
    reason: 'DISSOLVED',
    message: /dissolved on 2024-06-30/,
  },
  {
    title: 'an activity before the Party organization was established',
    query: RECORD,
    variables: activity({ heldOn: '2019-06-30' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'heldOn'],
    reason: 'BEFORE_ESTABLISHED',
    message: /was established \(2019-07-01\)/,
  },
  {
    title: 'negative participants',
    query: RECORD,
    variables: activity({ participants: -1 }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'participants'],
    reason: 'OUT_OF_RANGE',
    message: /between 0 and 100,000; it is -1/,
  },
  {
    title: '100,001 participants',
    query: RECORD,
    variables: activity({ participants: 100_001 }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'participants'],
    reason: 'OUT_OF_RANGE',
    message: /it is 100001/,
  },
  {
    title: 'the largest Int as participants',
    query: RECORD,
    variables: activity({ participants: 2_147_483_647 }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'participants'],
    reason: 'OUT_OF_RANGE',
    message: /between 0 and 100,000/,
  },
  {
    title: 'held tomorrow',
    query: RECORD,
    variables: activity({ heldOn: TOMORROW }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'heldOn'],
    reason: 'FUTURE_DATE',
    message: /cannot be in the future/,
  },
  {
    title: 'an empty title',
    query: RECORD,
    variables: activity({ title: ' ' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'title'],
    reason: 'EMPTY',
    message: /title cannot be empty/,
  },
  {
    title: 'a 10,000-character title',
    query: RECORD,
    variables: activity({ title: '学'.repeat(10_000) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'title'],
    reason: 'TOO_LONG',
    message: /at most 200 characters; this one has 10000/,
  },
  {
    title: 'a line break in the title',
    query: RECORD,
    variables: activity({ title: '主题\n党日' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'title'],
    reason: 'CONTROL_CHARACTER',
    message: /U\+000A/,
  },
  {
    title: 'an unknown Party organization',
    query: RECORD,
    variables: activity({ partyOrganization: PARTY(9999) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'partyOrganization'],
    reason: 'UNKNOWN_REFERENCE',
    message: /no Party organization with the id/,
  },
  {
    title: 'an organization’s id as the Party organization',
    query: RECORD,
    variables: activity({ partyOrganization: gid('Organization', 1) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'partyOrganization'],
    reason: 'WRONG_TYPE',
    message: /id of a Organization, not of a Party organization/,
  },
  {
    title: 'the same activity twice',
    query: RECORD,
    variables: activity({ kind: 'RED_COLLAR_SALON', title: '红领沙龙：数字经济', heldOn: '2025-10-01', participants: 25 }),
    code: 'CONFLICT',
    field: ['input', 'title'],
    reason: 'DUPLICATE',
    message: /already recorded: "红领沙龙：数字经济" on 2025-10-01/,
    extensions: { existingId: gid('Activity', 1) },
  },
];

describe('the bad-input corpus of activities: refused with code, path and message, and nothing changed', () => {
  it.each(CASES)('$title', (c) => assertRefusal(app, db.url, c));

  it('refuses a kind that is not an ActivityKind, and fractional participants, before any resolver runs', async () => {
    for (const [overrides, path] of [[{ kind: 'PARTY' }, 'input.kind'], [{ participants: 2.5 }, 'input.participants']] as const) {
      const before = await snapshotDatabase(db.url);
      const { body } = await app.gql(RECORD, activity(overrides));
      expect(body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors![0]!.message).toContain(`at "${path}"`);
      expect(await snapshotDatabase(db.url)).toEqual(before);
    }
  });
});
