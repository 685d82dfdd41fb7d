import { addDays, checkDate, issue, todayInShanghai, type FieldLabel, type Issue, type IssuePath } from '@liangxin/domain';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors/conflict.error.js';
import {
  areaWithin,
  audit,
  insertRow,
  lockVersioned,
  ORGANIZATION,
  referencedRow,
  refuseIfAny,
  runMutation,
  updateVersioned,
  type ReferenceKind,
  type RowJson,
  type Tx,
} from '../../mutation/index.js';
import { targetRowId } from '../../mutation/arguments.js';
import { toGlobalId } from '../../relay/cursor.js';
import { LiaisonKind } from '../enums.js';
import { Organization } from '../organization/organization.entity.js';
import { required } from '../required.js';
import { LocalDate } from '../scalars.js';
import { LiaisonPoint } from './liaison-point.entity.js';

/*
 * designateLiaisonPoint and endLiaisonPoint (issue 5); assignInstructor and
 * endInstructorAssignment (graph/instructor) are the same writes for kind INSTRUCTOR and call
 * designate() and endTie() below. Rules: docs/mutations.md, "Liaison points and instructors".
 */

/** The seed's "6–10 direct liaison points" per working committee: never more than 10 current. */
export const DIRECT_LIAISON_POINT_LIMIT = 10;

/** The earliest date a tie may begin: anything before is a typed-in typo. */
const EARLIEST = '1990-01-01';

/** Who answers for each kind of liaison point, and where the row's id goes. */
export const RESPONSIBLE_OF: Record<LiaisonKind, ReferenceKind & { column: string }> = {
  DIRECT: { typeName: 'WorkingCommittee', table: 'working_committee', label: { zh: '党工委', en: 'working committee' }, column: 'committee_id' },
  MEMBER_UNIT: { typeName: 'MemberUnit', table: 'member_unit', label: { zh: '委员单位', en: 'member unit' }, column: 'member_unit_id' },
  WORK_GROUP: {
    typeName: 'WorkGroupMember',
    table: 'work_group_member',
    label: { zh: '街道工作组成员', en: 'street work-group member' },
    column: 'work_group_member_id',
  },
  INSTRUCTOR: { typeName: 'Instructor', table: 'instructor', label: { zh: '党建工作指导员', en: 'instructor' }, column: 'instructor_id' },
};

const SINCE_LABEL: FieldLabel = { zh: '建立联系日期', en: 'start date' };
const UNTIL_LABEL: FieldLabel = { zh: '结束日期', en: 'end date' };

/** Database constraints of liaison_point and where their values come from, for the safety net. */
function constraintPaths(paths: DesignationPaths) {
  return {
    liaison_point_current_unique: paths.responsible,
    liaison_point_direct_limit: paths.responsible,
    liaison_point_organization_id_fkey: paths.organization,
  };
}

export interface Designation {
  kind: LiaisonKind;
  organization: string;
  responsible: string;
  since: string;
}

export interface DesignationPaths {
  organization: IssuePath;
  responsible: IssuePath;
  since: IssuePath;
}

async function areaName(tx: Tx, id: number): Promise<string> {
  const rows = (await tx.query('SELECT name FROM area WHERE id = $1', [id])) as { name: string }[];
  return rows[0]?.name ?? String(id);
}

function conflict(en: string, zh: string, reason: string, field: IssuePath, constraint: string, details: Record<string, unknown> = {}): ConflictError {
  return new ConflictError(en, { constraint, localizedMessage: { zh, en }, details: { reason, field: [...field], ...details } });
}

/**
 * Validates and writes one new liaison point in `tx`, with its audit entry; returns its row.
 * Every input problem at once (BAD_USER_INPUT), then the state rules (CONFLICT): a tie that
 * already holds, a second work-group member 专包 for one organization, an 11th direct liaison
 * point of a committee.
 */
