import { issue, normalizeText, todayInShanghai, validateVisitFields, type Issue, type VisitFields } from '@liangxin/domain';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors/conflict.error.js';
import {
  audit,
  insertRow,
  lockVersioned,
  ORGANIZATION,
  readRow,
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
import { Intention } from '../enums.js';
import { LiaisonPoint } from '../liaison-point/liaison-point.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { required } from '../required.js';
import { LocalDate } from '../scalars.js';
import { Visit } from './visit.entity.js';

/*
 * recordVisit and updateVisit (issue 5). A visit is made on a liaison point that holds on the
 * visit's date (since ≤ visitedOn < until, as the coverage measures read it) and belongs to the
 * organization visited (the database checks the pair with a composite foreign key). A visit in
 * the window makes a blind spot work-covered at once: the coverage tally triggers run in the
 * same transaction. docs/mutations.md, "Visits".
 */

const LIAISON_POINT: ReferenceKind = { typeName: 'LiaisonPoint', table: 'liaison_point', label: { zh: '联系点', en: 'liaison point' } };

@InputType('RecordVisitInput', { description: 'A visit to an organization on one of its liaison points (记录走访).' })
export class RecordVisitInput {
  @Field(() => ID, { description: 'The organization visited: an Organization id.' })
  organization: string;

  @Field(() => ID, { description: 'The liaison point the visit was made on: a LiaisonPoint id of that organization, holding on the visit date.' })
  liaisonPoint: string;

  @Field(() => LocalDate, { description: 'Date of the visit (走访日期): not in the future, not before the liaison point began.' })
  visitedOn: string;

  @Field(() => String, { description: 'Who visited (走访人), at most 100 characters.' })
  visitor: string;

  @Field(() => Intention, { nullable: true, description: "The owner's intention to set up a Party organization (建党意愿)." })
  ownerIntention?: Intention | null;

  @Field(() => Intention, { nullable: true, description: "The members' intention to transfer their relations (党员转接意愿)." })
  membersIntention?: Intention | null;

  @Field(() => String, { nullable: true, description: 'Problems raised (反映问题), at most 2,000 characters; line breaks kept.' })
  problems?: string | null;

  @Field(() => String, { nullable: true, description: 'Help given (帮助解决), at most 2,000 characters; line breaks kept.' })
  helpGiven?: string | null;
}

@InputType('UpdateVisitInput', { description: 'Corrections to a visit (修改走访记录): only the fields given change; null clears an optional one.' })
export class UpdateVisitInput {
  @Field(() => LocalDate, { nullable: true, description: 'Date of the visit (走访日期).' })
  visitedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Who visited (走访人).' })
  visitor?: string | null;

  @Field(() => Intention, { nullable: true, description: "The owner's intention, or null: not recorded." })
  ownerIntention?: Intention | null;

  @Field(() => Intention, { nullable: true, description: "The members' intention, or null: not recorded." })
  membersIntention?: Intention | null;

  @Field(() => String, { nullable: true, description: 'Problems raised, or null.' })
  problems?: string | null;

  @Field(() => String, { nullable: true, description: 'Help given, or null.' })
  helpGiven?: string | null;
}

@ObjectType('RecordVisitPayload', { description: 'The visit recorded.' })
export class RecordVisitPayload {
  @Field(() => Visit, { description: 'The new visit (version 1).' })
  visit: Visit;

  @Field(() => LiaisonPoint, { description: 'The liaison point it was made on.' })
  liaisonPoint: LiaisonPoint;

  @Field(() => Organization, { description: 'The organization visited, with its visits and its street’s coverage as they are now (a visit can end a blind spot).' })
  organization: Organization;
}

@ObjectType('UpdateVisitPayload', { description: 'The visit corrected.' })
export class UpdateVisitPayload {
  @Field(() => Visit, { description: 'The visit as stored now, with its new version.' })
  visit: Visit;

  @Field(() => Organization, { description: 'The organization visited, as it is now.' })
  organization: Organization;
}

const CONSTRAINT_PATHS = {
  visit_liaison_point_id_organization_id_fkey: ['input', 'liaisonPoint'],
  visit_visitor_check: ['input', 'visitor'],
  visit_problems_check: ['input', 'problems'],
  visit_help_given_check: ['input', 'helpGiven'],
};

/** The stored form of the visit's text: trimmed; blank optional text becomes null. */
function normalized<T extends Partial<VisitFields>>(fields: T): T {
  const out: Record<string, unknown> = { ...fields };
  if (typeof fields.visitor === 'string') out.visitor = fields.visitor.trim();
  for (const key of ['problems', 'helpGiven'] as const) if (fields[key] !== undefined) out[key] = normalizeText(fields[key]);
  return out as T;
}

/** The visit date against the liaison point's span and the organization's registration. */
function dateRules(visitedOn: string, point: RowJson, organization: RowJson): Issue[] {
  const path = ['input', 'visitedOn'];
  const since = point.since as string;
  const until = point.until as string | null;
  if (visitedOn < since) {
    return [
      issue(
        path,
        'BEFORE_LIAISON_POINT',
        `走访日期（${visitedOn}）早于该联系点建立的日期（${since}）：走访须在联系点存续期间`,
        `The visit date (${visitedOn}) is before the liaison point began (${since}); a visit is made while the liaison point holds.`,
      ),
    ];
  }
  if (until !== null && visitedOn >= until) {
    return [
      issue(
        path,
        'AFTER_LIAISON_POINT',
        `该联系点已于 ${until} 结束，走访日期（${visitedOn}）不在其存续期间`,
        `The liaison point ended on ${until}; the visit date (${visitedOn}) is not while it held.`,
      ),
    ];
  }
  const deregistered = organization.deregistered_on as string | null;
  if (deregistered !== null && visitedOn >= deregistered) {
    return [
      issue(
        path,
        'ORGANIZATION_DEREGISTERED',
        `组织“${organization.name as string}”已于 ${deregistered} 注销，走访日期（${visitedOn}）在注销之后`,
        `The organization "${organization.name as string}" was deregistered on ${deregistered}; the visit date (${visitedOn}) is after that.`,
      ),
    ];
  }
  return [];
}

/** CONFLICT when the same visit (liaison point, date, visitor) is already recorded: a form sent twice. */
async function refuseDuplicate(tx: Tx, pointId: number, visitedOn: string, visitor: string, exceptId: number | null): Promise<void> {
  const rows = (await tx.query(
    'SELECT id FROM visit WHERE liaison_point_id = $1 AND visited_on = $2 AND visitor = $3 AND id IS DISTINCT FROM $4 ORDER BY id LIMIT 1',
    [pointId, visitedOn, visitor, exceptId],
  )) as { id: number }[];
  if (!rows[0]) return;
  const existingId = toGlobalId('Visit', rows[0].id);
  const en = `This visit is already recorded: ${visitor} on ${visitedOn} on this liaison point (${existingId}).`;
  throw new ConflictError(en, {
    constraint: 'visit_duplicate',
    localizedMessage: { zh: `该走访已登记过：${visitor} 于 ${visitedOn} 在此联系点的走访（${existingId}），不能重复登记`, en },
    details: { reason: 'DUPLICATE', field: ['input', 'visitedOn'], existingId },
  });
}

async function payloadNodes(ctx: Context, visitId: number) {
  const visit = required(await ctx.loaders.visit.byId.load(visitId), 'Visit', visitId);
  const [liaisonPoint, organization] = await Promise.all([
    ctx.loaders.liaisonPoint.byId.load(visit.liaisonPointId),
    ctx.loaders.organization.byId.load(visit.organizationId),
  ]);
  return {
    visit,
    liaisonPoint: required(liaisonPoint, 'LiaisonPoint', visit.liaisonPointId),
    organization: required(organization, 'Organization', visit.organizationId),
  };
}

/** snake_case columns of the visit's fields present in `fields`. */
function columnsOf(fields: Partial<VisitFields>): Record<string, unknown> {
  const map = { visitedOn: 'visited_on', visitor: 'visitor', ownerIntention: 'owner_intention', membersIntention: 'members_intention', problems: 'problems', helpGiven: 'help_given' } as const;
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(map)) {
    const value = fields[key as keyof VisitFields];
    if (value !== undefined) out[column] = value;
  }
  return out;
}

