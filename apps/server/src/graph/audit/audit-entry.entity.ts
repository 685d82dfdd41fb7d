import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../relay/cursor.js';
import { DateTime } from '../scalars.js';

/**
 * One row of the audit trail (审计日志, table audit_log): a change to one node, written by the
 * mutation (or import) in the same transaction as the change. Not a Node: entries are read
 * through `auditLog(nodeId)`, never changed (the table refuses UPDATE and DELETE).
 */
@ObjectType('AuditEntry', {
  description: 'One change to a node (审计记录): who, when, which operation, and the record before and after.',
})
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: number;

  @Field(() => DateTime, { description: 'When the change was committed (时间; the start of its transaction).' })
  @Column({ name: 'at', type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Field(() => String, { description: "Who made it (操作人): an account id once sign-in exists; 'anonymous' before." })
  @Column({ name: 'actor', type: 'text' })
  actor: string;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Field(() => String, { description: "What made it (操作): the mutation's name, e.g. 'registerOrganization', or 'import:<kind>'." })
  @Column({ name: 'operation', type: 'text' })
  operation: string;

  @Field(() => String, { description: "The GraphQL type of the node changed, e.g. 'Organization'." })
  @Column({ name: 'node_type', type: 'text' })
  nodeType: string;

  @Column({ name: 'node_id', type: 'integer' })
  nodeId: number;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "The record before the change, as stored (snake_case column names, e.g. 'credit_code'); null for a creation.",
  })
  @Column({ name: 'before', type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: 'The record after the change, as stored (snake_case column names); null for a deletion.',
  })
  @Column({ name: 'after', type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Field(() => ID, { name: 'nodeId', description: 'Global id of the node changed (the `id` it has in the API).' })
  get globalNodeId(): string {
    return toGlobalId(this.nodeType, this.nodeId);
  }
}
