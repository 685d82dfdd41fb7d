import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getSession } from '../lib/session';
import { renderPage } from '../test/render';
import { signInMutation, SignInPage } from './SignInPage';

describe('SignInPage', () => {
  it('lists the demo accounts and fills the form from one', async () => {
    renderPage(<SignInPage />, { session: null, route: '/sign-in', path: '/sign-in' });
    expect(screen.getByRole('heading', { name: '演示账号' })).toBeInTheDocument();
    expect(screen.getByText('demo-district')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '以 lixia 填入' }));
    expect(screen.getByLabelText('用户名')).toHaveValue('lixia');
    expect(screen.getByLabelText('密码')).toHaveValue('demo-district');
  });

  it("shows the server's refusal and stays signed out", async () => {
    const mocks = [
      {
        request: { query: signInMutation, variables: { username: 'analyst', password: 'nope' } },
        result: { errors: [new GraphQLError('Wrong username or password', { extensions: { code: 'UNAUTHENTICATED' } })] },
      },
    ];
    renderPage(<SignInPage />, { session: null, route: '/sign-in', path: '/sign-in', mocks });
    await userEvent.type(screen.getByLabelText('用户名'), 'analyst');
    await userEvent.type(screen.getByLabelText('密码'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
    expect(getSession()).toBeNull();
  });

  it('signs in and lands a street worker on the desk', async () => {
    const account = { __typename: 'Account', username: 'street', displayName: '街道工作人员', role: 'STREET_WORKER', area: { __typename: 'Area', id: 'QXJlYToxNA', code: '370102001', name: '湖埠街道' }, workGroupMember: { __typename: 'WorkGroupMember', id: 'V0dNOjE', name: '尹示例' } };
    const expiresAt = new Date(Date.now() + 1_800_000).toISOString();
    const mocks = [
      {
        request: { query: signInMutation, variables: { username: 'street', password: 'demo-street' } },
        result: { data: { signIn: { __typename: 'SignInPayload', token: 'tok', expiresAt, account } } },
      },
    ];
    renderPage(<SignInPage />, { session: null, route: '/sign-in', path: '/sign-in', mocks });
    await userEvent.type(screen.getByLabelText('用户名'), 'street');
    await userEvent.type(screen.getByLabelText('密码'), 'demo-street');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    await screen.findByText('desk page');
    expect(getSession()?.account.role).toBe('STREET_WORKER');
    expect(getSession()?.account.workGroupMember?.name).toBe('尹示例');
  });
});
