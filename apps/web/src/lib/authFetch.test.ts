import { afterEach, describe, expect, it, vi } from 'vitest';
import { authFetch } from './authFetch';
import { getSession, setSession } from './session';

describe('authFetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the bearer token and drops the session on 401', async () => {
    setSession({ token: 'abc', expiresAt: new Date(Date.now() + 60_000).toISOString(), account: { username: 'a', displayName: 'A', role: 'CITY_ANALYST', area: null } });
    const fetchMock = vi.fn(async () => new Response('{}', { status: 401 }));
    vi.stubGlobal('fetch', fetchMock);
    await authFetch('/graphql', { method: 'POST' });
    const headers = new Headers((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers);
    expect(headers.get('authorization')).toBe('Bearer abc');
    expect(getSession()).toBeNull();
  });

  it('keeps the session on other statuses', async () => {
    setSession({ token: 'abc', expiresAt: new Date(Date.now() + 60_000).toISOString(), account: { username: 'a', displayName: 'A', role: 'CITY_ANALYST', area: null } });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200 })));
    await authFetch('/graphql');
    expect(getSession()?.token).toBe('abc');
  });
});
