import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderPage, testSession } from '../../test/render';
import { accountsQuery, AccountsPage, createAccountMutation, resetAccountPasswordMutation, setAccountDisabledMutation, streetWorkGroupQuery, updateAccountMutation } from './AccountsPage';

const account = (username: string, role: string, area: { code: string; name: string } | null, disabled = false, workGroupMember: { id: string; name: string } | null = null) => ({
  __typename: 'Account',
  username,
  displayName: `${username} 的名字`,
  role,
  disabled,
  createdAt: '2026-11-28T02:00:00.000Z',
  area: area && { __typename: 'Area', ...area },
  workGroupMember: workGroupMember && { __typename: 'WorkGroupMember', ...workGroupMember },
});

const workGroup = (street: string, members: { id: string; name: string; title: string | null }[]) => ({
  request: { query: streetWorkGroupQuery, variables: { street } },
  result: { data: { workGroupMembers: { __typename: 'WorkGroupMemberConnection', nodes: members.map((m) => ({ __typename: 'WorkGroupMember', ...m })) } } },
});

const ADMIN = testSession('CITY_ADMIN');
const list = (extra: unknown[] = []) => ({
  request: { query: accountsQuery },
  result: { data: { accounts: [account('admin', 'CITY_ADMIN', null), account('lixia', 'DISTRICT_OFFICER', { code: '370102', name: '历下区' }, true), ...extra] } },
});

