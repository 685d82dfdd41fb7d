import { issue, type Issue } from '@liangxin/domain';
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { randomPassword, USERNAME } from '../../auth/admin.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../auth/password.js';
import { requireAdministrator } from '../../auth/permissions.js';
import type { AccountRole as Role } from '../../auth/principal.js';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors/conflict.error.js';
import { NotFoundError } from '../../errors/not-found.error.js';
import { audit } from '../../mutation/audit.js';
import { refuseIfAny } from '../../mutation/issues.js';
import { referencedRow, shorten, type ReferenceKind } from '../../mutation/references.js';
import { runMutation, type Tx } from '../../mutation/run-mutation.js';
import { Account, AccountRole } from './account.entity.js';

/**
 * Account administration through the API (账号管理), for the city administrator only: the
 * `administer` permission (auth/permissions.ts), checked before any resolver runs
 * (authorize-operation.ts) and again here. `npm run accounts` (cli/accounts.ts) does the same on
 * the server's command line. Every change is one transaction that checks the whole input before
 * it writes and leaves an audit entry; passwords are stored hashed and never audited.
 */

const WORK_GROUP_MEMBER: ReferenceKind = { typeName: 'WorkGroupMember', table: 'work_group_member', label: { zh: '工作组成员', en: 'work-group member' } };

/** The area level a role is scoped to; null: city-wide. */
function levelOf(role: Role): 'DISTRICT' | 'STREET' | null {
  return role === 'DISTRICT_OFFICER' ? 'DISTRICT' : role === 'STREET_WORKER' ? 'STREET' : null;
}

@InputType('CreateAccountInput', { description: 'A new account (新建账号).' })
class CreateAccountInput {
  @Field(() => String, { description: 'Sign-in name: 2 to 63 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit; stored in lower case.' })
  username: string;

  @Field(() => String, { description: 'Name shown to people, 1 to 100 characters.' })
  displayName: string;

  @Field(() => AccountRole, { description: 'The role.' })
  role: Role;

  @Field(() => String, { nullable: true, description: 'Division code of the district (DISTRICT_OFFICER) or street (STREET_WORKER); none for the city roles.' })
  area?: string | null;

  @Field(() => String, { nullable: true, description: "A street worker's own entry in the street's work group (WorkGroupMember id): their 专包 organizations come from it." })
  workGroupMember?: string | null;

  @Field(() => String, { nullable: true, description: 'The first password, 8 to 200 characters; omitted: a random one, returned once in the payload.' })
  password?: string | null;
}

@InputType('UpdateAccountInput', { description: 'Changes to an account (修改账号); fields left out stay as they are.' })
class UpdateAccountInput {
  @Field(() => String, { nullable: true, description: 'Name shown to people, 1 to 100 characters.' })
  displayName?: string | null;

  @Field(() => AccountRole, { nullable: true, description: 'A new role; give `area` with it when the new role is scoped to another level.' })
  role?: Role | null;

  @Field(() => String, { nullable: true, description: 'Division code of the district or street the (new) role is scoped to.' })
  area?: string | null;

  @Field(() => String, { nullable: true, description: "A street worker's work-group entry (WorkGroupMember id); the empty string removes it." })
  workGroupMember?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: refuse its sign-ins from now on and end its sessions; false: allow sign-ins again.',
  })
  disabled?: boolean | null;
}

@ObjectType('AccountPasswordPayload', { description: 'An account and the password just given to it: shown this once, never again.' })
class AccountPasswordPayload {
  @Field(() => Account, { description: 'The account.' })
  account: Account;

  @Field(() => String, { description: 'The password to hand to the person, who should change it (changePassword).' })
  password: string;
}

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  area_id: number | null;
  work_group_member_id: number | null;
  disabled_at: string | null;
}

const ACCOUNT_COLUMNS = 'id, username, display_name, role, area_id, work_group_member_id, disabled_at';

