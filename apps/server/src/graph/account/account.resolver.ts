import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyAgainstNothing, verifyPassword } from '../../auth/password.js';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import { ForbiddenError } from '../../errors/forbidden.error.js';
import { UnauthenticatedError } from '../../errors/unauthenticated.error.js';
import { audit } from '../../mutation/audit.js';
import { runMutation } from '../../mutation/run-mutation.js';
import { Area } from '../area/area.entity.js';
import { WorkGroupMember } from '../work-group-member/work-group-member.entity.js';
import { DateTime } from '../scalars.js';
import { Account, AccountRole } from './account.entity.js';

/** The one refusal of a sign-in: it never says whether the username exists. */
const SIGN_IN_REFUSED = 'Wrong username or password';

enum ViewerKind {
  ACCOUNT = 'ACCOUNT',
  INTEGRATION = 'INTEGRATION',
}
registerEnumType(ViewerKind, {
  name: 'ViewerKind',
  description: 'What a request is signed in as.',
  valuesConfig: {
    ACCOUNT: { description: 'A person, with a session token from signIn.' },
    INTEGRATION: { description: 'A machine, with an integration token.' },
  },
});

@ObjectType('SignInPayload', { description: 'A session: send `token` as `Authorization: Bearer <token>` until `expiresAt`.' })
class SignInPayload {
  @Field(() => String, { description: 'The session token (a signed JWT), valid until expiresAt.' })
  token: string;

  @Field(() => DateTime, { description: 'When the token stops being accepted; sign in again then.' })
  expiresAt: Date;

  @Field(() => Account, { description: 'The account signed in.' })
  account: Account;
}

@ObjectType('Viewer', { description: 'Who the request is signed in as (`me`).' })
class Viewer {
  @Field(() => ViewerKind, { description: 'An account (a person) or an integration token.' })
  kind: ViewerKind;

  @Field(() => String, { description: "As the audit trail records it: 'account:<username>' or 'token:<name>'." })
  actor: string;

  @Field(() => Account, { nullable: true, description: 'The account; null for an integration token.' })
  account: Account | null;

  @Field(() => [String], { description: "An integration token's scopes (read, import); empty for an account." })
  scopes: string[];

  areaIds: readonly number[];
}