export async function designate(tx: Tx, ctx: Context, operation: string, input: Designation, paths: DesignationPaths): Promise<RowJson> {
  const today = todayInShanghai();
  const kindOf = RESPONSIBLE_OF[input.kind];
  const issues: Issue[] = [...checkDate(paths.since, input.since, { label: SINCE_LABEL, required: true, notAfter: today, notBefore: EARLIEST })];
  const sinceOk = issues.length === 0;

  const org = await referencedRow(tx, paths.organization, input.organization, ORGANIZATION);
  if (org.issue) issues.push(org.issue);
  const responsible = await referencedRow(tx, paths.responsible, input.responsible, kindOf);
  if (responsible.issue) issues.push(responsible.issue);

  const o = org.row;
  const r = responsible.row;
  if (o && o.status === 'DEREGISTERED') {
    issues.push(
      issue(
        paths.organization,
        'DEREGISTERED',
        `组织“${o.name as string}”已于 ${o.deregistered_on as string} 注销，不能再建立联系点`,
        `The organization "${o.name as string}" was deregistered on ${o.deregistered_on as string}; it can no longer be given a liaison point.`,
      ),
    );
  }
  if (o && sinceOk && input.since < (o.registered_on as string)) {
    issues.push(
      issue(
        paths.since,
        'BEFORE_REGISTRATION',
        `建立联系日期（${input.since}）早于该组织的登记日期（${o.registered_on as string}）`,
        `The start date (${input.since}) is before the organization was registered (${o.registered_on as string}).`,
      ),
    );
  }
  if (o && r) {
    const name = r.name as string;
    const began = (column: string, zhWhat: string, enWhat: string) => {
      const on = r[column] as string;
      if (sinceOk && input.since < on) {
        issues.push(
          issue(
            paths.since,
            'BEFORE_RESPONSIBLE',
            `建立联系日期（${input.since}）早于“${name}”${zhWhat}的日期（${on}）`,
            `The start date (${input.since}) is before "${name}" ${enWhat} (${on}).`,
          ),
        );
      }
    };
    const withinArea = async (areaId: number, zhWho: string, enWho: string) => {
      if (!(await areaWithin(tx, o.street_id as number, areaId))) {
        const area = await areaName(tx, areaId);
        issues.push(
          issue(
            paths.responsible,
            'NOT_IN_AREA',
            `“${name}”${zhWho}${area}，组织“${o.name as string}”不在${area}`,
            `"${name}" ${enWho} ${area}, and the organization "${o.name as string}" is not in ${area}.`,
          ),
        );
      }
    };
    switch (input.kind) {
      case 'DIRECT':
        began('established_on', '成立', 'was established');
        await withinArea(r.area_id as number, '只能联系本辖区的组织：其辖区为', 'may name only organizations of its own area,');
        break;
      case 'MEMBER_UNIT': {
        began('joined_on', '成为委员单位', 'became a member unit');
        // 包挂 is for a key organization that has no Party organization yet (DOMAIN.md).
        const covered = (await tx.query(
          `SELECT p.name FROM party_organization_coverage c JOIN party_organization p ON p.id = c.party_organization_id
            WHERE c.organization_id = $1 AND c.until IS NULL AND p.dissolved_on IS NULL ORDER BY p.id LIMIT 1`,
          [o.id],
        )) as { name: string }[];
        if (covered[0]) {
          issues.push(
            issue(
              paths.organization,
              'HAS_PARTY_ORGANIZATION',
              `组织“${o.name as string}”已有党组织（${covered[0].name}）覆盖；委员单位包挂的是尚未建立党组织的重点组织`,
              `The organization "${o.name as string}" is already covered by a Party organization (${covered[0].name}); a member unit looks after key organizations that have none yet.`,
            ),
          );
        }
        break;
      }
      case 'WORK_GROUP':
        began('joined_on', '加入街道工作组', 'joined the street work group');
        if (r.left_on !== null) {
          issues.push(
            issue(
              paths.responsible,
              'LEFT',
              `“${name}”已于 ${r.left_on as string} 离开街道工作组`,
              `"${name}" left the street work group on ${r.left_on as string}.`,
            ),
          );
        }
        if (r.street_id !== o.street_id) {
          const street = await areaName(tx, r.street_id as number);
          issues.push(
            issue(
              paths.responsible,
              'NOT_IN_STREET',
              `“${name}”是${street}工作组成员，组织“${o.name as string}”不在${street}`,
              `"${name}" is a member of the work group of ${street}, and the organization "${o.name as string}" is not in ${street}.`,
            ),
          );
        }
        break;
      case 'INSTRUCTOR':
        began('joined_pool_on', '入库', 'joined the talent pool');
        if (r.left_pool_on !== null) {
          issues.push(
            issue(
              paths.responsible,
              'LEFT',
              `指导员“${name}”已于 ${r.left_pool_on as string} 出库，不能再派驻`,
              `The instructor "${name}" left the talent pool on ${r.left_pool_on as string} and can no longer be assigned.`,
            ),
          );
        }
        await withinArea(r.pool_area_id as number, '属于人才库所在的', 'belongs to the talent pool of');
        break;
    }
  }
  refuseIfAny(issues);

  const organization = o!;
  const body = r!;
  // Serialise designations for one organization (the one-专包 rule) without blocking readers.
  await tx.query('SELECT 1 FROM organization WHERE id = $1 FOR NO KEY UPDATE', [organization.id]);
  const current = (await tx.query(
    `SELECT id, kind, ${kindOf.column} AS responsible_id FROM liaison_point WHERE organization_id = $1 AND until IS NULL AND kind = $2 ORDER BY id`,
    [organization.id, input.kind],
  )) as { id: number; responsible_id: number }[];
  const same = current.find((c) => c.responsible_id === body.id);
  if (same) {
    const existingId = toGlobalId('LiaisonPoint', same.id);
    throw conflict(
      `"${body.name as string}" is already a liaison point of this kind for "${organization.name as string}" (${existingId}); end it before designating it again.`,
      `“${body.name as string}”与“${organization.name as string}”已有同类联系点（${existingId}），不能重复建立`,
      'DUPLICATE',
      paths.responsible,
      'liaison_point_current_unique',
      { existingId },
    );
  }
  if (input.kind === 'WORK_GROUP' && current[0]) {
    const existingId = toGlobalId('LiaisonPoint', current[0].id);
    throw conflict(
      `The organization "${organization.name as string}" already has a work-group member 专包 (${existingId}); each organization has one. End that liaison point first.`,
      `组织“${organization.name as string}”已有街道工作组成员专包（${existingId}），每个组织只能有一名专包成员；请先结束原联系点`,
      'ONE_WORK_GROUP_MEMBER',
      paths.responsible,
      'one_work_group_member',
      { existingId },
    );
  }
  if (input.kind === 'DIRECT') {
    // The same lock the database's trigger takes: two designations cannot both see 9.
    await tx.query('SELECT 1 FROM working_committee WHERE id = $1 FOR UPDATE', [body.id]);
    const rows = (await tx.query(`SELECT count(*)::int AS n FROM liaison_point WHERE committee_id = $1 AND kind = 'DIRECT' AND until IS NULL`, [
      body.id,
    ])) as { n: number }[];
    const n = rows[0]!.n;
    if (n >= DIRECT_LIAISON_POINT_LIMIT) {
      throw conflict(
        `"${body.name as string}" already has ${n} direct liaison points, the most a working committee may hold (6 to 10). End one before designating another.`,
        `“${body.name as string}”已有${n}个直接联系点，已达上限（每个党工委直接联系6至10个），请先结束一个再新建`,
        'LIMIT_REACHED',
        paths.responsible,
        'liaison_point_direct_limit',
        { limit: DIRECT_LIAISON_POINT_LIMIT, current: n },
      );
    }
  }

  const after = await insertRow(tx, 'liaison_point', {
    kind: input.kind,
    organization_id: organization.id,
    [kindOf.column]: body.id,
    since: input.since,
  });
  await audit(tx, ctx, { operation, nodeType: 'LiaisonPoint', nodeId: after.id as number, before: null, after });
  return after;
}

