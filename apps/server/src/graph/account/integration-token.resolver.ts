import { issue, type Issue } from '@liangxin/domain';
import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { createIntegrationToken, sha256Hex } from '../../auth/integration-token.js';
import type { TokenScope as Scope } from '../../auth/principal.js';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors/conflict.error.js';
import { NotFoundError } from '../../errors/not-found.error.js';
import { audit } from '../../mutation/audit.js';
import { refuseIfAny } from '../../mutation/issues.js';
import { shorten } from '../../mutation/references.js';
import { runMutation, type Tx } from '../../mutation/run-mutation.js';
import { DateTime } from '../scalars.js';
import { requireAdministrator } from '../../auth/permissions.js';

/**
 * Integration tokens through the API (接口令牌), the city administrator's as accounts are
 * (`administer`): list, create (the token shown once), revoke. `npm run accounts` does the same on
 * the server. Only a token's SHA-256 is stored; the audit entry never holds the hash.
 */

enum TokenScope {
  READ = 'read',
  IMPORT = 'import',
}
registerEnumType(TokenScope, {
  name: 'TokenScope',
  description: 'What an integration token may do.',
  valuesConfig: { READ: { description: 'Read the graph (queries).' }, IMPORT: { description: 'Import spreadsheets (POST /import/…).' } },
});

@ObjectType('IntegrationToken', { description: 'A machine’s bearer token (接口令牌): its scopes, areas and state; never the token itself.' })
class IntegrationTokenView {
  @Field(() => String, { description: 'Its name, unique.' })
  name: string;

  @Field(() => [TokenScope], { description: 'What it may do.' })
  scopes: Scope[];

  @Field(() => [String], { description: 'Division codes of the areas it is bound to; empty: city-wide.' })
  areas: string[];

  @Field(() => Int, { nullable: true, description: 'How many operation documents it is restricted to; null: any operation.' })
  restrictedToOperations: number | null;

  @Field(() => DateTime, { description: 'When it was made.' })
  createdAt: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was revoked; null while it is live.' })
  revokedAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When it was last used (kept to the minute); null: never.' })
  lastUsedAt: Date | null;
}

@InputType('CreateIntegrationTokenInput', { description: 'A new integration token.' })
class CreateIntegrationTokenInput {
  @Field(() => String, { description: 'Its name, 1 to 100 characters, unique (e.g. the system that uses it).' })
  name: string;

  @Field(() => [TokenScope], { description: 'What it may do: at least one scope.' })
  scopes: Scope[];

  @Field(() => [String], { nullable: true, description: 'Division codes of the areas it is bound to; none: city-wide.' })
  areas?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'The exact GraphQL documents it may run (stored as SHA-256); none: any operation.' })
  operations?: string[] | null;
}

@ObjectType('CreateIntegrationTokenPayload', { description: 'The token made, shown this once, and what it is.' })
class CreateIntegrationTokenPayload {
  @Field(() => String, { description: 'The bearer token (lxi_…): hand it to the system that will use it; it is never shown again.' })
  token: string;

  @Field(() => IntegrationTokenView, { description: 'Its name, scopes and areas.' })
  integrationToken: IntegrationTokenView;
}

const VIEW = `SELECT t.id, t.name, t.scopes,
    coalesce((SELECT array_agg(a.code ORDER BY a.code) FROM area a WHERE a.id = ANY (t.area_ids)), '{}') AS areas,
    cardinality(t.allowed_operation_hashes) AS operations, t.created_at, t.revoked_at, t.last_used_at
  FROM integration_token t`;

