import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderPage, testSession } from '../../test/render';
import { createIntegrationTokenMutation, integrationTokensQuery, revokeIntegrationTokenMutation, splitCodes, TokensPage } from './TokensPage';

const token = (name: string, extra: Partial<Record<string, unknown>> = {}) => ({
  __typename: 'IntegrationToken',
  name,
  scopes: ['READ'],
  areas: [],
  restrictedToOperations: null,
  createdAt: '2026-11-28T02:00:00.000Z',
  revokedAt: null,
  lastUsedAt: null,
  ...extra,
});

const ADMIN = testSession('CITY_ADMIN');
const list = (tokens: unknown[]) => ({ request: { query: integrationTokensQuery }, result: { data: { integrationTokens: tokens } } });

describe('TokensPage', () => {
  it('lists the tokens with their scopes, areas, restriction and state; a revoked one offers no revoking', async () => {
    const mocks = [
      list([
        token('district-portal', { scopes: ['READ', 'IMPORT'], areas: ['370102', '370103'], restrictedToOperations: 2, lastUsedAt: '2026-12-01T08:00:00.000Z' }),
        token('old-exporter', { revokedAt: '2026-11-30T08:00:00.000Z' }),
      ]),
    ];
    renderPage(<TokensPage />, { session: ADMIN, mocks });
    const table = await screen.findByRole('table', { name: '全部接口令牌' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 4).map((c) => c.textContent))).toEqual([
      ['district-portal', '读取数据、导入表格', '370102、370103', '限 2 个操作文档'],
      [expect.stringMatching(/^old-exporter已于 .+ 吊销$/), '读取数据', '全市', '不限'],
    ]);
    expect(within(rows[0]!).getByRole('button', { name: '吊销 district-portal' })).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    expect(within(rows[1]!).getAllByRole('cell')[5]).toHaveTextContent('从未使用');
  });

  it('makes a token: the server’s issues go beside their fields, then the token is shown once', async () => {
    const input = { name: 'street-app', scopes: ['READ', 'IMPORT'], areas: ['370102', '999'], operations: ['query Mine { viewer { username } }'] };
    const mocks = [
      list([]),
      {
        request: { query: createIntegrationTokenMutation, variables: { input } },
        result: {
          errors: [
            new GraphQLError('There is no area with the code 999.', {
              extensions: { code: 'BAD_USER_INPUT', issues: [{ path: ['input', 'areas', 1], reason: 'UNKNOWN_AREA', zh: '没有代码为 999 的地区', en: 'There is no area with the code 999.' }] },
            }),
          ],
        },
      },
      {
        request: { query: createIntegrationTokenMutation, variables: { input: { ...input, areas: ['370102'] } } },
        result: { data: { createIntegrationToken: { __typename: 'CreateIntegrationTokenPayload', token: 'lxi_made-once-secret', integrationToken: { __typename: 'IntegrationToken', name: 'street-app' } } } },
      },
      list([token('street-app', { scopes: ['READ', 'IMPORT'], areas: ['370102'], restrictedToOperations: 1 })]),
    ];
    renderPage(<TokensPage />, { session: ADMIN, mocks });
    expect(await screen.findByText('还没有接口令牌。')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('令牌名称'), 'street-app');
    await userEvent.click(screen.getByRole('checkbox', { name: '导入表格' }));
    await userEvent.type(screen.getByLabelText('地区代码'), '370102、999');
    await userEvent.click(screen.getByRole('button', { name: '添加允许的操作文档' }));
    await userEvent.type(screen.getByLabelText('允许的操作文档 1'), 'query Mine {{ viewer {{ username } }');
    await userEvent.click(screen.getByRole('button', { name: '创建令牌' }));
    expect(await screen.findByText('没有代码为 999 的地区')).toBeInTheDocument();
    expect(screen.getByLabelText('地区代码')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(screen.getByLabelText('地区代码'));
    await userEvent.type(screen.getByLabelText('地区代码'), '370102');
    await userEvent.click(screen.getByRole('button', { name: '创建令牌' }));
    const handover = await screen.findByRole('status');
    expect(handover).toHaveTextContent('令牌 street-app');
    expect(handover).toHaveTextContent('lxi_made-once-secret');
    const table = await screen.findByRole('table', { name: '全部接口令牌' });
    expect(within(table).getByText('street-app')).toBeInTheDocument();
    expect(screen.getByLabelText('令牌名称')).toHaveValue('');
  });

  it('revokes a token after asking in its row; the row takes the answer', async () => {
    const mocks = [
      list([token('district-portal')]),
      {
        request: { query: revokeIntegrationTokenMutation, variables: { name: 'district-portal' } },
        result: { data: { revokeIntegrationToken: { __typename: 'IntegrationToken', name: 'district-portal', revokedAt: '2026-12-06T02:00:00.000Z' } } },
      },
    ];
    renderPage(<TokensPage />, { session: ADMIN, mocks });
    // The first click only asks; cancelling sends nothing (a mutation without its mock would fail the page).
    await userEvent.click(await screen.findByRole('button', { name: '吊销 district-portal' }));
    expect(screen.getByRole('group', { name: /不能撤销/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '取消' }));
    await userEvent.click(screen.getByRole('button', { name: '吊销 district-portal' }));
    await userEvent.click(screen.getByRole('button', { name: '确认吊销 district-portal' }));
    expect(await screen.findByText(/已于 .+ 吊销/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /吊销 district-portal/ })).toBeNull();
  });

  it('tells anyone but the city administrator that tokens are not theirs to administer', () => {
    renderPage(<TokensPage />, { session: testSession('CITY_ANALYST') });
    expect(screen.getByText('只有市级管理员可以管理接口令牌。')).toBeInTheDocument();
  });

  it('splits area codes typed with spaces, commas or 、', () => {
    expect(splitCodes(' 370102, 370103、370104；370105\n')).toEqual(['370102', '370103', '370104', '370105']);
    expect(splitCodes('  ')).toEqual([]);
  });
});
