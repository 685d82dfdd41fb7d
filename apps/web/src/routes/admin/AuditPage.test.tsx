import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, testSession } from '../../test/render';
import { auditEntriesQuery, auditFilter, AuditPage } from './AuditPage';

const ADMIN = testSession('CITY_ADMIN');
const entry = (at: string, actor: string, operation: string, nodeType: string, nodeId: string, before: object | null, after: object | null) => ({
  __typename: 'AuditEntry',
  at,
  actor,
  operation,
  nodeType,
  nodeId,
  before,
  after,
});
const TRANSFER = entry(
  '2026-12-01T02:00:00.000Z',
  'account:lixia',
  'transferOrganization',
  'Organization',
  'T3JnYW5pemF0aW9uOjE=',
  { credit_code: '91370102MA3C0001X1', name: '济南某科技有限公司', street_id: 10, version: 1 },
  { credit_code: '91370102MA3C0001X1', name: '济南某科技有限公司', street_id: 12, version: 2 },
);
const CREATED = entry('2026-11-30T08:00:00.000Z', 'account:admin', 'createAccount', 'Account', 'QWNjb3VudDoz', null, { username: 'zhou', role: 'STREET_WORKER' });
const MEMBER = entry('2026-11-29T08:00:00.000Z', 'account:street', 'updatePartyMember', 'PartyMember', 'UGFydHlNZW1iZXI6OQ==', { name: '[redacted]', phone: '[redacted]' }, { name: '[redacted]', phone: '[redacted]' });
const page = (filter: object, nodes: object[]) => ({
  request: { query: auditEntriesQuery, variables: { filter, after: null } },
  result: {
    data: { auditEntries: { __typename: 'AuditEntryConnection', totalCount: nodes.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes } },
  },
});

describe('AuditPage', () => {
  it('lists every change newest first: who, what, which node and which fields; a member’s redacted name is not shown', async () => {
    renderPage(<AuditPage />, { session: ADMIN, mocks: [page({}, [TRANSFER, CREATED, MEMBER])] });
    const table = await screen.findByRole('table', { name: '操作日志' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(1).map((c) => c.textContent))).toEqual([
      ['account:lixia', 'transferOrganization', '组织 济南某科技有限公司', 'street_id'],
      ['account:admin', 'createAccount', '账号 zhou', '新建'],
      ['account:street', 'updatePartyMember', '党员 ', '—'],
    ]);
    expect(within(rows[0]!).getByRole('link', { name: '济南某科技有限公司' })).toHaveAttribute('href', '/organizations/91370102MA3C0001X1');
  });

  it('asks the server for the chosen type of node only', async () => {
    renderPage(<AuditPage />, { session: ADMIN, mocks: [page({}, [TRANSFER, CREATED]), page({ nodeType: ['Account'] }, [CREATED])] });
    await screen.findByText('transferOrganization');
    await userEvent.selectOptions(screen.getByLabelText('对象类型'), '账号');
    expect(await screen.findByText('createAccount')).toBeInTheDocument();
    expect(screen.queryByText('transferOrganization')).toBeNull();
  });

  it('reads the filter from the address: actor, operation, type and days', () => {
    const params = new URLSearchParams('actor=%20account:admin%20&operation=recordVisit&type=Visit&from=2026-12-01&to=bad');
    expect(auditFilter(params)).toEqual({ actor: 'account:admin', operation: ['recordVisit'], nodeType: ['Visit'], madeOn: { from: '2026-12-01' } });
  });

  it('tells anyone but the city administrator that the log is not theirs to read', () => {
    renderPage(<AuditPage />, { session: testSession('CITY_ANALYST') });
    expect(screen.getByText('只有市级管理员可以查看全市操作日志。')).toBeInTheDocument();
  });
});
