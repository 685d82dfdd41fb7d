import { getToken, setSession } from './session';

/**
 * fetch with the session's bearer token. A 401 means the token is missing, expired or revoked:
 * the session is dropped, and the app's session listener sends the user to the sign-in page.
 */
export async function authFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const token = getToken();
  const headers = new Headers(init.headers);
  if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(input, { ...init, headers });
  if (response.status === 401) setSession(null);
  return response;
}

/**
 * Downloads a spreadsheet from the server's export or template routes. They need the
 * Authorization header, which a plain <a href> cannot send, so the file is fetched as a blob
 * and saved through a temporary object URL.
 */
export async function downloadFile(url: string, filename: string): Promise<void> {
  const response = await authFetch(url);
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      const body = (await response.json()) as { error?: { message?: string; messageZh?: string } };
      message = body.error?.messageZh ?? body.error?.message ?? message;
    } catch {
      // not JSON: keep the status
    }
    throw new Error(message);
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