@Resolver(() => Account)
export class AccountResolver {
  @Mutation(() => SignInPayload, {
    description:
      'Signs in with a username and password and returns a short-lived session token. A wrong username or password is refused with UNAUTHENTICATED, the same message either way.',
  })
  async signIn(
    @Arg('username', () => String, { description: 'Sign-in name (case does not matter).' }) username: string,
    @Arg('password', () => String, { description: 'The password; never logged.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<SignInPayload> {
    if (!ctx.sessions) throw new Error('signIn needs the server’s session issuer on the context');
    const name = username.trim().toLowerCase();
    const account = name.length > 0 && name.length <= 63 && password.length <= MAX_PASSWORD_LENGTH
      ? await ctx.db.findOne(Account, { where: { username: name } })
      : null;
    // Verify against a dummy hash when there is no usable account, so both take about as long.
    const ok = account && account.disabledAt === null ? await verifyPassword(account.passwordHash, password) : await verifyAgainstNothing(password);
    if (!ok || !account) {
      ctx.log.info({ event: 'sign-in refused' }, 'sign-in refused');
      throw new UnauthenticatedError(SIGN_IN_REFUSED);
    }
    const { token, expiresAt } = await ctx.sessions.issue({ id: account.id, username: account.username, role: account.role, areaId: account.areaId });
    ctx.log.info({ event: 'signed in', actor: `account:${account.username}` }, 'signed in');
    return { token, expiresAt, account };
  }

  @Mutation(() => Account, {
    description:
      'Changes the password of the account signed in (修改密码); every role may. BAD_USER_INPUT naming `currentPassword` when it is wrong, naming `newPassword` when it has fewer than 8 or more than 200 characters or is the current one; FORBIDDEN for an integration token (it has no password). Every session of the account ends, this one included: sign in again with the new password. Writes an audit entry that records the change, never the password or its hash.',
  })
  async changePassword(
    @Arg('currentPassword', () => String, { description: 'The password in use; never logged.' }) currentPassword: string,
    @Arg('newPassword', () => String, { description: 'The new password: 8 to 200 characters; never logged.' }) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<Account> {
    const principal = ctx.principal;
    if (!principal) throw new UnauthenticatedError('Sign in first');
    if (principal.kind !== 'account') throw new ForbiddenError('An integration token has no password to change', 'NOT_AN_ACCOUNT');
    // What needs no database is checked first; nothing is written unless everything holds.
    if (newPassword.length < MIN_PASSWORD_LENGTH || newPassword.length > MAX_PASSWORD_LENGTH) {
      const en = `The new password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters; it has ${newPassword.length}.`;
      throw new BadUserInputError(en, {
        field: ['newPassword'],
        reason: 'LENGTH',
        localizedMessage: { zh: `新密码须为 ${MIN_PASSWORD_LENGTH} 至 ${MAX_PASSWORD_LENGTH} 个字符，当前为 ${newPassword.length} 个`, en },
      });
    }
    if (newPassword === currentPassword) {
      const en = 'The new password is the current one: choose another.';
      throw new BadUserInputError(en, { field: ['newPassword'], reason: 'SAME', localizedMessage: { zh: '新密码与当前密码相同，请换一个', en } });
    }
    const id = principal.id;
    const changed = await runMutation(ctx, 'changePassword', async (tx) => {
      // Locked, so two changes at once cannot both pass the check against the old password.
      const rows = (await tx.query('SELECT id, username, password_hash, disabled_at FROM account WHERE id = $1 FOR UPDATE', [id])) as {
        id: number;
        username: string;
        password_hash: string;
        disabled_at: Date | null;
      }[];
      const row = rows[0];
      // A session outlives the account's disabling by at most its TTL: it changes nothing meanwhile.
      if (!row || row.disabled_at !== null) throw new ForbiddenError('This account is disabled', 'ACCOUNT_DISABLED');
      if (!(await verifyPassword(row.password_hash, currentPassword))) {
        ctx.log.info({ event: 'password change refused' }, 'password change refused: wrong current password');
        const en = 'The current password is wrong.';
        throw new BadUserInputError(en, { field: ['currentPassword'], reason: 'WRONG_PASSWORD', localizedMessage: { zh: '当前密码不正确', en } });
      }
      const hash = await hashPassword(newPassword);
      await tx.query('UPDATE account SET password_hash = $2 WHERE id = $1', [id, hash]);
      const before = { id: row.id, username: row.username, password_hash: row.password_hash };
      await audit(tx, ctx, {
        operation: 'changePassword',
        nodeType: 'Account',
        nodeId: id,
        before,
        after: { ...before, password_hash: hash },
        // The trail shows that the password changed, never a hash to attack offline.
        redact: ['password_hash'],
      });
      return tx.findOneOrFail(Account, { where: { id } });
    });
    ctx.log.info({ event: 'password changed', actor: ctx.actor }, 'password changed');
    return changed;
  }

  @Query(() => Viewer, { nullable: true, description: 'Who this request is signed in as; null when it carries no token.' })
  async me(@Ctx() ctx: Context): Promise<Viewer | null> {
    const p = ctx.principal;
    if (!p) return null;
    const account = p.kind === 'account' ? await ctx.db.findOne(Account, { where: { id: p.id } }) : null;
    return { kind: p.kind === 'account' ? ViewerKind.ACCOUNT : ViewerKind.INTEGRATION, actor: p.actor, account, scopes: [...p.scopes], areaIds: p.areaIds };
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The district or street the role is scoped to; null for city roles.' })
  area(@Root() account: Account, @Ctx() { loaders }: Context): Promise<Area | null> {
    return account.areaId === null ? Promise.resolve(null) : loaders.area.byId.load(account.areaId);
  }

  @FieldResolver(() => Boolean, { description: 'Its sign-ins are refused (停用); an administrator may allow them again (updateAccount).' })
  disabled(@Root() account: Account): boolean {
    return account.disabledAt !== null;
  }

  @FieldResolver(() => WorkGroupMember, {
    nullable: true,
    description:
      "A street worker's own entry in the street's work group: its liaison points are the organizations the worker looks after (专包) — the work-group desk starts there. Null for other roles.",
  })
  workGroupMember(@Root() account: Account, @Ctx() { loaders }: Context): Promise<WorkGroupMember | null> {
    return account.workGroupMemberId === null ? Promise.resolve(null) : loaders.workGroupMember.byId.load(account.workGroupMemberId);
  }
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @FieldResolver(() => [Area], { description: "The areas the principal is scoped to: an officer's district, a worker's street, a token's areas; empty for city roles." })
  async areas(@Root() viewer: Viewer, @Ctx() { loaders }: Context): Promise<Area[]> {
    const areas = await loaders.area.byId.loadMany([...viewer.areaIds]);
    return areas.filter((a): a is Area => a !== null && !(a instanceof Error));
  }
}