@Resolver()
export class VisitMutations {
  @Mutation(() => RecordVisitPayload, {
    description:
      'Records a visit (记录走访) on a liaison point of the organization. BAD_USER_INPUT lists every problem (extensions.issues): a liaison point of another organization, a date in the future or outside the liaison point’s span, text too long. CONFLICT (DUPLICATE) when the same visit is already recorded. Writes an audit entry.',
  })
  async recordVisit(
    @Arg('input', () => RecordVisitInput, { description: 'The visit.' }) input: RecordVisitInput,
    @Ctx() ctx: Context,
  ): Promise<RecordVisitPayload> {
    const operation = 'recordVisit';
    const id = await runMutation(
      ctx,
      operation,
      async (tx) => {
        const fields = normalized<VisitFields>({
          visitedOn: input.visitedOn,
          visitor: input.visitor,
          ownerIntention: input.ownerIntention ?? null,
          membersIntention: input.membersIntention ?? null,
          problems: input.problems ?? null,
          helpGiven: input.helpGiven ?? null,
        });
        const issues = validateVisitFields(fields, todayInShanghai(), { path: ['input'] });
        const dateOk = !issues.some((i) => i.path[1] === 'visitedOn');
        const org = await referencedRow(tx, ['input', 'organization'], input.organization, ORGANIZATION);
        if (org.issue) issues.push(org.issue);
        const point = await referencedRow(tx, ['input', 'liaisonPoint'], input.liaisonPoint, LIAISON_POINT);
        if (point.issue) issues.push(point.issue);
        if (org.row && point.row) {
          if (point.row.organization_id !== org.row.id) {
            const owner = await readRow(tx, 'organization', point.row.organization_id as number);
            issues.push(
              issue(
                ['input', 'liaisonPoint'],
                'OTHER_ORGANIZATION',
                `该联系点属于“${owner?.name as string}”，不是“${org.row.name as string}”的联系点`,
                `This liaison point belongs to "${owner?.name as string}", not to "${org.row.name as string}".`,
              ),
            );
          } else if (dateOk) {
            issues.push(...dateRules(fields.visitedOn, point.row, org.row));
          }
        }
        refuseIfAny(issues);
        await refuseDuplicate(tx, point.row!.id as number, fields.visitedOn, fields.visitor, null);
        const after = await insertRow(tx, 'visit', {
          liaison_point_id: point.row!.id,
          organization_id: org.row!.id,
          ...columnsOf(fields),
        });
        const nodeId = after.id as number;
        await audit(tx, ctx, { operation, nodeType: 'Visit', nodeId, before: null, after });
        return nodeId;
      },
      { constraintPaths: CONSTRAINT_PATHS },
    );
    return payloadNodes(ctx, id);
  }

