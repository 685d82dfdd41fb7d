import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/AuthProvider';
import { signInMutation } from '../../auth/SignInPage';
import { graphql } from '../../gql';
import { setSession } from '../../lib/session';

export const changePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      username
    }
  }
`);

/** Shortest password the server accepts (auth/password.ts MIN_PASSWORD_LENGTH); checked here only to answer sooner. */
const MIN_PASSWORD_LENGTH = 8;

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/** The server's refusal by argument (`extensions.field`), in the page's language when it sent both. */
function refusalsByField(error: unknown, lang: string): Partial<Record<Field | '', string>> {
  const out: Partial<Record<Field | '', string>> = {};
  if (!CombinedGraphQLErrors.is(error)) return error instanceof Error ? { '': error.message } : out;
  for (const e of error.errors) {
    const field = (e.extensions?.field as string[] | undefined)?.[0];
    const localized = e.extensions?.localizedMessage as { zh?: string; en?: string } | undefined;
    const key: Field | '' = field === 'currentPassword' || field === 'newPassword' ? field : '';
    out[key] = (lang === 'en' ? localized?.en : localized?.zh) ?? e.message;
  }
  return out;
}

/** The signed-in person's account: who they are, and changing their password. */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const id = useId();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState(false);
  const [changePassword, { loading, error, reset }] = useMutation(changePasswordMutation);
  const [signIn] = useMutation(signInMutation);
  const refusals = { ...refusalsByField(error, i18n.language), ...local };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    reset();
    const problems: Partial<Record<Field, string>> = {};
    if (newPassword.length < MIN_PASSWORD_LENGTH) problems.newPassword = t('account.tooShort', { min: MIN_PASSWORD_LENGTH });
    if (confirm !== newPassword) problems.confirm = t('account.mismatch');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      await changePassword({ variables: { currentPassword, newPassword } });
      // The change ends every session of the account, this one too (the server's session
      // revocation): sign in again with the new password, sending no stale token, and go on.
      const { data } = await signIn({ variables: { username: session.account.username, password: newPassword }, context: { headers: { authorization: '' } } });
      if (data) setSession({ token: data.signIn.token, expiresAt: data.signIn.expiresAt, account: data.signIn.account });
      setDone(true);
      setCurrent('');
      setNew('');
      setConfirm('');
    } catch {
      // shown from `error`
    }
  }

  const fieldError = (field: Field) =>
    refusals[field] ? (
      <span id={`${id}-${field}-error`} className="field-error" role="alert">
        {refusals[field]}
      </span>
    ) : null;
  const described = (field: Field) => (refusals[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});
  const { account } = session;

  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('account.username')}</dt>
          <dd>
            <code>{account.username}</code>
          </dd>
        </div>
        <div>
          <dt>{t('account.displayName')}</dt>
          <dd>{account.displayName}</dd>
        </div>
        <div>
          <dt>{t('account.role')}</dt>
          <dd>{t(`roles.${account.role}`)}</dd>
        </div>
        {account.area && (
          <div>
            <dt>{t('account.area')}</dt>
            <dd>{account.area.name}</dd>
          </div>
        )}
      </dl>
      <section className="card" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('account.changePassword')}</h2>
        <p className="muted">{t('account.hint', { min: MIN_PASSWORD_LENGTH })}</p>
        <form onSubmit={submit} className="form-grid" noValidate>
          <label htmlFor={`${id}-current`}>{t('account.currentPassword')}</label>
          <div>
            <input id={`${id}-current`} type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} {...described('currentPassword')} />
            {fieldError('currentPassword')}
          </div>
          <label htmlFor={`${id}-new`}>{t('account.newPassword')}</label>
          <div>
            <input id={`${id}-new`} type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} {...described('newPassword')} />
            {fieldError('newPassword')}
          </div>
          <label htmlFor={`${id}-confirm`}>{t('account.confirm')}</label>
          <div>
            <input id={`${id}-confirm`} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} {...described('confirm')} />
            {fieldError('confirm')}
          </div>
          {refusals[''] && (
            <p role="alert" className="error-text">
              {refusals['']}
            </p>
          )}
          {done && (
            <p role="status" className="ok-text">
              {t('account.changed')}
            </p>
          )}
          <div>
            <button type="submit" className="primary" disabled={loading || !currentPassword || !newPassword || !confirm}>
              {loading ? t('account.saving') : t('account.submit')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
