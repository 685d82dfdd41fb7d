import { addDays, todayInShanghai } from '@liangxin/domain';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../test/helpers.js';
import { useMutationTestApp } from '../../../test/mutation-app.js';
import { globalId as gid, rowId } from '../../../test/pagination.js';
import { insertPartyFixture, PERSONAL_DATA } from '../../../test/party-fixture.js';
import { assertRefusal, type RefusalCase } from '../../../test/refusals.js';

/*
 * The party fixture: instructors 1 王指导 (历下区 pool, assigned to organizations 4 and 6),
 * 2 李指导 (city pool, left it 2024-12-31), 3 赵指导 (市中区 pool, assigned to organization 5).
 */
const { db, app } = useMutationTestApp(insertPartyFixture);

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterInstructorInput!) {
    registerInstructor(input: $input) { instructor { id name phone employer joinedPoolOn inPool version poolArea { code } } }
  }`;
const ASSIGN = /* GraphQL */ `
  mutation ($instructorId: ID!, $organizationId: ID!, $since: Date!) {
    assignInstructor(instructorId: $instructorId, organizationId: $organizationId, since: $since) {
      assignment { id kind since until version }
      instructor { id assignments { totalCount } }
      organization { id instructors { totalCount } }
    }
  }`;
const END = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $until: Date!) {
    endInstructorAssignment(id: $id, version: $version, until: $until) {
      assignment { id until current version }
      instructor { id }
      organization { id }
    }
  }`;
const AUDIT = /* GraphQL */ `
  query ($nodeId: ID!) { auditLog(nodeId: $nodeId, first: 5) { totalCount nodes { operation before after } } }`;

const TOMORROW = addDays(todayInShanghai(), 1);
const INSTRUCTOR = (id: number) => gid('Instructor', id);
const ORG = (id: number) => gid('Organization', id);

function registration(overrides: Record<string, unknown> = {}) {
  return { input: { name: '钱指导', phone: '13500001111', poolArea: '370102', employer: '历下区委组织部', joinedPoolOn: '2024-05-01', ...overrides } };
}

describe('registerInstructor', () => {
  it('registers an instructor in a district pool at version 1; the audit entry keeps the phone out', async () => {
    const { body } = await app.gql<{ registerInstructor: { instructor: Record<string, unknown> & { id: string } } }>(REGISTER, registration({ name: '  钱指导 ' }));
    expect(body.errors).toBeUndefined();
    const instructor = body.data!.registerInstructor.instructor;
    expect(instructor).toMatchObject({ name: '钱指导', phone: '13500001111', employer: '历下区委组织部', joinedPoolOn: '2024-05-01', inPool: true, version: 1, poolArea: { code: '370102' } });
    const audit = await app.gql<{ auditLog: { nodes: { operation: string; after: Record<string, unknown> }[] } }>(AUDIT, { nodeId: instructor.id });
    expect(audit.body.data!.auditLog.nodes[0]).toMatchObject({ operation: 'registerInstructor', after: { name: '钱指导', phone: '[redacted]', pool_area_id: 2 } });
    expect(JSON.stringify(audit.body)).not.toContain('13500001111');
  });

  it('stores SQL and formula text verbatim', async () => {
    for (const name of ["Robert'); DROP TABLE instructor;--", "=cmd|' /C calc'!A0"]) {
      const { body } = await app.gql<{ registerInstructor: { instructor: { name: string } } }>(REGISTER, registration({ name, phone: null, poolArea: gid('Area', 1) }));
      expect(body.errors).toBeUndefined();
      expect(body.data!.registerInstructor.instructor.name).toBe(name);
    }
  });
});