@Resolver(() => Account)
export class AccountAdminResolver {
  @Query(() => [Account], {
    description:
      'Every account (账号列表), by username; city administrator only (FORBIDDEN `NOT_ADMINISTRATOR` otherwise). Disabled accounts too unless `includeDisabled: false`.',
  })
  async accounts(
    @Arg('role', () => AccountRole, { nullable: true, description: 'Only accounts of this role.' }) role: Role | null,
    @Arg('includeDisabled', () => Boolean, { defaultValue: true, description: 'false: only accounts that may sign in.' }) includeDisabled: boolean,
    @Ctx() ctx: Context,
  ): Promise<Account[]> {
    requireAdministrator(ctx);
    const query = ctx.db.createQueryBuilder(Account, 'a').orderBy('a.username', 'ASC');
    if (role) query.andWhere('a.role = :role', { role });
    if (!includeDisabled) query.andWhere('a.disabled_at IS NULL');
    return query.getMany();
  }

  @Mutation(() => AccountPasswordPayload, {
    description:
      'Creates an account (新建账号); city administrator only. BAD_USER_INPUT naming each wrong field (`extensions.issues`): USERNAME, LENGTH, AREA_REQUIRED, AREA_NOT_ALLOWED, UNKNOWN_AREA, WRONG_LEVEL, NOT_A_STREET_WORKER, NOT_IN_STREET and the id issues; CONFLICT `DUPLICATE` when the username is taken. Returns the password once.',
  })
  async createAccount(@Arg('input', () => CreateAccountInput, { description: 'The new account.' }) input: CreateAccountInput, @Ctx() ctx: Context): Promise<AccountPasswordPayload> {
    requireAdministrator(ctx);
    const username = input.username.trim().toLowerCase();
    const issues: Issue[] = [];
    if (!USERNAME.test(username)) {
      issues.push(
        issue(['input', 'username'], 'USERNAME', '用户名为 2 至 63 个小写字母、数字或 . _ -，以字母或数字开头', 'A username has 2 to 63 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit.'),
      );
    }
    issues.push(...displayNameIssues(input.displayName, ['input', 'displayName']));
    const password = input.password ?? randomPassword();
    issues.push(...passwordIssues(password, ['input', 'password']));
    const account = await runMutation(ctx, 'createAccount', async (tx) => {
      // A copy per attempt: runMutation may run this again after a serialization failure.
      const found = [...issues];
      const scope = await scopeOf(tx, input.role, input.area ?? null, input.workGroupMember ?? null, found);
      refuseIfAny(found);
      const taken = (await tx.query('SELECT 1 FROM account WHERE username = $1', [username])) as unknown[];
      if (taken.length > 0) {
        throw new ConflictError(`An account named ${username} exists.`, {
          localizedMessage: { zh: `用户名 ${username} 已被使用`, en: `An account named ${username} exists.` },
          details: { reason: 'DUPLICATE', field: ['input', 'username'] },
        });
      }
      const hash = await hashPassword(password);
      const rows = (await tx.query(
        `INSERT INTO account (username, display_name, password_hash, role, area_id, work_group_member_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ACCOUNT_COLUMNS}`,
        [username, input.displayName.trim(), hash, input.role, scope.areaId, scope.workGroupMemberId],
      )) as AccountRow[];
      const created = rows[0]!;
      await audit(tx, ctx, { operation: 'createAccount', nodeType: 'Account', nodeId: created.id, before: null, after: { ...created } });
      return tx.findOneOrFail(Account, { where: { id: created.id } });
    });
    ctx.log.info({ event: 'account created', account: account.username, role: account.role }, 'account created');
    return { account, password };
  }