interface ViewRow {
  id: number;
  name: string;
  scopes: Scope[];
  areas: string[];
  operations: number | null;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const toView = (r: ViewRow): IntegrationTokenView => ({
  name: r.name,
  scopes: r.scopes,
  areas: r.areas,
  restrictedToOperations: r.operations,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

async function viewOf(tx: Tx, id: number): Promise<IntegrationTokenView> {
  const rows = (await tx.query(`${VIEW} WHERE t.id = $1`, [id])) as ViewRow[];
  return toView(rows[0]!);
}

@Resolver()
export class IntegrationTokenResolver {
  @Query(() => [IntegrationTokenView], { description: 'Every integration token, by name, revoked ones too; city administrator only.' })
  async integrationTokens(@Ctx() ctx: Context): Promise<IntegrationTokenView[]> {
    requireAdministrator(ctx);
    return ((await ctx.db.query(`${VIEW} ORDER BY t.name`)) as ViewRow[]).map(toView);
  }

  @Mutation(() => CreateIntegrationTokenPayload, {
    description:
      'Makes an integration token; city administrator only. BAD_USER_INPUT at each wrong field (`LENGTH`, `NO_SCOPE`, `UNKNOWN_AREA`, `EMPTY_OPERATION`); CONFLICT `DUPLICATE` for a name in use. The token is in the payload once and never again.',
  })
  async createIntegrationToken(
    @Arg('input', () => CreateIntegrationTokenInput, { description: 'The token to make.' }) input: CreateIntegrationTokenInput,
    @Ctx() ctx: Context,
  ): Promise<CreateIntegrationTokenPayload> {
    requireAdministrator(ctx);
    const name = input.name.trim();
    const issues: Issue[] = [];
    if (name.length < 1 || name.length > 100) issues.push(issue(['input', 'name'], 'LENGTH', '令牌名称为 1 至 100 个字符', 'A token name has 1 to 100 characters.'));
    if (input.scopes.length === 0) issues.push(issue(['input', 'scopes'], 'NO_SCOPE', '至少选择一项权限', 'Give at least one scope.'));
    const operations = input.operations ?? [];
    operations.forEach((text, i) => {
      if (text.trim() === '') issues.push(issue(['input', 'operations', i], 'EMPTY_OPERATION', '操作文档不能为空', 'An operation document cannot be empty.'));
    });
    const result = await runMutation(ctx, 'createIntegrationToken', async (tx) => {
      const found = [...issues];
      const areaIds: number[] = [];
      for (const [i, code] of (input.areas ?? []).entries()) {
        const rows = (await tx.query('SELECT id FROM area WHERE code = $1', [code.trim()])) as { id: number }[];
        if (rows[0]) areaIds.push(rows[0].id);
        else found.push(issue(['input', 'areas', i], 'UNKNOWN_AREA', `没有代码为 ${shorten(code)} 的地区`, `There is no area with the code ${shorten(code)}.`));
      }
      refuseIfAny(found);
      const taken = (await tx.query('SELECT 1 FROM integration_token WHERE name = $1', [name])) as unknown[];
      if (taken.length > 0) {
        throw new ConflictError(`A token named ${name} exists.`, {
          localizedMessage: { zh: `令牌名称 ${name} 已被使用`, en: `A token named ${name} exists.` },
          details: { reason: 'DUPLICATE', field: ['input', 'name'] },
        });
      }
      const made = await createIntegrationToken(tx, {
        name,
        scopes: [...new Set(input.scopes)],
        areaIds: [...new Set(areaIds)],
        allowedOperationHashes: operations.length > 0 ? operations.map((text) => sha256Hex(text)) : null,
      });
      const view = await viewOf(tx, made.id);
      await audit(tx, ctx, { operation: 'createIntegrationToken', nodeType: 'IntegrationToken', nodeId: made.id, before: null, after: { id: made.id, ...view } });
      return { token: made.token, integrationToken: view };
    });
    ctx.log.info({ event: 'integration token created', token: name }, 'integration token created');
    return result;
  }

  @Mutation(() => IntegrationTokenView, {
    description: 'Revokes an integration token: refused from its next request on; city administrator only. NOT_FOUND for no token of that name; CONFLICT `ALREADY_REVOKED`.',
  })
  async revokeIntegrationToken(@Arg('name', () => String, { description: 'The token’s name.' }) name: string, @Ctx() ctx: Context): Promise<IntegrationTokenView> {
    requireAdministrator(ctx);
    const view = await runMutation(ctx, 'revokeIntegrationToken', async (tx) => {
      const rows = (await tx.query('SELECT id, revoked_at FROM integration_token WHERE name = $1 FOR UPDATE', [name.trim()])) as { id: number; revoked_at: Date | null }[];
      const row = rows[0];
      if (!row) {
        throw new NotFoundError(`No token is named ${shorten(name)}.`, { type: 'IntegrationToken', localizedMessage: { zh: `没有名为 ${shorten(name)} 的令牌`, en: `No token is named ${shorten(name)}.` } });
      }
      if (row.revoked_at !== null) {
        throw new ConflictError('This token is revoked already.', { localizedMessage: { zh: '该令牌已被吊销', en: 'This token is revoked already.' }, details: { reason: 'ALREADY_REVOKED' } });
      }
      const before = await viewOf(tx, row.id);
      await tx.query('UPDATE integration_token SET revoked_at = now() WHERE id = $1', [row.id]);
      const after = await viewOf(tx, row.id);
      await audit(tx, ctx, { operation: 'revokeIntegrationToken', nodeType: 'IntegrationToken', nodeId: row.id, before: { id: row.id, ...before }, after: { id: row.id, ...after } });
      return after;
    });
    ctx.log.info({ event: 'integration token revoked', token: view.name }, 'integration token revoked');
    return view;
  }
}