describe('assignInstructor and endInstructorAssignment', () => {
  it('assigns an instructor of the district’s pool: a liaison point of kind INSTRUCTOR, seen at once by both sides', async () => {
    const { body } = await app.gql<{
      assignInstructor: { assignment: { id: string; kind: string; version: number }; instructor: { assignments: { totalCount: number } }; organization: { instructors: { totalCount: number } } };
    }>(ASSIGN, { instructorId: INSTRUCTOR(3), organizationId: ORG(2), since: '2024-03-01' });
    expect(body.errors).toBeUndefined();
    const payload = body.data!.assignInstructor;
    expect(payload.assignment).toMatchObject({ kind: 'INSTRUCTOR', since: '2024-03-01', until: null, version: 1 });
    expect(payload.instructor.assignments.totalCount).toBe(2);
    expect(payload.organization.instructors.totalCount).toBe(1);
    const { rows } = await sql(db.url, 'SELECT instructor_id, organization_id FROM liaison_point WHERE id = $1', [rowId(payload.assignment.id)]);
    expect(rows[0]).toEqual({ instructor_id: 3, organization_id: 2 });
  });

  it('ends an assignment, raising its version', async () => {
    const { body } = await app.gql<{ endInstructorAssignment: { assignment: Record<string, unknown> } }>(END, { id: gid('LiaisonPoint', 8), version: 1, until: '2025-01-01' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.endInstructorAssignment.assignment).toMatchObject({ until: '2025-01-01', current: false, version: 2 });
    const audit = await app.gql<{ auditLog: { nodes: { operation: string }[] } }>(AUDIT, { nodeId: gid('LiaisonPoint', 8) });
    expect(audit.body.data!.auditLog.nodes.map((n) => n.operation)).toEqual(['endInstructorAssignment']);
  });
});

const CASES: RefusalCase[] = [
  {
    title: 'register: an empty name',
    query: REGISTER,
    variables: registration({ name: '   ' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'name'],
    reason: 'EMPTY',
    message: /name cannot be empty/,
  },
  {
    title: 'register: a 10,000-character name',
    query: REGISTER,
    variables: registration({ name: '王'.repeat(10_000) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'name'],
    reason: 'TOO_LONG',
    message: /at most 100 characters; this one has 10000/,
  },
  {
    title: 'register: a phone number with letters',
    query: REGISTER,
    variables: registration({ phone: '138-CALL-ME' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'phone'],
    reason: 'PHONE',
    message: /5 to 20 digits/,
  },
  {
    title: 'register: joined the pool tomorrow',
    query: REGISTER,
    variables: registration({ joinedPoolOn: TOMORROW }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'joinedPoolOn'],
    reason: 'FUTURE_DATE',
    message: /cannot be in the future/,
  },
  {
    title: 'register: a street as the pool',
    query: REGISTER,
    variables: registration({ poolArea: '370102001' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'poolArea'],
    reason: 'NOT_A_POOL_AREA',
    message: /"解放路街道" is not the city or a district/,
  },
  {
    title: 'register: an unknown division code',
    query: REGISTER,
    variables: registration({ poolArea: '370199' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'poolArea'],
    reason: 'UNKNOWN_AREA',
    message: /no area with the code 370199/,
  },
  {
    title: 'register: the same name and phone in the same pool',
    query: REGISTER,
    variables: registration({ name: '王指导', phone: PERSONAL_DATA.phones[4] }),
    code: 'CONFLICT',
    field: ['input', 'name'],
    reason: 'DUPLICATE',
    message: /already in the talent pool of 历下区/,
    extensions: { existingId: INSTRUCTOR(1) },
  },
  {
    title: 'assign: an instructor who left the pool',
    query: ASSIGN,
    variables: { instructorId: INSTRUCTOR(2), organizationId: ORG(3), since: '2025-06-01' },
    code: 'BAD_USER_INPUT',
    field: ['instructorId'],
    reason: 'LEFT',
    message: /left the talent pool on 2024-12-31/,
  },
  {
    title: 'assign: an instructor of another district’s pool',
    query: ASSIGN,
    variables: { instructorId: INSTRUCTOR(3), organizationId: ORG(1), since: '2025-06-01' },
    code: 'BAD_USER_INPUT',
    field: ['instructorId'],
    reason: 'NOT_IN_AREA',
    message: /belongs to the talent pool of 市中区/,
  },
  {
    title: 'assign: an assignment that already holds',
    query: ASSIGN,
    variables: { instructorId: INSTRUCTOR(1), organizationId: ORG(4), since: '2025-06-01' },
    code: 'CONFLICT',
    field: ['instructorId'],
    reason: 'DUPLICATE',
    message: /already a liaison point of this kind for "泉城示例商店"/,
    extensions: { existingId: gid('LiaisonPoint', 5) },
  },
  {
    title: 'assign: before the instructor joined the pool',
    query: ASSIGN,
    variables: { instructorId: INSTRUCTOR(3), organizationId: ORG(5), since: '2021-01-01' },
    code: 'BAD_USER_INPUT',
    field: ['since'],
    reason: 'BEFORE_RESPONSIBLE',
    message: /joined the talent pool \(2021-03-01\)/,
  },
  {
    title: 'assign: an instructor’s id as the organization',
    query: ASSIGN,
    variables: { instructorId: INSTRUCTOR(1), organizationId: INSTRUCTOR(1), since: '2025-06-01' },
    code: 'BAD_USER_INPUT',
    field: ['organizationId'],
    reason: 'WRONG_TYPE',
    message: /id of a Instructor, not of a organization/,
  },
  {
    title: 'assign: a date in the future',
    query: ASSIGN,
    variables: { instructorId: INSTRUCTOR(1), organizationId: ORG(3), since: TOMORROW },
    code: 'BAD_USER_INPUT',
    field: ['since'],
    reason: 'FUTURE_DATE',
    message: /cannot be in the future/,
  },
  {
    title: 'end: a direct liaison point is not an assignment',
    query: END,
    variables: { id: gid('LiaisonPoint', 1), version: 1, until: '2025-01-01' },
    code: 'BAD_USER_INPUT',
    field: ['id'],
    reason: 'WRONG_KIND',
    message: /of kind DIRECT, not an instructor assignment/,
  },
  {
    title: 'end: an end date before the start',
    query: END,
    variables: { id: gid('LiaisonPoint', 5), version: 1, until: '2022-01-01' },
    code: 'BAD_USER_INPUT',
    field: ['until'],
    reason: 'DATES_OUT_OF_ORDER',
    message: /before the start date \(2022-03-01\)/,
  },
  {
    title: 'end: a stale version',
    query: END,
    variables: { id: gid('LiaisonPoint', 7), version: 2, until: '2025-01-01' },
    code: 'CONFLICT',
    reason: 'STALE_VERSION',
    message: /you edited version 2, it is now at version 1/,
  },
  {
    title: 'end: an instructor’s id instead of the assignment’s',
    query: END,
    variables: { id: INSTRUCTOR(1), version: 1, until: '2025-01-01' },
    code: 'BAD_USER_INPUT',
    field: ['id'],
    reason: 'WRONG_TYPE',
    message: /id of a Instructor, not of a LiaisonPoint/,
  },
];

describe('the bad-input corpus of instructors: refused with code, path and message, and nothing changed', () => {
  it.each(CASES)('$title', (c) => assertRefusal(app, db.url, c));
});
