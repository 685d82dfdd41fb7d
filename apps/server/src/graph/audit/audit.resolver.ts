import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, ID, Info, InputType, Query, Resolver } from 'type-graphql';
import { requireAdministrator } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import { fromGlobalId } from '../../relay/cursor.js';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, PageArgs, type ConnectionValue } from '../connection.js';
import { checkDateRange, DateRange, type FieldPath } from '../filters.js';
import { findPage, wantsTotalCount } from '../list.js';
import { AuditEntry } from './audit-entry.entity.js';

export const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry', 'audit entries (审计记录)');

/** At most this many values in one list condition, and characters in one value (audit_log.actor holds up to 200). */
const MAX_VALUES = 50;
const MAX_LENGTH = 200;

@InputType('AuditEntryFilter', { description: 'Conditions on audit entries (操作日志筛选); the fields given are ANDed.' })
export class AuditEntryFilter {
  @Field(() => String, { nullable: true, description: "Made by this principal (操作人), exactly as `actor` shows it: 'account:<username>' or 'token:<name>'." })
  actor?: string | null;

  @Field(() => [String], { nullable: true, description: "The operation (操作) is any of these, e.g. 'recordVisit', 'updateAccount', 'import:organizations'." })
  operation?: string[] | null;

  @Field(() => [String], { nullable: true, description: "The node changed is of any of these types, e.g. 'Organization', 'Account'." })
  nodeType?: string[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Made on these days, Asia/Shanghai time (日期区间, both ends inclusive).' })
  madeOn?: DateRange | null;
}

function textCondition(column: Sql, values: string[] | null | undefined, path: FieldPath): Sql[] {
  if (values == null) return [];
  if (values.length === 0 || values.length > MAX_VALUES) {
    const en = `Give 1 to ${MAX_VALUES} values, or leave the field out.`;
    throw new BadUserInputError(en, { field: path, reason: 'COUNT', localizedMessage: { zh: `请给出 1 至 ${MAX_VALUES} 个值，或不填`, en } });
  }
  values.forEach((value, i) => tooLong(value, [...path, i]));
  return [values.length === 1 ? sql`${column} = ${values[0]!}` : sql`${column} = ANY(${values}::text[])`];
}

function tooLong(value: string, path: FieldPath): void {
  if (value.length <= MAX_LENGTH) return;
  const en = `At most ${MAX_LENGTH} characters.`;
  throw new BadUserInputError(en, { field: path, reason: 'LENGTH', localizedMessage: { zh: `最多 ${MAX_LENGTH} 个字符`, en } });
}

/** The SQL conditions of an AuditEntryFilter (alias `a`); BAD_USER_INPUT at the field's path. */
export function auditEntryConditions(filter: AuditEntryFilter | null | undefined): Sql[] {
  if (!filter) return [];
  const conditions: Sql[] = [];
  if (filter.actor != null) {
    tooLong(filter.actor, ['filter', 'actor']);
    conditions.push(sql`a.actor = ${filter.actor}`);
  }
  conditions.push(...textCondition(raw('a.operation'), filter.operation, ['filter', 'operation']));
  conditions.push(...textCondition(raw('a.node_type'), filter.nodeType, ['filter', 'nodeType']));
  if (filter.madeOn) {
    // Days in Shanghai as a range of instants, so the index on `at` answers it (migration audit-log-indexes).
    const { from, to } = checkDateRange(filter.madeOn, ['filter', 'madeOn']);
    if (from) conditions.push(sql`a.at >= (${from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`);
    if (to) conditions.push(sql`a.at < ((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  }
  return conditions;
}

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, {
    description:
      'The audit trail of one node (审计日志), newest change first: every change made through the API or an import, with who, when, the operation, and the record before and after.',
  })
  auditLog(
    @Arg('nodeId', () => ID, { description: 'Global id of the node, as returned in its `id` field.' }) nodeId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db }: Context,
  ): Promise<ConnectionValue<AuditEntry>> {
    const node = fromGlobalId(nodeId);
    if (!node) {
      const en = 'nodeId is not an id of this API; pass the `id` of a node.';
      throw new BadUserInputError(en, {
        field: ['nodeId'],
        reason: 'INVALID_ID',
        localizedMessage: { zh: 'nodeId 不是有效的 ID，请传入对象的 id 字段', en },
      });
    }
    return findPage(
      db,
      {
        entity: AuditEntry,
        alias: 'a',
        where: [sql`a.node_type = ${node.typeName}`, sql`a.node_id = ${node.id}`],
        // By id, not by `at`: entries of one transaction share its now(); ids follow commit order within a node.
        order: { key: 'ID', column: 'id', direction: 'DESC' },
      },
      page,
    );
  }

  @Query(() => AuditEntryConnection, {
    description:
      "Every change (操作日志), newest first, across the city: accounts' and tokens' administration included; city administrator only (FORBIDDEN `NOT_ADMINISTRATOR` otherwise). One node's trail is `auditLog(nodeId)`.",
  })
  auditEntries(
    @Arg('filter', () => AuditEntryFilter, { nullable: true, description: 'Which entries; all when omitted.' }) filter: AuditEntryFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<AuditEntry>> {
    requireAdministrator(ctx);
    return findPage(
      ctx.db,
      { entity: AuditEntry, alias: 'a', where: auditEntryConditions(filter), order: { key: 'ID', column: 'id', direction: 'DESC' } },
      page,
      undefined,
      wantsTotalCount(info),
    );
  }
}
