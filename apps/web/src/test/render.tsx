import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AuthProvider } from '../auth/AuthProvider';
import { createCache } from '../app/apollo';
import { setSession, type Role, type Session } from '../lib/session';

export function testSession(role: Role = 'CITY_ANALYST', area: Session['account']['area'] = null): Session {
  return {
    token: 'test-token',
    expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    account: { username: 'tester', displayName: '测试用户', role, area },
  };
}

/** Renders a page as the app does: Apollo (mocked), a session, and the router at `route`. */
export function renderPage(
  element: ReactElement,
  { mocks = [], route = '/', path = '*', session = testSession() }: { mocks?: MockLink.MockedResponse[]; route?: string; path?: string; session?: Session | null } = {},
) {
  setSession(session);
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <AuthProvider>
        <MemoryRouter initialEntries={[route]}>
          <Routes>
            <Route path={path} element={element} />
            {path === '/sign-in' ? (
              <>
                <Route path="/desk" element={<p>desk page</p>} />
                <Route path="/dashboard" element={<p>dashboard page</p>} />
              </>
            ) : (
              <Route path="/sign-in" element={<p>sign-in page</p>} />
            )}
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </MockedProvider>,
  );
}
