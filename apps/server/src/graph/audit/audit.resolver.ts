import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import { fromGlobalId } from '../../relay/cursor.js';
import { sql } from '../../sql/fragment.js';
import { connectionType, PageArgs, type ConnectionValue } from '../connection.js';
import { findPage } from '../list.js';
import { AuditEntry } from './audit-entry.entity.js';

export const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry', 'audit entries (审计记录)');

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
}
