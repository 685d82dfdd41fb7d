import { resolveDatabase, runMigrations, type DatabaseTarget } from '@liangxin/db';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  addAccount,
  AdminInputError,
  createToken,
  listAccounts,
  listTokens,
  resetPassword,
  revokeToken,
  setAccountDisabled,
} from '../auth/admin.js';
import { ACCOUNT_ROLES, type AccountRole } from '../auth/principal.js';
import { describeError } from '../errors/describe-error.js';

/**
 * `npm run accounts -- <command> …`: the accounts people sign in with and the tokens other systems
 * use (docs/security.md). Connects as the server does (DATABASE_URL, else the embedded
 * PostgreSQL) and applies pending migrations first. A password is never taken from the command
 * line (it would stay in the shell's history): it comes from LIANGXIN_NEW_PASSWORD, or a random one
 * is made and printed once. Exit status: 0 done, 2 the arguments or the input were refused
 * (nothing written), 3 anything else (database unreachable …).
 */

const USAGE = `usage: npm run accounts -- <command>
  list
  add <username> --role ${ACCOUNT_ROLES.join('|')} --name <display name> [--area <division code>] [--work-group-member <id>]
  disable <username>
  enable <username>
  reset-password <username>
  tokens
  token-create <name> --scopes read[,import] [--areas <code>[,<code>…]] [--operation <file.graphql>]…
  token-revoke <name>
A new password is LIANGXIN_NEW_PASSWORD when set, else a random one printed once.`;

function fail(code: number, message: string): never {
  process.stderr.write(`liangxin accounts: ${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      area: { type: 'string' },
      'work-group-member': { type: 'string' },
      scopes: { type: 'string' },
      areas: { type: 'string' },
      operation: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  fail(2, `${(error as Error).message}\n${USAGE}`);
}
const { values, positionals } = args;
if (values.help || positionals.length === 0) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(values.help ? 0 : 2);
}
const [command, subject] = positionals as [string, string | undefined];
const needsSubject = !['list', 'tokens'].includes(command);
if (needsSubject && !subject) fail(2, `${command} needs a name\n${USAGE}`);
const newPassword = process.env.LIANGXIN_NEW_PASSWORD || null;
const list = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

let target: DatabaseTarget | undefined;
let exitCode = 3;
try {
  target = await resolveDatabase({ env: process.env, log: () => {} });
  await runMigrations(target.url);
  const url = target.url;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'list':
      for (const a of await listAccounts(url)) {
        out([a.username, a.role, a.area ?? '(city)', a.displayName, a.workGroupMemberId ? `work-group member ${a.workGroupMemberId}` : '', a.disabled ? 'DISABLED' : '', `created ${a.createdAt}`].filter(Boolean).join('\t'));
      }
      break;
    case 'add': {
      const workGroupMember = values['work-group-member'];
      if (workGroupMember !== undefined && !/^[1-9][0-9]*$/.test(workGroupMember)) throw new AdminInputError('work-group-member', 'an id is a positive integer');
      const { password } = await addAccount(url, {
        username: subject!,
        displayName: values.name ?? '',
        role: (values.role ?? '').toUpperCase() as AccountRole,
        areaCode: values.area ?? null,
        workGroupMemberId: workGroupMember === undefined ? null : Number(workGroupMember),
        password: newPassword,
      });
      out(`added ${subject}`);
      if (!newPassword) out(`password (shown once): ${password}`);
      break;
    }
    case 'disable':
    case 'enable':
      await setAccountDisabled(url, subject!, command === 'disable');
      out(`${command}d ${subject}${command === 'disable' ? ' (sessions already issued end within 30 minutes)' : ''}`);
      break;
    case 'reset-password': {
      const { password } = await resetPassword(url, subject!, newPassword);
      out(`new password for ${subject}${newPassword ? ' set' : ` (shown once): ${password}`}`);
      break;
    }
    case 'tokens':
      for (const t of await listTokens(url)) {
        out([t.name, t.scopes.join(','), t.areas.length ? t.areas.join(',') : '(city)', t.restrictedToOperations ? `${t.restrictedToOperations} operations` : 'any operation', t.revoked ? 'REVOKED' : '', `created ${t.createdAt}`, t.lastUsedAt ? `last used ${t.lastUsedAt}` : ''].filter(Boolean).join('\t'));
      }
      break;
    case 'token-create': {
      const base = process.env.INIT_CWD ?? process.cwd();
      const operations = await Promise.all((values.operation ?? []).map((file) => readFile(resolve(base, file), 'utf8').catch(() => {
        throw new AdminInputError('operation', `cannot read ${file}`);
      })));
      const { token } = await createToken(url, { name: subject!, scopes: list(values.scopes), areaCodes: list(values.areas), operations });
      out(`token ${subject} (shown once): ${token}`);
      break;
    }
    case 'token-revoke':
      await revokeToken(url, subject!);
      out(`revoked ${subject}`);
      break;
    default:
      throw new AdminInputError('command', `unknown command ${command}\n${USAGE}`);
  }
  exitCode = 0;
} catch (error) {
  if (error instanceof AdminInputError) {
    process.stderr.write(`liangxin accounts: --${error.argument}: ${error.message}\n`);
    exitCode = 2;
  } else {
    process.stderr.write(`liangxin accounts: ${describeError(error).message ?? String(error)}\n`);
  }
} finally {
  await target?.close().catch(() => undefined);
}
process.exit(exitCode);