describe('AccountsPage', () => {
  it('lists the accounts with their role, area and state, and offers no disabling of oneself', async () => {
    renderPage(<AccountsPage />, { session: { ...ADMIN, account: { ...ADMIN.account, username: 'admin' } }, mocks: [list()] });
    const table = await screen.findByRole('table', { name: '全部账号' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 4).map((c) => c.textContent))).toEqual([
      ['admin', 'admin 的名字', '市级管理员', '—'],
      ['lixia已停用', 'lixia 的名字', '区级干部', '历下区（370102）'],
    ]);
    expect(within(rows[0]!).queryByRole('button', { name: /停用/ })).toBeNull();
    expect(within(rows[1]!).getByRole('button', { name: '启用 lixia' })).toBeInTheDocument();
  });

  it('creates a street worker and shows the password once; the server’s issues go beside their fields', async () => {
    const input = { username: 'zhou', displayName: '周专包', role: 'STREET_WORKER', area: '370102999' };
    const mocks = [
      list(),
      workGroup('370102999', []),
      workGroup('370102001', [
        { id: 'V29ya0dyb3VwTWVtYmVyOjE=', name: '周某', title: '专包干部' },
        { id: 'V29ya0dyb3VwTWVtYmVyOjI=', name: '吴某', title: null },
      ]),
      {
        request: { query: createAccountMutation, variables: { input } },
        result: {
          errors: [
            new GraphQLError('There is no area with the code 370102999.', {
              extensions: { code: 'BAD_USER_INPUT', issues: [{ path: ['input', 'area'], reason: 'UNKNOWN_AREA', zh: '没有代码为 370102999 的地区', en: 'There is no area with the code 370102999.' }] },
            }),
          ],
        },
      },
      {
        request: { query: createAccountMutation, variables: { input: { ...input, area: '370102001', workGroupMember: 'V29ya0dyb3VwTWVtYmVyOjE=' } } },
        result: { data: { createAccount: { __typename: 'AccountPasswordPayload', password: 'Xy7-random-password-24ch', account: { __typename: 'Account', username: 'zhou' } } } },
      },
      list([account('zhou', 'STREET_WORKER', { code: '370102001', name: '解放路街道' }, false, { id: 'V29ya0dyb3VwTWVtYmVyOjE=', name: '周某' })]),
    ];
    renderPage(<AccountsPage />, { session: ADMIN, mocks });
    await screen.findByRole('table', { name: '全部账号' });
    await userEvent.type(screen.getByLabelText('用户名'), 'zhou');
    await userEvent.type(screen.getByLabelText('显示名称'), '周专包');
    await userEvent.type(screen.getByLabelText('街道代码'), '370102999');
    await userEvent.click(screen.getByRole('button', { name: '创建账号' }));
    expect(await screen.findByText('没有代码为 370102999 的地区')).toBeInTheDocument();
    expect(screen.getByLabelText('街道代码')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(screen.getByLabelText('街道代码'));
    await userEvent.type(screen.getByLabelText('街道代码'), '370102001');
    // The street's serving work-group members are offered once the code is a whole street code.
    const member = screen.getByLabelText('工作组成员（专包）');
    await within(member).findByRole('option', { name: '周某（专包干部）' });
    expect(within(member).getAllByRole('option').map((o) => o.textContent)).toEqual(['暂不关联', '周某（专包干部）', '吴某']);
    await userEvent.selectOptions(member, '周某（专包干部）');
    await userEvent.click(screen.getByRole('button', { name: '创建账号' }));
    const handover = await screen.findByRole('status');
    expect(handover).toHaveTextContent('zhou 的新密码');
    expect(handover).toHaveTextContent('Xy7-random-password-24ch');
    const row = (await screen.findByText('zhou 的名字')).closest('tr')!;
    expect(within(row).getByText('周某')).toBeInTheDocument();
  });

  it('disables an account and gives another a new password', async () => {
    const mocks = [
      list(),
      {
        request: { query: resetAccountPasswordMutation, variables: { username: 'lixia' } },
        result: { data: { resetAccountPassword: { __typename: 'AccountPasswordPayload', password: 'fresh-password-for-lixia', account: { __typename: 'Account', username: 'lixia' } } } },
      },
      {
        request: { query: setAccountDisabledMutation, variables: { username: 'lixia', disabled: false } },
        result: { data: { updateAccount: { __typename: 'Account', username: 'lixia', disabled: false } } },
      },
    ];
    renderPage(<AccountsPage />, { session: ADMIN, mocks });
    await userEvent.click(await screen.findByRole('button', { name: '为 lixia 重置密码' }));
    expect(await screen.findByRole('status')).toHaveTextContent('fresh-password-for-lixia');
    await userEvent.click(screen.getByRole('button', { name: '启用 lixia' }));
    // The cache takes the answer: the row loses its mark and offers disabling.
    expect(await screen.findByRole('button', { name: '停用 lixia' })).toBeInTheDocument();
  });

  it('moves a street worker to another entry of their street’s work group, in the editor under the row', async () => {
    const ZHOU = { id: 'V29ya0dyb3VwTWVtYmVyOjE=', name: '周某' };
    const WU = { id: 'V29ya0dyb3VwTWVtYmVyOjI=', name: '吴某' };
    const street = account('street', 'STREET_WORKER', { code: '370102001', name: '解放路街道' }, false, ZHOU);
    const mocks = [
      list([street]),
      workGroup('370102001', [
        { ...ZHOU, title: null },
        { ...WU, title: '网格员' },
      ]),
      {
        // Only what changed is sent.
        request: { query: updateAccountMutation, variables: { username: 'street', input: { workGroupMember: WU.id } } },
        result: { data: { updateAccount: { ...street, workGroupMember: { __typename: 'WorkGroupMember', ...WU } } } },
      },
    ];
    renderPage(<AccountsPage />, { session: ADMIN, mocks });
    await userEvent.click(await screen.findByRole('button', { name: '编辑 street' }));
    const editor = screen.getByRole('form', { name: '编辑账号 street' });
    const entry = within(editor).getByLabelText('工作组成员（专包）');
    await within(entry).findByRole('option', { name: '吴某（网格员）' });
    expect(entry).toHaveValue(ZHOU.id);
    expect(within(editor).getByRole('button', { name: '保存' })).toBeDisabled();
    await userEvent.selectOptions(entry, '吴某（网格员）');
    await userEvent.click(within(editor).getByRole('button', { name: '保存' }));
    // The answer updates the cached account: the row shows the new entry, the editor closes. The
    // cache update renders the row before the mutation's promise resolves and closes the editor,
    // so the closing is waited for.
    const row = (await screen.findByText('吴某')).closest('tr')!;
    expect(within(row).getByText('street')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('form', { name: '编辑账号 street' })).toBeNull());
  });

  it('moves an account to another role and area; the server’s issue goes beside the area, and nothing changes', async () => {
    const input = { role: 'DISTRICT_OFFICER', area: '370199' };
    const mocks = [
      list([account('zhao', 'CITY_ANALYST', null)]),
      {
        request: { query: updateAccountMutation, variables: { username: 'zhao', input } },
        result: {
          errors: [
            new GraphQLError('There is no area with the code 370199.', {
              extensions: { code: 'BAD_USER_INPUT', issues: [{ path: ['input', 'area'], reason: 'UNKNOWN_AREA', zh: '没有代码为 370199 的地区', en: 'There is no area with the code 370199.' }] },
            }),
          ],
        },
      },
      {
        request: { query: updateAccountMutation, variables: { username: 'zhao', input: { displayName: '赵区干部', role: 'DISTRICT_OFFICER', area: '370103' } } },
        result: { data: { updateAccount: { ...account('zhao', 'DISTRICT_OFFICER', { code: '370103', name: '市中区' }), displayName: '赵区干部' } } },
      },
    ];
    renderPage(<AccountsPage />, { session: ADMIN, mocks });
    await userEvent.click(await screen.findByRole('button', { name: '编辑 zhao' }));
    const editor = screen.getByRole('form', { name: '编辑账号 zhao' });
    await userEvent.selectOptions(within(editor).getByLabelText('角色'), 'DISTRICT_OFFICER');
    await userEvent.type(within(editor).getByLabelText('区县代码'), '370199');
    await userEvent.click(within(editor).getByRole('button', { name: '保存' }));
    const area = within(editor).getByLabelText('区县代码');
    await within(editor).findByText('没有代码为 370199 的地区');
    expect(area).toHaveAttribute('aria-invalid', 'true');
    expect(within(screen.getByRole('table', { name: '全部账号' })).getByText('市级分析员', { selector: 'td' })).toBeInTheDocument();

    await userEvent.clear(area);
    await userEvent.type(area, '370103');
    const name = within(editor).getByLabelText('显示名称');
    await userEvent.clear(name);
    await userEvent.type(name, '赵区干部');
    await userEvent.click(within(editor).getByRole('button', { name: '保存' }));
    const row = (await screen.findByText('市中区（370103）')).closest('tr')!;
    expect(within(row).getByText('赵区干部')).toBeInTheDocument();
    expect(within(row).getByText('区级干部')).toBeInTheDocument();
  });

  it('does not let administrators change their own role', async () => {
    renderPage(<AccountsPage />, { session: { ...ADMIN, account: { ...ADMIN.account, username: 'admin' } }, mocks: [list()] });
    await userEvent.click(await screen.findByRole('button', { name: '编辑 admin' }));
    expect(within(screen.getByRole('form', { name: '编辑账号 admin' })).getByLabelText('角色')).toBeDisabled();
  });

  it('tells anyone but the city administrator that accounts are not theirs to administer', () => {
    renderPage(<AccountsPage />, { session: testSession('DISTRICT_OFFICER', { id: 'QXJlYToy', code: '370102', name: '历下区' }) });
    expect(screen.getByText('只有市级管理员可以管理账号。')).toBeInTheDocument();
  });
});