  @Mutation(() => Account, {
    description:
      'Changes an account (修改账号): display name, role and area, work-group entry, disabled; city administrator only. NOT_FOUND for an unknown username; BAD_USER_INPUT as createAccount; CONFLICT `OWN_ACCOUNT` when administrators would disable themselves or give up their role (another administrator must).',
  })
  async updateAccount(
    @Arg('username', () => String, { description: 'The account to change.' }) username: string,
    @Arg('input', () => UpdateAccountInput, { description: 'What to change.' }) input: UpdateAccountInput,
    @Ctx() ctx: Context,
  ): Promise<Account> {
    const principal = requireAdministrator(ctx);
    const issues: Issue[] = [];
    if (input.displayName != null) issues.push(...displayNameIssues(input.displayName, ['input', 'displayName']));
    const account = await runMutation(ctx, 'updateAccount', async (tx) => {
      const found = [...issues];
      const before = await lockedAccount(tx, username);
      const role = input.role ?? before.role;
      const ownAccount = before.id === principal.id;
      if (ownAccount && (input.disabled === true || role !== before.role)) {
        throw new ConflictError('Administrators cannot disable their own account or give up their own role: another administrator must.', {
          localizedMessage: { zh: '不能停用自己的账号或更改自己的角色，请由其他管理员操作', en: 'Administrators cannot disable their own account or give up their own role: another administrator must.' },
          details: { reason: 'OWN_ACCOUNT', field: input.disabled === true ? ['input', 'disabled'] : ['input', 'role'] },
        });
      }
      // The area and work-group entry as they will be: given, kept (same level), or dropped (a city role).
      const roleChanged = role !== before.role;
      const areaCode = input.area !== undefined && input.area !== null ? input.area : null;
      const keepArea = areaCode === null && !roleChanged;
      const workGroupMember =
        input.workGroupMember === undefined || input.workGroupMember === null ? undefined : input.workGroupMember.trim() === '' ? null : input.workGroupMember;
      let areaId = before.area_id;
      let workGroupMemberId = before.work_group_member_id;
      if (!keepArea || workGroupMember !== undefined) {
        const code = keepArea ? await codeOf(tx, before.area_id) : areaCode;
        const keepMember = workGroupMember === undefined && keepArea && role === 'STREET_WORKER' ? before.work_group_member_id : null;
        const scope = await scopeOf(tx, role, code, workGroupMember ?? null, found, keepMember);
        areaId = scope.areaId;
        workGroupMemberId = scope.workGroupMemberId;
      }
      refuseIfAny(found);
      const disabledAt = input.disabled == null ? before.disabled_at : input.disabled ? (before.disabled_at ?? 'now') : null;
      await tx.query(
        `UPDATE account SET display_name = $2, role = $3, area_id = $4, work_group_member_id = $5,
           disabled_at = CASE WHEN $6::text IS NULL THEN NULL WHEN $6 = 'now' THEN now() ELSE disabled_at END
         WHERE id = $1`,
        [before.id, input.displayName?.trim() ?? before.display_name, role, areaId, workGroupMemberId, disabledAt],
      );
      // Read back rather than RETURNING: TypeORM answers an UPDATE with [rows, count].
      const after = ((await tx.query(`SELECT ${ACCOUNT_COLUMNS} FROM account WHERE id = $1`, [before.id])) as AccountRow[])[0]!;
      await audit(tx, ctx, { operation: 'updateAccount', nodeType: 'Account', nodeId: before.id, before: { ...before }, after: { ...after } });
      return tx.findOneOrFail(Account, { where: { id: before.id } });
    });
    ctx.log.info({ event: 'account changed', account: account.username }, 'account changed');
    return account;
  }

  @Mutation(() => AccountPasswordPayload, {
    description:
      'Gives an account a new password (重置密码), e.g. for a person who forgot theirs; city administrator only. The next sign-in needs it; its sessions end at once. NOT_FOUND for an unknown username; BAD_USER_INPUT `LENGTH`. Returns the password once; the audit entry records the change, never the password or its hash.',
  })
  async resetAccountPassword(
    @Arg('username', () => String, { description: 'The account.' }) username: string,
    @Arg('newPassword', () => String, { nullable: true, description: 'The new password, 8 to 200 characters; omitted: a random one.' }) newPassword: string | null,
    @Ctx() ctx: Context,
  ): Promise<AccountPasswordPayload> {
    requireAdministrator(ctx);
    const password = newPassword ?? randomPassword();
    refuseIfAny(passwordIssues(password, ['newPassword']));
    const account = await runMutation(ctx, 'resetAccountPassword', async (tx) => {
      const before = await lockedAccount(tx, username);
      const hash = await hashPassword(password);
      await tx.query('UPDATE account SET password_hash = $2 WHERE id = $1', [before.id, hash]);
      const row = { id: before.id, username: before.username, password_hash: 'old' };
      await audit(tx, ctx, {
        operation: 'resetAccountPassword',
        nodeType: 'Account',
        nodeId: before.id,
        before: row,
        after: { ...row, password_hash: 'new' },
        redact: ['password_hash'],
      });
      return tx.findOneOrFail(Account, { where: { id: before.id } });
    });
    ctx.log.info({ event: 'password reset', account: account.username }, 'password reset by an administrator');
    return { account, password };
  }
}

function displayNameIssues(value: string, path: (string | number)[]): Issue[] {
  const name = value.trim();
  return name.length >= 1 && name.length <= 100 ? [] : [issue(path, 'LENGTH', '显示名称为 1 至 100 个字符', 'A display name has 1 to 100 characters.')];
}