  @Mutation(() => UpdateVisitPayload, {
    description:
      'Corrects a visit (修改走访记录): only the fields given. The liaison point and organization are not changed here. CONFLICT on a stale `version`; NOT_FOUND when there is no such visit. Writes an audit entry when something changed.',
  })
  async updateVisit(
    @Arg('id', () => ID, { description: 'The visit’s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (Visit.version).' }) version: number,
    @Arg('input', () => UpdateVisitInput, { description: 'The fields to change.' }) input: UpdateVisitInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateVisitPayload> {
    const operation = 'updateVisit';
    const rowId = targetRowId(id, 'Visit', { zh: '走访记录', en: 'Visit' });
    await runMutation(
      ctx,
      operation,
      async (tx) => {
        const target = { table: 'visit', nodeType: 'Visit', id: rowId, version };
        const before = await lockVersioned(tx, target);
        const issues: Issue[] = [];
        for (const key of ['visitedOn', 'visitor'] as const) {
          if (input[key] === null) {
            const label = key === 'visitedOn' ? { zh: '走访日期', en: 'visit date' } : { zh: '走访人', en: 'visitor' };
            issues.push(issue(['input', key], 'REQUIRED', `${label.zh}不能清空`, `The ${label.en} cannot be cleared.`));
          }
        }
        const given = normalized(
          Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<VisitFields>,
        );
        const merged: VisitFields = {
          visitedOn: given.visitedOn ?? (before.visited_on as string),
          visitor: given.visitor ?? (before.visitor as string),
          ownerIntention: given.ownerIntention !== undefined ? given.ownerIntention : (before.owner_intention as string | null),
          membersIntention: given.membersIntention !== undefined ? given.membersIntention : (before.members_intention as string | null),
          problems: given.problems !== undefined ? given.problems : (before.problems as string | null),
          helpGiven: given.helpGiven !== undefined ? given.helpGiven : (before.help_given as string | null),
        };
        const found = validateVisitFields(merged, todayInShanghai(), { path: ['input'] });
        issues.push(...found);
        if (given.visitedOn && !found.some((i) => i.path[1] === 'visitedOn')) {
          const point = (await readRow(tx, 'liaison_point', before.liaison_point_id as number))!;
          const organization = (await readRow(tx, 'organization', before.organization_id as number))!;
          issues.push(...dateRules(given.visitedOn, point, organization));
        }
        refuseIfAny(issues);
        const wanted = columnsOf(given);
        const changes = Object.fromEntries(Object.entries(wanted).filter(([column, value]) => (before[column] ?? null) !== (value ?? null)));
        if (Object.keys(changes).length === 0) return;
        if (changes.visited_on !== undefined || changes.visitor !== undefined) {
          await refuseDuplicate(tx, before.liaison_point_id as number, merged.visitedOn, merged.visitor, rowId);
        }
        const after = await updateVersioned(tx, target, changes);
        await audit(tx, ctx, { operation, nodeType: 'Visit', nodeId: rowId, before, after });
      },
      { constraintPaths: CONSTRAINT_PATHS },
    );
    const { visit, organization } = await payloadNodes(ctx, rowId);
    return { visit, organization };
  }
}