/**
 * Ends a liaison point (sets `until`): the version checked, not already ended, `until` not
 * before `since`, not in the future, and after the last visit made on it (a visit needs a tie
 * that holds on its date). `kind`, when given, is the only kind this operation ends.
 */
export async function endTie(
  ctx: Context,
  operation: string,
  rowId: number,
  version: number,
  until: string,
  options: { kind?: LiaisonKind; label?: FieldLabel } = {},
): Promise<RowJson> {
  return runMutation(ctx, operation, async (tx) => {
    const target = { table: 'liaison_point', nodeType: 'LiaisonPoint', id: rowId, version };
    const before = await lockVersioned(tx, target);
    if (options.kind && before.kind !== options.kind) {
      const label = options.label ?? { zh: '联系点', en: 'liaison point' };
      refuseIfAny([
        issue(
          ['id'],
          'WRONG_KIND',
          `该联系点的类型是 ${before.kind as string}，不是${label.zh}`,
          `This liaison point is of kind ${before.kind as string}, not an ${label.en}.`,
        ),
      ]);
    }
    if (before.until !== null) {
      throw conflict(
        `This liaison point already ended on ${before.until as string}.`,
        `该联系点已于 ${before.until as string} 结束`,
        'ALREADY_ENDED',
        ['id'],
        'until',
      );
    }
    const issues = checkDate(['until'], until, { label: UNTIL_LABEL, required: true, notAfter: todayInShanghai(), notBefore: EARLIEST });
    const since = before.since as string;
    if (issues.length === 0 && until < since) {
      issues.push(
        issue(
          ['until'],
          'DATES_OUT_OF_ORDER',
          `结束日期（${until}）早于建立联系日期（${since}），结束日期不能早于开始日期`,
          `The end date (${until}) is before the start date (${since}); a liaison point cannot end before it began.`,
        ),
      );
    }
    if (issues.length === 0) {
      const rows = (await tx.query('SELECT max(visited_on)::text AS last FROM visit WHERE liaison_point_id = $1', [rowId])) as { last: string | null }[];
      const last = rows[0]?.last ?? null;
      if (last !== null && until <= last) {
        issues.push(
          issue(
            ['until'],
            'VISITS_AFTER_END',
            `该联系点在 ${last} 还有走访记录，结束日期最早为 ${addDays(last, 1)}`,
            `A visit on ${last} is recorded on this liaison point; it can end on ${addDays(last, 1)} at the earliest.`,
          ),
        );
      }
    }
    refuseIfAny(issues);
    const after = await updateVersioned(tx, target, { until });
    await audit(tx, ctx, { operation, nodeType: 'LiaisonPoint', nodeId: rowId, before, after });
    return after;
  });
}

