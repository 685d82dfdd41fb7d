import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A machine's bearer token (table `integration_token`); only the hash of the token is stored. Not in the GraphQL schema. */
@Entity({ name: 'integration_token' })
export class IntegrationToken {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'scopes', type: 'text', array: true })
  scopes: string[];

  @Column({ name: 'area_ids', type: 'integer', array: true, default: () => "'{}'" })
  areaIds: number[];

  @Column({ name: 'allowed_operation_hashes', type: 'text', array: true, nullable: true })
  allowedOperationHashes: string[] | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}

/** The key that signs session tokens when LIANGXIN_SESSION_SECRET is not set (table `session_key`, one row). */
@Entity({ name: 'session_key' })
export class SessionKey {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id: number;

  @Column({ name: 'secret', type: 'text' })
  secret: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
