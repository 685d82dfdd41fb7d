import { issue, normalizeText, todayInShanghai, validateInstructorFields, type Issue } from '@liangxin/domain';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors/conflict.error.js';
import { areaByCodeOrId, audit, insertRow, refuseIfAny, runMutation, type ReferenceKind, type RowJson, type Tx } from '../../mutation/index.js';
import { targetRowId } from '../../mutation/arguments.js';
import { toGlobalId } from '../../relay/cursor.js';
import { LiaisonPoint } from '../liaison-point/liaison-point.entity.js';
import { designate, endTie, liaisonPointAndOrganization } from '../liaison-point/liaison-point.mutations.js';
import { Organization } from '../organization/organization.entity.js';
import { required } from '../required.js';
import { LocalDate } from '../scalars.js';
import { Instructor } from './instructor.entity.js';

/*
 * registerInstructor, assignInstructor, endInstructorAssignment (issue 5). The instructor table
 * stands alone (a talent-pool entry needs no organization), so an instructor is registered first;
 * an assignment to an organization is a liaison point of kind INSTRUCTOR, written by the
 * liaison-point rules (designate / endTie). docs/mutations.md, "Liaison points and instructors".
 */

const AREA: ReferenceKind = { typeName: 'Area', table: 'area', label: { zh: '人才库所属地区', en: 'talent pool area' } };

@InputType('RegisterInstructorInput', { description: 'A new Party-building instructor in a talent pool (党建工作指导员入库).' })
export class RegisterInstructorInput {
  @Field(() => String, { description: 'Name (姓名), at most 100 characters.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Phone number (电话): 5 to 20 digits, "+" or "-". Personal data: shown masked.' })
  phone?: string | null;

  @Field(() => String, {
    description: 'The talent pool (人才库): the city or a district, by its 6-digit division code ("370102") or an Area id.',
  })
  poolArea: string;

  @Field(() => String, { nullable: true, description: 'Employer (工作单位), at most 200 characters.' })
  employer?: string | null;

  @Field(() => LocalDate, { description: 'Date joined the talent pool (入库日期); not in the future.' })
  joinedPoolOn: string;
}

@ObjectType('RegisterInstructorPayload', { description: 'The instructor registered.' })
export class RegisterInstructorPayload {
  @Field(() => Instructor, { description: 'The new instructor (version 1).' })
  instructor: Instructor;
}

@ObjectType('InstructorAssignmentPayload', { description: 'An instructor’s assignment (派驻), as changed.' })
export class InstructorAssignmentPayload {
  @Field(() => LiaisonPoint, { description: 'The assignment: a liaison point of kind INSTRUCTOR.' })
  assignment: LiaisonPoint;

  @Field(() => Instructor, { description: 'The instructor, with their assignments as they are now.' })
  instructor: Instructor;

  @Field(() => Organization, { description: 'The organization, with its instructors and coverage as they are now.' })
  organization: Organization;
}

/** The talent pool's area: a 6-digit code or an Area id, of level CITY or DISTRICT. */
async function poolAreaOf(tx: Tx, value: string): Promise<{ row: RowJson } | { issue: Issue }> {
  const path = ['input', 'poolArea'];
  const found = await areaByCodeOrId(tx, path, value, AREA);
  if (found.issue) return found;
  const row = found.row;
  if (row.level !== 'CITY' && row.level !== 'DISTRICT') {
    return {
      issue: issue(
        path,
        'NOT_A_POOL_AREA',
        `“${row.name as string}”不是市或区县；人才库设在市和区县`,
        `"${row.name as string}" is not the city or a district; talent pools are kept by the city and the districts.`,
      ),
    };
  }
  return { row };
}

async function assignmentPayload(ctx: Context, row: RowJson): Promise<InstructorAssignmentPayload> {
  const { liaisonPoint, organization } = await liaisonPointAndOrganization(ctx, row);
  const instructorId = row.instructor_id as number;
  const instructor = required(await ctx.loaders.instructor.byId.load(instructorId), 'Instructor', instructorId);
  return { assignment: liaisonPoint, instructor, organization };
}

