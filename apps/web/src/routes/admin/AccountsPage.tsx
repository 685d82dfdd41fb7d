import { useMutation, useQuery } from '@apollo/client/react';
import { Fragment, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/AuthProvider';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { AccountRole, AdminAccountsQuery } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useFormIssues } from '../../lib/formIssues';

export const accountsQuery = graphql(`
  query AdminAccounts {
    accounts {
      username
      displayName
      role
      disabled
      createdAt
      area {
        code
        name
      }
      workGroupMember {
        id
        name
      }
    }
  }
`);

/** The street's serving work-group members, to link a new street worker's account to their own entry. */
export const streetWorkGroupQuery = graphql(`
  query AdminStreetWorkGroup($street: String!) {
    workGroupMembers(first: 100, filter: { scope: $street, isCurrent: true }, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        id
        name
        title
      }
    }
  }
`);

export const createAccountMutation = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      password
      account {
        username
      }
    }
  }
`);

export const setAccountDisabledMutation = graphql(`
  mutation SetAccountDisabled($username: String!, $disabled: Boolean!) {
    updateAccount(username: $username, input: { disabled: $disabled }) {
      username
      disabled
    }
  }
`);

export const updateAccountMutation = graphql(`
  mutation UpdateAccount($username: String!, $input: UpdateAccountInput!) {
    updateAccount(username: $username, input: $input) {
      username
      displayName
      role
      area {
        code
        name
      }
      workGroupMember {
        id
        name
      }
    }
  }
`);

export const resetAccountPasswordMutation = graphql(`
  mutation ResetAccountPassword($username: String!) {
    resetAccountPassword(username: $username) {
      password
      account {
        username
      }
    }
  }
