import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { MAX_PASSWORD_LENGTH, verifyAgainstNothing, verifyPassword } from '../../auth/password.js';
import type { Context } from '../../context.js';
import { UnauthenticatedError } from '../../errors/unauthenticated.error.js';
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