function passwordIssues(password: string, path: (string | number)[]): Issue[] {
  if (password.length >= MIN_PASSWORD_LENGTH && password.length <= MAX_PASSWORD_LENGTH) return [];
  return [
    issue(
      path,
      'LENGTH',
      `密码须为 ${MIN_PASSWORD_LENGTH} 至 ${MAX_PASSWORD_LENGTH} 个字符，当前为 ${password.length} 个`,
      `A password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters; this one has ${password.length}.`,
    ),
  ];
}

/** The account by username, locked for the change; NOT_FOUND when there is none. */
async function lockedAccount(tx: Tx, username: string): Promise<AccountRow> {
  const rows = (await tx.query(`SELECT ${ACCOUNT_COLUMNS} FROM account WHERE username = $1 FOR UPDATE`, [username.trim().toLowerCase()])) as AccountRow[];
  if (!rows[0]) {
    throw new NotFoundError(`No account is named ${shorten(username)}.`, { type: 'Account', localizedMessage: { zh: `没有用户名为 ${shorten(username)} 的账号`, en: `No account is named ${shorten(username)}.` } });
  }
  return rows[0];
}

async function codeOf(tx: Tx, areaId: number | null): Promise<string | null> {
  if (areaId === null) return null;
  const rows = (await tx.query('SELECT code FROM area WHERE id = $1', [areaId])) as { code: string }[];
  return rows[0]?.code ?? null;
}

/**
 * The area and work-group entry a role is given, with the issues found (pushed onto `issues`):
 * a district for a district officer, a street for a street worker, none for the city roles; a
 * work-group entry only for a street worker, and one of that street.
 */
async function scopeOf(
  tx: Tx,
  role: Role,
  areaCode: string | null,
  workGroupMember: string | null,
  issues: Issue[],
  keptWorkGroupMemberId: number | null = null,
): Promise<{ areaId: number | null; workGroupMemberId: number | null }> {
  const level = levelOf(role);
  const areaPath = ['input', 'area'];
  let areaId: number | null = null;
  if (level === null && areaCode) {
    issues.push(issue(areaPath, 'AREA_NOT_ALLOWED', '市级角色不设地区', `${role} works city-wide: give no area.`));
  } else if (level !== null && !areaCode) {
    const zh = level === 'DISTRICT' ? '区级干部须指定所在区县的代码' : '街道工作人员须指定所在街道的代码';
    issues.push(issue(areaPath, 'AREA_REQUIRED', zh, `${role} needs the code of its ${level.toLowerCase()}.`));
  } else if (level !== null && areaCode) {
    const rows = (await tx.query('SELECT id, level FROM area WHERE code = $1', [areaCode.trim()])) as { id: number; level: string }[];
    if (!rows[0]) issues.push(issue(areaPath, 'UNKNOWN_AREA', `没有代码为 ${shorten(areaCode)} 的地区`, `There is no area with the code ${shorten(areaCode)}.`));
    else if (rows[0].level !== level) {
      issues.push(issue(areaPath, 'WRONG_LEVEL', `${shorten(areaCode)} 不是${level === 'DISTRICT' ? '区县' : '街道'}`, `${shorten(areaCode)} is not a ${level.toLowerCase()}.`));
    } else areaId = rows[0].id;
  }
  const memberPath = ['input', 'workGroupMember'];
  if (workGroupMember === null) return { areaId, workGroupMemberId: role === 'STREET_WORKER' ? keptWorkGroupMemberId : null };
  if (role !== 'STREET_WORKER') {
    issues.push(issue(memberPath, 'NOT_A_STREET_WORKER', '只有街道工作人员对应工作组成员', 'Only a STREET_WORKER has a work-group entry.'));
    return { areaId, workGroupMemberId: null };
  }
  const found = await referencedRow(tx, memberPath, workGroupMember, WORK_GROUP_MEMBER);
  if (found.issue) {
    issues.push(found.issue);
    return { areaId, workGroupMemberId: null };
  }
  if (areaId !== null && found.row.street_id !== areaId) {
    issues.push(issue(memberPath, 'NOT_IN_STREET', '该工作组成员不属于此街道', 'This work-group member belongs to another street.'));
  }
  return { areaId, workGroupMemberId: Number(found.row.id) };
}
