import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturingLogger, CODES, insertJinanFixture, sql, startTestApp, testDatabase, type TestApp } from '../../test/helpers.js';
import { BadUserInputError } from './bad-user-input.error.js';
import { ConflictError } from './conflict.error.js';
import { createFormatError } from './format-error.js';
import { ForbiddenError } from './forbidden.error.js';
import { NotFoundError } from './not-found.error.js';

let db: TestDatabase;
let app: TestApp;
const log = capturingLogger();

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  app = await startTestApp(db.url, { logger: log.logger });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('an unexpected error', () => {
  it('reaches the client masked (no message, stack or SQL) and the log in full', async () => {
    // Sabotage: the entity maps a column the database no longer has, so the SELECT fails.
    await sql(db.url, 'ALTER TABLE organization RENAME COLUMN employees TO employees_gone');
    try {
      const { status, body, headers } = await app.gql(`{ organization(creditCode: "${CODES.enterprise}") { name } }`);
      expect(status).toBe(200);
      expect(body.data).toEqual({ organization: null });
      expect(body.errors).toEqual([
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['organization'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: headers.get('x-request-id') },
        },
      ]);
      const text = JSON.stringify(body);
      for (const leak of ['employees', 'SELECT', 'FROM', '\\"t\\"', 'QueryFailedError', 'does not exist', 'at ', 'stack']) {
        expect(text).not.toContain(leak);
      }
      const logged = log.lines().find((line) => line.msg === 'unexpected error, masked for the client');
      expect(logged).toMatchObject({ reqId: headers.get('x-request-id'), path: ['organization'] });
      const err = logged!.error as Record<string, unknown>;
      expect(err.type).toBe('QueryFailedError');
      expect(err.message).toContain('employees');
      expect(err.code).toBe('42703');
      expect(err.sql).toContain('SELECT');
      expect(err.stack).toBeTypeOf('string');
      expect(err).not.toHaveProperty('parameters');
      expect(JSON.stringify(logged)).not.toContain(CODES.enterprise);
    } finally {
      await sql(db.url, 'ALTER TABLE organization RENAME COLUMN employees_gone TO employees');
    }
  });
});

describe('formatError', () => {
  const format = createFormatError();

  it.each([
    new BadUserInputError('bad', { field: 'x' }),
    new NotFoundError('missing', { type: 'Organization' }),
    new ConflictError('taken', { constraint: 'organization_credit_code_key' }),
    new ForbiddenError(),
  ])('passes %s through with its code', (error) => {
    const formatted = format({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } }, error);
    expect(formatted.message).toBe(error.message);
    expect(formatted.extensions).toEqual(error.extensions);
  });

  it('masks a GraphQL error carrying a client code when it came from a resolver but is not ours', () => {
    const formatted = format({ message: 'secret', path: ['x'], extensions: { code: 'BAD_USER_INPUT' } }, new Error('secret'));
    expect(formatted).toEqual({ message: 'Internal server error', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('gives each typed error a literal code', () => {
    expect(new BadUserInputError('m', { field: ['input', 'name'] }).extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['input', 'name'] });
    expect(new NotFoundError('m').extensions.code).toBe('NOT_FOUND');
    expect(new ConflictError('m').extensions.code).toBe('CONFLICT');
    expect(new ForbiddenError().extensions.code).toBe('FORBIDDEN');
  });
});
