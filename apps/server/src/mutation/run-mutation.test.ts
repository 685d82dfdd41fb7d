import type { TestDatabase } from '@liangxin/db';
import DataLoader from 'dataloader';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, insertJinanFixture, sql, syncIdentities, testDatabase } from '../../test/helpers.js';
import { snapshotDatabase } from '../../test/snapshot.js';
import { createDataSource } from '../db/data-source.js';
import { BadUserInputError } from '../errors/bad-user-input.error.js';
import { ConflictError } from '../errors/conflict.error.js';
import { createLoaders } from '../loaders.js';
import { audit } from './audit.js';
import { insertRow, lockVersioned, updateVersioned } from './rows.js';
import { runMutation, type MutationContext } from './run-mutation.js';

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  await syncIdentities(db.url);
  dataSource = createDataSource({ url: db.url, logger: pino({ level: 'silent' }) }).dataSource;
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

function context(): MutationContext {
  const manager = dataSource.manager;
  return { db: manager, loaders: createLoaders(manager), actor: 'test:runner', requestId: 'req-1', log: pino({ level: 'silent' }) };
}

const ORGANIZATION = { name: '安全网测试公司', category: 'NON_PUBLIC_ECONOMIC', industry: 'C', employees: 1, registered_on: '2020-01-01', street_id: 10 };
const CODE = '91370102MA3C8LN78N';

describe('runMutation: the database safety net', () => {
  it('maps a unique violation to CONFLICT without the value, and rolls back the audit row written before it', async () => {
    const before = await snapshotDatabase(db.url);
    const error = await runMutation(context(), 'test', async (tx) => {
      await audit(tx, { actor: 'test', requestId: null as unknown as string }, { operation: 'test', nodeType: 'Organization', nodeId: 1, before: null, after: { x: 1 } });
      await insertRow(tx, 'organization', { ...ORGANIZATION, credit_code: CODES.enterprise });
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).extensions).toMatchObject({ code: 'CONFLICT', constraint: 'organization_credit_code_key' });
    expect(JSON.stringify({ m: (error as Error).message, e: (error as ConflictError).extensions })).not.toContain(CODES.enterprise);
    expect(await snapshotDatabase(db.url)).toEqual(before);
  });

  it('maps a check violation to BAD_USER_INPUT at the path the mutation names, without SQL', async () => {
    const error = await runMutation(context(), 'test', (tx) => insertRow(tx, 'organization', { ...ORGANIZATION, credit_code: CODE, employees: -5 }), {
      constraintPaths: { organization_employees_check: ['input', 'employees'] },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).extensions).toMatchObject({ field: ['input', 'employees'], reason: 'RULE', constraint: 'organization_employees_check' });
    expect((error as Error).message).not.toMatch(/INSERT|violates|-5/);
  });

  it('maps a dangling foreign key to BAD_USER_INPUT', async () => {
    const error = await runMutation(context(), 'test', (tx) => insertRow(tx, 'organization', { ...ORGANIZATION, credit_code: CODE, street_id: 9999 })).catch(
      (e: unknown) => e,
    );
    expect((error as BadUserInputError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REFERENCE', field: ['input'] });
  });

  it('retries a serialization failure and commits on the next attempt', async () => {
    let attempts = 0;
    const id = await runMutation(context(), 'test', async (tx) => {
      attempts += 1;
      const row = await insertRow(tx, 'organization', { ...ORGANIZATION, credit_code: CODE });
      if (attempts === 1) await tx.query(`DO $$ BEGIN RAISE EXCEPTION 'lost a race' USING ERRCODE = '40001'; END $$`);
      return row.id as number;
    });
    expect(attempts).toBe(2);
    const { rows } = await sql(db.url, 'SELECT count(*)::int AS n FROM organization WHERE credit_code = $1', [CODE]);
    expect(rows[0].n).toBe(1);
    expect(id).toBeGreaterThan(2);
  });

  it('gives up after the last attempt with CONFLICT', async () => {
    let attempts = 0;
    const error = await runMutation(context(), 'test', async (tx) => {
      attempts += 1;
      await tx.query(`DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = '40P01'; END $$`);
    }).catch((e: unknown) => e);
    expect(attempts).toBe(3);
    expect((error as ConflictError).extensions.code).toBe('CONFLICT');
  });

  it('leaves an error that is not the client’s (a missing column) unmapped, to be masked and logged', async () => {
    const error = await runMutation(context(), 'test', (tx) => tx.query('SELECT no_such_column FROM organization')).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(BadUserInputError);
    expect(error).not.toBeInstanceOf(ConflictError);
  });
});

describe('versions and audit', () => {
  it('the trigger raises the version on every update; a stale version is refused with the current one', async () => {
    const ctx = context();
    const target = { table: 'organization', nodeType: 'Organization', id: 1, version: 1 };
    await runMutation(ctx, 'test', async (tx) => {
      await lockVersioned(tx, target);
      const after = await updateVersioned(tx, target, { employees: 121 });
      expect(after.version).toBe(2);
    });
    const error = await runMutation(ctx, 'test', (tx) => lockVersioned(tx, target)).catch((e: unknown) => e);
    expect((error as ConflictError).extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('redacts the columns named, keeping the key', async () => {
    await runMutation(context(), 'redact', (tx) =>
      audit(tx, { actor: 'test', requestId: 'r' }, { operation: 'redact', nodeType: 'PartyMember', nodeId: 7, before: null, after: { id: 7, identity_number: '370102199001011234' }, redact: ['identity_number'] }),
    );
    const { rows } = await sql(db.url, "SELECT after FROM audit_log WHERE operation = 'redact'");
    expect(rows[0].after).toEqual({ id: 7, identity_number: '[redacted]' });
  });
});

describe('loaders.clearAfterWrite', () => {
  it('reaches every loader group: each is a DataLoader, holds DataLoaders, or clears itself', () => {
    // Never queried: only the shape of the groups is inspected.
    const loaders = createLoaders(dataSource.manager);
    for (const [name, group] of Object.entries(loaders)) {
      if (typeof group === 'function' || group instanceof DataLoader) continue;
      const clearsItself = typeof (group as { clearAll?: unknown }).clearAll === 'function' || typeof (group as { clear?: unknown }).clear === 'function';
      // Otherwise only DataLoaders and `prime` helpers: any other function may make loaders it keeps out of reach.
      const holdsLoaders = Object.entries(group).every(([key, value]) => value instanceof DataLoader || (key === 'prime' && typeof value === 'function'));
      expect(clearsItself || holdsLoaders, `loader group ${name}`).toBe(true);
    }
  });

  it('forgets what a by-id loader cached', async () => {
    const ctx = context();
    const first = await ctx.loaders.organization.byId.load(2);
    await sql(db.url, 'UPDATE organization SET employees = employees + 1 WHERE id = 2');
    expect((await ctx.loaders.organization.byId.load(2))!.employees).toBe(first!.employees);
    ctx.loaders.clearAfterWrite();
    expect((await ctx.loaders.organization.byId.load(2))!.employees).toBe(first!.employees + 1);
  });
});
