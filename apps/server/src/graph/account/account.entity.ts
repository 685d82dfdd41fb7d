import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ACCOUNT_ROLES, type AccountRole as Role } from '../../auth/principal.js';
import { DateTime } from '../scalars.js';

/** The roles as a GraphQL enum (values are their own names). */
export const AccountRole = Object.fromEntries(ACCOUNT_ROLES.map((r) => [r, r])) as { [K in Role]: K };

registerEnumType(AccountRole, {
  name: 'AccountRole',
  description: 'What a person signs in as (角色). What each role may see and change: docs/security.md.',
  valuesConfig: {
    CITY_ANALYST: { description: 'City analyst (市级分析员): reads every area; aggregates and organization data, no personal data of members.' },
    CITY_ADMIN: { description: 'City administrator (市级管理员).' },
    DISTRICT_OFFICER: { description: 'District officer (区级干部): reads and writes within their district.' },
    STREET_WORKER: { description: 'Street worker (街道工作人员): within their street, the organizations they look after (专包) first.' },
  },
});

/** A person who signs in (table `account`). The password hash never leaves the server. */
@ObjectType('Account', { description: 'A person who signs in (账号): username, role and the area the role is scoped to.' })
@Entity({ name: 'account' })
export class Account {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => String, { description: 'Sign-in name (用户名).' })
  @Column({ name: 'username', type: 'text' })
  username: string;

  @Field(() => String, { description: 'Name shown to people (显示名称).' })
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id PHC string. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Field(() => AccountRole, { description: 'Role (角色).' })
  @Column({ name: 'role', type: 'text' })
  role: Role;

  /** The district (DISTRICT_OFFICER) or street (STREET_WORKER); null for city roles. Exposed as `area`. */
  @Column({ name: 'area_id', type: 'integer', nullable: true })
  areaId: number | null;

  @Column({ name: 'work_group_member_id', type: 'integer', nullable: true })
  workGroupMemberId: number | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Sessions issued before are refused (set by a trigger; auth/session-revocations.ts). */
  @Column({ name: 'sessions_valid_from', type: 'timestamptz', nullable: true })
  sessionsValidFrom: Date | null;

  @Field(() => DateTime, { description: 'When the account was created (创建时间).' })
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
