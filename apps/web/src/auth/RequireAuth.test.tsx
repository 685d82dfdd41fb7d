import { render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { act } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setSession } from '../lib/session';
import { testSession } from '../test/render';
import { AuthProvider } from './AuthProvider';
import { RequireAuth } from './RequireAuth';

function Where() {
  const location = useLocation();
  return <p>at {location.pathname + location.search}</p>;
}

describe('RequireAuth', () => {
  it('sends to sign-in, with the way back, when the session ends (a 401 drops it)', async () => {
    setSession(testSession());
    render(
      <MockedProvider>
        <AuthProvider>
          <MemoryRouter initialEntries={['/areas/370102']}>
            <Routes>
              <Route path="/sign-in" element={<Where />} />
              <Route path="*" element={<RequireAuth>secret</RequireAuth>} />
            </Routes>
          </MemoryRouter>
        </AuthProvider>
      </MockedProvider>,
    );
    expect(screen.getByText('secret')).toBeInTheDocument();
    await act(async () => setSession(null));
    expect(screen.getByText('at /sign-in?next=%2Fareas%2F370102')).toBeInTheDocument();
  });
});
