import pg from 'pg';
import { createIntegrationToken } from './integration-token.js';
import { hashPassword } from './password.js';
import type { AccountRole } from './principal.js';

/**
 * One account per role on the demo data set, with fixed passwords written in the README (they are
 * demo passwords: never use this on real data — it only runs where the demo data set was loaded),
 * and one integration token for 历下区, printed once.
 */
export const DEMO_ACCOUNTS: readonly { username: string; password: string; displayName: string; role: AccountRole; areaCode: string | null }[] = [
  { username: 'analyst', password: 'demo-analyst', displayName: '市级分析员（演示）', role: 'CITY_ANALYST', areaCode: null },
  { username: 'admin', password: 'demo-admin', displayName: '市级管理员（演示）', role: 'CITY_ADMIN', areaCode: null },
  { username: 'lixia', password: 'demo-district', displayName: '历下区干部（演示）', role: 'DISTRICT_OFFICER', areaCode: '370102' },
  // The street: the first street of 历下区 by code (see ensureDemoAccounts).
  { username: 'street', password: 'demo-street', displayName: '街道工作人员（演示）', role: 'STREET_WORKER', areaCode: 'first street of 370102' },
];

export const DEMO_TOKEN_NAME = 'demo-lixia-integration';

export interface DemoAccountsOutcome {
  accounts: { username: string; password: string; role: AccountRole; area: string | null }[];
  token: { name: string; token: string; scopes: string[]; area: string };
}

/**
 * Creates the demo accounts and token when the `account` table is empty and the demo data's 历下区
 * (370102) exists; null otherwise (a second start, or a database with its own accounts).
 */
export async function ensureDemoAccounts(url: string): Promise<DemoAccountsOutcome | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: existing } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM account');
    if (existing[0]!.n > 0) return null;
    const { rows: areas } = await client.query<{ id: number; code: string; name: string; level: string }>(
      `(SELECT id, code, name, level FROM area WHERE code = '370102')
       UNION ALL
       (SELECT s.id, s.code, s.name, s.level FROM area s JOIN area d ON d.id = s.parent_id
         WHERE d.code = '370102' AND s.level = 'STREET' ORDER BY s.code LIMIT 1)`,
    );
    const district = areas.find((a) => a.level === 'DISTRICT');
    const street = areas.find((a) => a.level === 'STREET');
    if (!district || !street) return null;
    // The street worker is the work-group member of the street still in the group who looks after
    // (专包) the most organizations today, so the demo desk opens with work on it.
    const { rows: members } = await client.query<{ id: number }>(
      `SELECT m.id FROM work_group_member m
        WHERE m.street_id = $1 AND (m.left_on IS NULL OR m.left_on > current_date)
        ORDER BY (SELECT count(*) FROM liaison_point lp
                   WHERE lp.work_group_member_id = m.id AND lp.since <= current_date AND (lp.until IS NULL OR lp.until > current_date)) DESC, m.id
        LIMIT 1`,
      [street.id],
    );

    const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
    await client.query('BEGIN');
    const out: DemoAccountsOutcome['accounts'] = [];
    for (const [i, account] of DEMO_ACCOUNTS.entries()) {
      const area = account.role === 'DISTRICT_OFFICER' ? district : account.role === 'STREET_WORKER' ? street : null;
      await client.query(
        `INSERT INTO account (username, display_name, password_hash, role, area_id, work_group_member_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [account.username, account.displayName, hashes[i], account.role, area?.id ?? null, account.role === 'STREET_WORKER' ? (members[0]?.id ?? null) : null],
      );
      out.push({ username: account.username, password: account.password, role: account.role, area: area ? `${area.name} ${area.code}` : null });
    }
    const scopes = ['read', 'import'] as const;
    const { token } = await createIntegrationToken(
      { query: (text, params) => client.query(text, params).then((r) => r.rows) },
      { name: DEMO_TOKEN_NAME, scopes, areaIds: [district.id] },
    );
    await client.query('COMMIT');
    return { accounts: out, token: { name: DEMO_TOKEN_NAME, token, scopes: [...scopes], area: `${district.name} ${district.code}` } };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The lines main.ts prints on the start that made them. */
export function describeDemoAccounts(outcome: DemoAccountsOutcome): string[] {
  return [
    '  Demo accounts (made on this first start; README "Demo accounts"):',
    ...outcome.accounts.map((a) => `    ${a.username.padEnd(9)} ${a.password.padEnd(14)} ${a.role.padEnd(17)} ${a.area ?? 'whole city'}`),
    `  Integration token "${outcome.token.name}" (${outcome.token.scopes.join(', ')}; ${outcome.token.area}) — shown this once:`,
    `    ${outcome.token.token}`,
    '  Sign in: mutation { signIn(username: "analyst", password: "demo-analyst") { token expiresAt } }',
    '  then send Authorization: Bearer <token>.',
  ];
}