@Resolver()
export class InstructorMutations {
  @Mutation(() => RegisterInstructorPayload, {
    description:
      'Registers a Party-building instructor in the talent pool of the city or a district (党建工作指导员入库). CONFLICT (DUPLICATE) when the same name and phone are already in that pool. Writes an audit entry (phone redacted).',
  })
  async registerInstructor(
    @Arg('input', () => RegisterInstructorInput, { description: 'The instructor to register.' }) input: RegisterInstructorInput,
    @Ctx() ctx: Context,
  ): Promise<RegisterInstructorPayload> {
    const operation = 'registerInstructor';
    const id = await runMutation(
      ctx,
      operation,
      async (tx) => {
        const name = normalizeText(input.name) ?? input.name;
        const phone = normalizeText(input.phone) ?? null;
        const employer = normalizeText(input.employer) ?? null;
        const issues = validateInstructorFields({ name, phone, employer, joinedPoolOn: input.joinedPoolOn }, todayInShanghai(), { path: ['input'] });
        const pool = await poolAreaOf(tx, input.poolArea);
        if ('issue' in pool) issues.push(pool.issue);
        refuseIfAny(issues);
        const poolRow = (pool as { row: RowJson }).row;
        if (phone !== null) {
          const same = (await tx.query(
            'SELECT id FROM instructor WHERE pool_area_id = $1 AND name = $2 AND phone = $3 AND left_pool_on IS NULL ORDER BY id LIMIT 1',
            [poolRow.id, name, phone],
          )) as { id: number }[];
          if (same[0]) {
            const existingId = toGlobalId('Instructor', same[0].id);
            // The phone number is not repeated: it is personal data.
            const en = `An instructor with this name and phone number is already in the talent pool of ${poolRow.name as string} (${existingId}).`;
            throw new ConflictError(en, {
              constraint: 'instructor_duplicate',
              localizedMessage: { zh: `${poolRow.name as string}人才库中已有同名、同电话的指导员（${existingId}），不能重复入库`, en },
              details: { reason: 'DUPLICATE', field: ['input', 'name'], existingId },
            });
          }
        }
        const after = await insertRow(tx, 'instructor', { name, phone, pool_area_id: poolRow.id, employer, joined_pool_on: input.joinedPoolOn });
        const nodeId = after.id as number;
        await audit(tx, ctx, { operation, nodeType: 'Instructor', nodeId, before: null, after, redact: ['phone'] });
        return nodeId;
      },
      { constraintPaths: { instructor_pool_area_id_fkey: ['input', 'poolArea'] } },
    );
    return { instructor: required(await ctx.loaders.instructor.byId.load(id), 'Instructor', id) };
  }

  @Mutation(() => InstructorAssignmentPayload, {
    description:
      'Assigns an instructor to an organization (派驻党建工作指导员) from `since`: a liaison point of kind INSTRUCTOR. The instructor must be in the pool, the organization registered, active and in the pool’s area. CONFLICT (DUPLICATE) when the assignment already holds. Writes an audit entry.',
  })
  async assignInstructor(
    @Arg('instructorId', () => ID, { description: 'The instructor.' }) instructorId: string,
    @Arg('organizationId', () => ID, { description: 'The organization.' }) organizationId: string,
    @Arg('since', () => LocalDate, { description: 'Date assigned (派驻日期): not in the future.' }) since: string,
    @Ctx() ctx: Context,
  ): Promise<InstructorAssignmentPayload> {
    const operation = 'assignInstructor';
    const paths = { organization: ['organizationId'], responsible: ['instructorId'], since: ['since'] };
    const row = await runMutation(
      ctx,
      operation,
      (tx) => designate(tx, ctx, operation, { kind: 'INSTRUCTOR', organization: organizationId, responsible: instructorId, since }, paths),
      { constraintPaths: { liaison_point_current_unique: ['instructorId'] } },
    );
    return assignmentPayload(ctx, row);
  }

  @Mutation(() => InstructorAssignmentPayload, {
    description:
      'Ends an instructor’s assignment (结束派驻) on `until`: not before it began, not in the future, after its last visit. `id` is the assignment’s (a LiaisonPoint of kind INSTRUCTOR). CONFLICT when already ended or `version` is stale. Writes an audit entry.',
  })
  async endInstructorAssignment(
    @Arg('id', () => ID, { description: 'The assignment: a LiaisonPoint id of kind INSTRUCTOR.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (LiaisonPoint.version).' }) version: number,
    @Arg('until', () => LocalDate, { description: 'Date the assignment ends (结束日期).' }) until: string,
    @Ctx() ctx: Context,
  ): Promise<InstructorAssignmentPayload> {
    const rowId = targetRowId(id, 'LiaisonPoint', { zh: '派驻记录（联系点）', en: 'LiaisonPoint' });
    const row = await endTie(ctx, 'endInstructorAssignment', rowId, version, until, {
      kind: 'INSTRUCTOR',
      label: { zh: '指导员派驻', en: 'instructor assignment' },
    });
    return assignmentPayload(ctx, row);
  }
}
