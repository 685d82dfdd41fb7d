import { expect } from 'vitest';
import { snapshotDatabase } from './snapshot.js';
import type { GraphQLResponse, TestApp } from './helpers.js';

/**
 * How a mutation must refuse, as docs/mutations.md describes it. The one refusal check of the
 * mutation tests of every node folder (issue 5).
 */
export interface ExpectedRefusal {
  code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND';
  /** extensions.field; undefined for NOT_FOUND and a stale version. */
  field?: (string | number)[];
  reason?: string;
  /** The English message (also extensions.localizedMessage.en). */
  message: RegExp;
  /** The Chinese message, when the case wants to check its wording too. */
  zh?: RegExp;
  /** More extensions expected (e.g. { limit: 10 }, { outstandingFen: 0 }). */
  extensions?: Record<string, unknown>;
}

/** One case of a bad-input corpus: a mutation document and its variables, and how it must be refused. */
export interface RefusalCase extends ExpectedRefusal {
  title: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The one field the document's operation answers (the mutation's name). */
function rootField(query: string): string {
  const match = /\{\s*([A-Za-z]+)\s*\(/.exec(query);
  if (!match) throw new Error('no root field in the document');
  return match[1]!;
}

/** The refusal as docs/mutations.md describes it: null data, one typed error, en + zh, nothing of the database leaked. */
function expectRefused(body: GraphQLResponse['body'], expected: ExpectedRefusal, field: string): void {
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors!;
  expect(error!.path).toEqual([field]);
  expect(error!.extensions?.code).toBe(expected.code);
  if (expected.field) expect(error!.extensions?.field).toEqual(expected.field);
  if (expected.reason) expect(error!.extensions?.reason).toBe(expected.reason);
  if (expected.extensions) expect(error!.extensions).toMatchObject(expected.extensions);
  expect(error!.message).toMatch(expected.message);
  const localized = error!.extensions?.localizedMessage as { zh: string; en: string } | undefined;
  expect(localized?.en).toBe(error!.message);
  expect(localized?.zh).toMatch(/[\u4e00-\u9fff]/);
  if (expected.zh) expect(localized?.zh).toMatch(expected.zh);
  // Nothing of the database leaks: no SQL, no stack, no driver text.
  expect(JSON.stringify(error)).not.toMatch(/SELECT|INSERT|UPDATE |violates|QueryFailedError|\bat .*\.ts/);
  if (expected.code === 'BAD_USER_INPUT') {
    const issues = error!.extensions?.issues as { path: unknown[] }[] | undefined;
    if (issues) expect(issues[0]!.path).toEqual(expected.field);
  }
}

/** Sends the case, checks the refusal, and that no row of any table changed (the audit trail included). */
export async function assertRefusal(app: Pick<TestApp, 'gql'>, databaseUrl: string, c: Omit<RefusalCase, 'title'>): Promise<void> {
  const before = await snapshotDatabase(databaseUrl);
  const { body } = await app.gql(c.query, c.variables);
  expectRefused(body, c, rootField(c.query));
  expect(await snapshotDatabase(databaseUrl)).toEqual(before);
}