@InputType('DesignateLiaisonPointInput', { description: 'A new liaison point (建立联系点).' })
export class DesignateLiaisonPointInput {
  @Field(() => LiaisonKind, {
    description:
      'Kind: DIRECT (党工委直接联系, at most 10 current per committee), MEMBER_UNIT (委员单位包挂, an organization without a Party organization), WORK_GROUP (街道工作组成员专包, one per organization), INSTRUCTOR (as assignInstructor).',
  })
  kind: LiaisonKind;

  @Field(() => ID, { description: 'The organization (两新组织): an Organization id, not deregistered.' })
  organization: string;

  @Field(() => ID, {
    description:
      'Who answers for it, of the type the kind names: a WorkingCommittee (DIRECT; the organization in its area), a MemberUnit (MEMBER_UNIT), a WorkGroupMember of the organization’s street (WORK_GROUP), an Instructor in the pool (INSTRUCTOR).',
  })
  responsible: string;

  @Field(() => LocalDate, { description: 'Date the tie begins (建立联系日期): not in the future, not before the organization was registered or the responsible body began.' })
  since: string;
}

@ObjectType('DesignateLiaisonPointPayload', { description: 'The liaison point designated.' })
export class DesignateLiaisonPointPayload {
  @Field(() => LiaisonPoint, { description: 'The new liaison point (version 1).' })
  liaisonPoint: LiaisonPoint;

