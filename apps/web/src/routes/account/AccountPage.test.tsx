import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderPage, testSession } from '../../test/render';
import { signInMutation } from '../../auth/SignInPage';
import { getSession } from '../../lib/session';
import { AccountPage, changePasswordMutation } from './AccountPage';

const session = testSession('STREET_WORKER', { id: 'QXJlYToxNA', code: '370102001', name: '湖埠街道' });

async function fill(current: string, next: string, again: string) {
  await userEvent.type(screen.getByLabelText('当前密码'), current);
  await userEvent.type(screen.getByLabelText('新密码'), next);
  await userEvent.type(screen.getByLabelText('再次输入新密码'), again);
  await userEvent.click(screen.getByRole('button', { name: '修改密码' }));
}

describe('AccountPage', () => {
  it('shows who is signed in', () => {
    renderPage(<AccountPage />, { session });
    expect(screen.getByRole('heading', { name: '我的账号' })).toBeInTheDocument();
    expect(screen.getByText('tester')).toBeInTheDocument();
    expect(screen.getByText('街道工作人员')).toBeInTheDocument();
    expect(screen.getByText('湖埠街道')).toBeInTheDocument();
  });

  it('changes the password, signs in again with it (the change ended this session too) and says so', async () => {
    const account = { __typename: 'Account', username: 'tester', displayName: '测试用户', role: 'STREET_WORKER', area: { __typename: 'Area', ...session.account.area }, workGroupMember: null };
    const mocks = [
      {
        request: { query: changePasswordMutation, variables: { currentPassword: 'old secret', newPassword: 'new secret 1' } },
        result: { data: { changePassword: { __typename: 'Account', username: 'tester' } } },
      },
      {
        request: { query: signInMutation, variables: { username: 'tester', password: 'new secret 1' } },
        result: { data: { signIn: { __typename: 'SignInPayload', token: 'fresh-token', expiresAt: '2099-01-01T00:00:00.000Z', account } } },
      },
    ];
    renderPage(<AccountPage />, { session, mocks });
    await fill('old secret', 'new secret 1', 'new secret 1');
    expect(await screen.findByRole('status')).toHaveTextContent('密码已修改');
    expect(screen.getByLabelText('当前密码')).toHaveValue('');
    expect(getSession()?.token).toBe('fresh-token');
  });

  it("shows the server's refusal next to the current password", async () => {
    const mocks = [
      {
        request: { query: changePasswordMutation, variables: { currentPassword: 'wrong one', newPassword: 'new secret 1' } },
        result: {
          errors: [
            new GraphQLError('The current password is wrong.', {
              extensions: { code: 'BAD_USER_INPUT', field: ['currentPassword'], reason: 'WRONG_PASSWORD', localizedMessage: { zh: '当前密码不正确', en: 'The current password is wrong.' } },
            }),
          ],
        },
      },
    ];
    renderPage(<AccountPage />, { session, mocks });
    await fill('wrong one', 'new secret 1', 'new secret 1');
    expect(await screen.findByRole('alert')).toHaveTextContent('当前密码不正确');
    expect(screen.getByLabelText('当前密码')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('refuses a short or mistyped new password before asking the server', async () => {
    // No mocks: a request would fail the test with an unmatched-mock error shown as an alert.
    renderPage(<AccountPage />, { session });
    await fill('old secret', 'short', 'shorts');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['新密码至少须有 8 个字符', '两次输入的新密码不一致']);
  });
});
