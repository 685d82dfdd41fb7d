import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { graphql } from '../gql';
import { landingPath, setSession, type Role } from '../lib/session';
import { useAuth } from './AuthProvider';

export const signInMutation = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      token
      expiresAt
      account {
        username
        displayName
        role
        area {
          id
          code
          name
        }
        workGroupMember {
          id
          name
        }
      }
    }
  }
`);

const DEMO_ACCOUNTS: { username: string; password: string; role: Role }[] = [
  { username: 'analyst', password: 'demo-analyst', role: 'CITY_ANALYST' },
  { username: 'admin', password: 'demo-admin', role: 'CITY_ADMIN' },
  { username: 'lixia', password: 'demo-district', role: 'DISTRICT_OFFICER' },
  { username: 'street', password: 'demo-street', role: 'STREET_WORKER' },
];

export function SignInPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [signIn, { loading, error }] = useMutation(signInMutation);

  if (session) return <Navigate to={params.get('next') ?? landingPath(session.account.role)} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    // A stale token on this request would earn a 401 before signIn runs.
    setSession(null);
    try {
      const { data } = await signIn({ variables: { username: username.trim(), password } });
      if (!data) return;
      const { token, expiresAt, account } = data.signIn;
      setSession({ token, expiresAt, account });
      const next = params.get('next');
      navigate(next && next.startsWith('/') ? next : landingPath(account.role), { replace: true });
    } catch {
      // shown from `error`
    }
  }

  const message = error ? (/wrong username or password/i.test(error.message) ? t('signIn.wrong') : error.message) : null;

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <h1>{t('app.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('app.subtitle')}</p>
        <form onSubmit={submit} aria-labelledby="sign-in-heading" noValidate>
          <h2 id="sign-in-heading">{t('signIn.heading')}</h2>
          <label htmlFor="username">{t('signIn.username')}</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
          <label htmlFor="password">{t('signIn.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          {message && (
            <p role="alert" className="error-text">
              {message}
            </p>
          )}
          <button type="submit" className="primary" disabled={loading || !username || !password}>
            {loading ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
        </form>
        <section aria-labelledby="demo-heading" className="demo-accounts">
          <h2 id="demo-heading">{t('signIn.demoHeading')}</h2>
          <p className="muted">{t('signIn.demoHint')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('signIn.username')}</th>
                <th scope="col">{t('signIn.password')}</th>
                <th scope="col">{t('signIn.role')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('signIn.use')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {DEMO_ACCOUNTS.map((a) => (
                <tr key={a.username}>
                  <td>
                    <code>{a.username}</code>
                  </td>
                  <td>
                    <code>{a.password}</code>
                  </td>
                  <td>{t(`roles.${a.role}`)}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => {
                        setUsername(a.username);
                        setPassword(a.password);
                      }}
                      aria-label={t('signIn.fillAs', { username: a.username })}
                    >
                      {t('signIn.use')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </main>
  );
}