  @Field(() => Organization, { description: 'The organization, with its liaison points and coverage as they are now.' })
  organization: Organization;
}

@ObjectType('EndLiaisonPointPayload', { description: 'The liaison point ended.' })
export class EndLiaisonPointPayload {
  @Field(() => LiaisonPoint, { description: 'The liaison point, now ended, with its new version.' })
  liaisonPoint: LiaisonPoint;

  @Field(() => Organization, { description: 'The organization, with its liaison points and coverage as they are now.' })
  organization: Organization;
}

/** The payload's nodes, read through the (cleared) loaders after the commit. */
export async function liaisonPointAndOrganization(ctx: Context, row: RowJson): Promise<{ liaisonPoint: LiaisonPoint; organization: Organization }> {
  const id = row.id as number;
  const organizationId = row.organization_id as number;
  const [liaisonPoint, organization] = await Promise.all([ctx.loaders.liaisonPoint.byId.load(id), ctx.loaders.organization.byId.load(organizationId)]);
  return { liaisonPoint: required(liaisonPoint, 'LiaisonPoint', id), organization: required(organization, 'Organization', organizationId) };
}

export const DESIGNATION_PATHS: DesignationPaths = {
  organization: ['input', 'organization'],
  responsible: ['input', 'responsible'],
  since: ['input', 'since'],
};

@Resolver()
export class LiaisonPointMutations {
  @Mutation(() => DesignateLiaisonPointPayload, {
    description:
      'Designates a liaison point (建立联系点). BAD_USER_INPUT lists every problem (extensions.issues); CONFLICT when the same tie already holds (DUPLICATE, extensions.existingId), the organization already has a work-group member 专包 (ONE_WORK_GROUP_MEMBER), or the committee already holds 10 direct liaison points (LIMIT_REACHED, extensions.limit). Writes an audit entry.',
  })
  async designateLiaisonPoint(
    @Arg('input', () => DesignateLiaisonPointInput, { description: 'The liaison point to designate.' }) input: DesignateLiaisonPointInput,
    @Ctx() ctx: Context,
  ): Promise<DesignateLiaisonPointPayload> {
    const operation = 'designateLiaisonPoint';
    const row = await runMutation(ctx, operation, (tx) => designate(tx, ctx, operation, input, DESIGNATION_PATHS), {
      constraintPaths: constraintPaths(DESIGNATION_PATHS),
    });
    return liaisonPointAndOrganization(ctx, row);
  }

  @Mutation(() => EndLiaisonPointPayload, {
    description:
      'Ends a liaison point (结束联系点) on `until`: not before it began, not in the future, after its last visit. CONFLICT when already ended or `version` is stale. Writes an audit entry.',
  })
  async endLiaisonPoint(
    @Arg('id', () => ID, { description: 'The liaison point’s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (LiaisonPoint.version).' }) version: number,
    @Arg('until', () => LocalDate, { description: 'Date the tie ends (结束日期).' }) until: string,
    @Ctx() ctx: Context,
  ): Promise<EndLiaisonPointPayload> {
    const rowId = targetRowId(id, 'LiaisonPoint', { zh: '联系点', en: 'LiaisonPoint' });
    const row = await endTie(ctx, 'endLiaisonPoint', rowId, version, until);
    return liaisonPointAndOrganization(ctx, row);
  }
}