`);

const ROLES: AccountRole[] = ['CITY_ANALYST', 'CITY_ADMIN', 'DISTRICT_OFFICER', 'STREET_WORKER'];
const scoped = (role: AccountRole) => role === 'DISTRICT_OFFICER' || role === 'STREET_WORKER';

/**
 * Account administration (账号管理), the city administrator's: every account, disabling and
 * enabling one, a new password for one, a new account. A password the server makes is shown once
 * here, to hand over; the person then changes it on "My account". The server checks everything
 * (graph/account/account-admin.resolver.ts); its issues are shown beside the fields.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.account.role !== 'CITY_ADMIN') return <Empty>{t('admin.onlyAdmin')}</Empty>;
  return <Accounts me={session.account.username} />;
}

function Accounts({ me }: { me: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, loading, error, refetch } = useQuery(accountsQuery);
  const [setDisabled, disabling] = useMutation(setAccountDisabledMutation);
  const [resetPassword, resetting] = useMutation(resetAccountPasswordMutation);
  const [handover, setHandover] = useState<{ username: string; password: string } | null>(null);
  // The account whose editor is open under its row (one at a time).
  const [editing, setEditing] = useState<string | null>(null);

  async function reset(username: string) {
    setHandover(null);
    try {
      const result = await resetPassword({ variables: { username } });
      const payload = result.data?.resetAccountPassword;
      if (payload) setHandover({ username: payload.account.username, password: payload.password });
    } catch {
      // shown from resetting.error
    }
  }

  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  if (!data) return <Loading />;
  const actionError = disabling.error ?? resetting.error;

  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      {handover && <Handover {...handover} />}
      {actionError && <ErrorState error={actionError} />}
      <section aria-label={t('admin.list')}>
        <table className="data">
          <caption className="visually-hidden">{t('admin.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.username')}</th>
              <th scope="col">{t('account.displayName')}</th>
              <th scope="col">{t('account.role')}</th>
              <th scope="col">{t('account.area')}</th>
              <th scope="col">{t('admin.workGroupMember')}</th>
              <th scope="col">{t('admin.createdAt')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.accounts.map((a) => (
              <Fragment key={a.username}>
                <tr>
                  <td>
                    <code>{a.username}</code>
                    {a.disabled && <span className="badge">{t('admin.disabled')}</span>}
                  </td>
                  <td>{a.displayName}</td>
                  <td>{t(`roles.${a.role}`)}</td>
                  <td>{a.area ? `${a.area.name}（${a.area.code}）` : '—'}</td>
                  <td>{a.workGroupMember?.name ?? '—'}</td>
                  <td>{f.date(a.createdAt.slice(0, 10))}</td>
                  <td>
                    {a.username !== me && (
                      <button
                        type="button"
                        disabled={disabling.loading}
                        onClick={() => void setDisabled({ variables: { username: a.username, disabled: !a.disabled } }).catch(() => {})}
                      >
                        {a.disabled ? t('admin.enable', { username: a.username }) : t('admin.disable', { username: a.username })}
                      </button>
                    )}
                    <button type="button" disabled={resetting.loading} onClick={() => void reset(a.username)}>
                      {t('admin.resetPassword', { username: a.username })}
                    </button>
                    <button type="button" aria-expanded={editing === a.username} onClick={() => setEditing(editing === a.username ? null : a.username)}>
                      {t('admin.edit', { username: a.username })}
                    </button>
                  </td>
                </tr>
                {editing === a.username && (
                  <tr className="editor-row">
                    <td colSpan={7}>
                      <AccountEditor account={a} ownAccount={a.username === me} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </section>
      <NewAccountForm onCreated={(username, password) => void refetch().then(() => setHandover({ username, password }))} />
    </div>
  );
}

/**
 * An account's editor, opened under its row: display name, role, area and — for a street worker —
 * the work-group entry (the street's serving members are offered; the server checks the entry is
 * of the account's street). Only what changed is sent. A new role or area ends the account's
 * sessions (the server does that); a new area drops the work-group entry unless one is chosen.
 * Administrators cannot change their own role (the server refuses it too).
 */
function AccountEditor({ account, ownAccount, onDone }: { account: AdminAccountsQuery['accounts'][number]; ownAccount: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [role, setRole] = useState<AccountRole>(account.role);
  const [area, setArea] = useState(account.area?.code ?? '');
  const [workGroupMember, setWorkGroupMember] = useState(account.workGroupMember?.id ?? '');
  const [save, { loading, error }] = useMutation(updateAccountMutation);
  const form = useFormIssues(error, id);
  const { described, fieldError, formError } = form;

  const areaChanged = scoped(role) && (role !== account.role || area.trim() !== (account.area?.code ?? ''));
  const input = {
    ...(displayName.trim() !== account.displayName ? { displayName } : {}),
    ...(role !== account.role ? { role } : {}),
    ...(areaChanged ? { area: area.trim() || null } : {}),
    ...(role === 'STREET_WORKER' && (areaChanged || workGroupMember !== (account.workGroupMember?.id ?? '')) ? { workGroupMember } : {}),
  };
  const changed = Object.keys(input).length > 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await save({ variables: { username: account.username, input } });
      onDone();
    } catch {
      // shown from `error`
    }
  }

  return (
    <form onSubmit={submit} className="form-grid" aria-label={t('admin.editTitle', { username: account.username })} noValidate>
      <label htmlFor={`${id}-displayName`}>{t('account.displayName')}</label>
      <div>
        <input id={`${id}-displayName`} value={displayName} onChange={(e) => setDisplayName(e.target.value)} {...described('displayName')} />
        {fieldError('displayName')}
      </div>
      <ScopeFields
        id={id}
        form={form}
        role={role}
        onRole={setRole}
        roleLocked={ownAccount}
        area={area}
        onArea={setArea}
        workGroupMember={workGroupMember}
        onWorkGroupMember={setWorkGroupMember}
        linked={account.workGroupMember ?? null}
      />
      {formError()}
      <div>
        <button type="submit" className="primary" disabled={loading || !changed}>
          {loading ? t('account.saving') : t('admin.save')}
        </button>{' '}
        <button type="button" onClick={onDone}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The street a street worker's area input names, when it is a street code (9 digits). */
const streetOf = (role: AccountRole, area: string) => (role === 'STREET_WORKER' && /^\d{9}$/.test(area.trim()) ? area.trim() : null);

/**
 * Role, area and work-group entry, as the new-account form and the editor both ask them: the
 * area's label follows the role (district or street code); a street worker with a street code is
 * offered the street's serving work-group members. A new area clears the chosen entry. `linked`
 * is the entry the account has now: it stays selectable even when its member has left the group.
 */
function ScopeFields({
  id,
  form,
  role,
  onRole,
  roleLocked = false,
  area,
  onArea,
  workGroupMember,
  onWorkGroupMember,
  linked = null,
}: {
  id: string;
  form: ReturnType<typeof useFormIssues>;
  role: AccountRole;
  onRole: (role: AccountRole) => void;
  roleLocked?: boolean;
  area: string;
  onArea: (area: string) => void;
  workGroupMember: string;
  onWorkGroupMember: (id: string) => void;
  linked?: { id: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const { described, fieldError } = form;
  const street = streetOf(role, area);
  const workGroup = useQuery(streetWorkGroupQuery, { variables: { street: street ?? '' }, skip: !street });
  const members = street ? (workGroup.data?.workGroupMembers.nodes ?? []) : [];
  return (
    <>
      <label htmlFor={`${id}-role`}>{t('account.role')}</label>
      <div>
        <select id={`${id}-role`} value={role} disabled={roleLocked} onChange={(e) => onRole(e.target.value as AccountRole)} {...described('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        {fieldError('role')}
      </div>
      {scoped(role) && (
        <>
          <label htmlFor={`${id}-area`}>{role === 'DISTRICT_OFFICER' ? t('admin.districtCode') : t('admin.streetCode')}</label>
          <div>
            <input
              id={`${id}-area`}
              value={area}
              inputMode="numeric"
              onChange={(e) => {
                onArea(e.target.value);
                onWorkGroupMember('');
              }}
              {...described('area')}
            />
            {fieldError('area')}
          </div>
        </>
      )}
      {street && (
        <>
          <label htmlFor={`${id}-workGroupMember`}>{t('admin.workGroupMember')}</label>
          <div>
            <select id={`${id}-workGroupMember`} value={workGroupMember} onChange={(e) => onWorkGroupMember(e.target.value)} {...described('workGroupMember')}>
              <option value="">{workGroup.loading ? t('state.loading') : t('admin.noWorkGroupMember')}</option>
              {linked && workGroupMember === linked.id && !members.some((m) => m.id === linked.id) && <option value={linked.id}>{linked.name}</option>}
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title ? `${m.name}（${m.title}）` : m.name}
                </option>
              ))}
            </select>
            {fieldError('workGroupMember')}
          </div>
        </>
      )}
    </>
  );
}

/** The password the server just gave an account: shown this once. */
function Handover({ username, password }: { username: string; password: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="card ok-text">
      {t('admin.handover', { username })} <code>{password}</code>
    </p>
  );
}

function NewAccountForm({ onCreated }: { onCreated: (username: string, password: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<AccountRole>('STREET_WORKER');
  const [area, setArea] = useState('');
  const [workGroupMember, setWorkGroupMember] = useState('');
  const [create, { loading, error, reset }] = useMutation(createAccountMutation);
  const form = useFormIssues(error, id);
  const { described, fieldError, formError } = form;

  async function submit(e: FormEvent) {
    e.preventDefault();
    reset();
    try {
      const result = await create({
        variables: {
          input: {
            username,
            displayName,
            role,
            area: scoped(role) ? area.trim() || null : null,
            ...(streetOf(role, area) && workGroupMember ? { workGroupMember } : {}),
          },
        },
      });
      const payload = result.data?.createAccount;
      if (!payload) return;
      setUsername('');
      setDisplayName('');
      setArea('');
      setWorkGroupMember('');
      onCreated(payload.account.username, payload.password);
    } catch {
      // shown from `error`
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.newAccount')}</h2>
      <p className="muted">{t('admin.newAccountHint')}</p>
      <form onSubmit={submit} className="form-grid" noValidate>
        <label htmlFor={`${id}-username`}>{t('account.username')}</label>
        <div>
          <input id={`${id}-username`} value={username} autoComplete="off" onChange={(e) => setUsername(e.target.value)} {...described('username')} />
          {fieldError('username')}
        </div>
        <label htmlFor={`${id}-displayName`}>{t('account.displayName')}</label>
        <div>
          <input id={`${id}-displayName`} value={displayName} onChange={(e) => setDisplayName(e.target.value)} {...described('displayName')} />
          {fieldError('displayName')}
        </div>
        <ScopeFields
          id={id}
          form={form}
          role={role}
          onRole={setRole}
          area={area}
          onArea={setArea}
          workGroupMember={workGroupMember}
          onWorkGroupMember={setWorkGroupMember}
        />
        {formError()}
        <div>
          <button type="submit" className="primary" disabled={loading || !username.trim() || !displayName.trim()}>
            {loading ? t('account.saving') : t('admin.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
