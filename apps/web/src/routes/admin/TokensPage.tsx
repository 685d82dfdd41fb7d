import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/AuthProvider';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { TokenScope } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useFormIssues } from '../../lib/formIssues';

export const integrationTokensQuery = graphql(`
  query AdminIntegrationTokens {
    integrationTokens {
      name
      scopes
      areas
      restrictedToOperations
      createdAt
      revokedAt
      lastUsedAt
    }
  }
`);

export const createIntegrationTokenMutation = graphql(`
  mutation CreateIntegrationToken($input: CreateIntegrationTokenInput!) {
    createIntegrationToken(input: $input) {
      token
      integrationToken {
        name
      }
    }
  }
`);

export const revokeIntegrationTokenMutation = graphql(`
  mutation RevokeIntegrationToken($name: String!) {
    revokeIntegrationToken(name: $name) {
      name
      revokedAt
    }
  }
`);

const SCOPES: TokenScope[] = ['READ', 'IMPORT'];

/** Division codes typed into one box, separated by spaces, commas or 、. */
export const splitCodes = (text: string) => text.split(/[\s,，、;；]+/).filter((code) => code !== '');

/**
 * Integration tokens (接口令牌), the city administrator's: the bearer tokens other systems read
 * the graph and load spreadsheets with. Lists them with their scopes, areas and last use; makes
 * one (the token is shown once: only its SHA-256 is stored); revokes one. The server checks
 * everything (graph/account/integration-token.resolver.ts) and its issues go beside the fields.
 */
export function TokensPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.account.role !== 'CITY_ADMIN') return <Empty>{t('tokens.onlyAdmin')}</Empty>;
  return <Tokens />;
}

function Tokens() {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, refetch } = useQuery(integrationTokensQuery);
  const [revoke, revoking] = useMutation(revokeIntegrationTokenMutation);
  const [handover, setHandover] = useState<{ name: string; token: string } | null>(null);
  // Revoking cannot be undone: the first click asks, in the row, and only the second one revokes.
  const [confirming, setConfirming] = useState<string | null>(null);

  function revokeToken(name: string) {
    setConfirming(null);
    setHandover(null);
    void revoke({ variables: { name } }).catch(() => {});
  }

  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  if (!data) return <Loading />;

  return (
    <div className="page">
      <h1>{t('tokens.title')}</h1>
      <p className="muted">{t('tokens.intro')}</p>
      {handover && (
        <p role="status" className="card ok-text">
          {t('tokens.handover', { name: handover.name })} <code>{handover.token}</code>
        </p>
      )}
      {revoking.error && <ErrorState error={revoking.error} />}
      <section aria-label={t('tokens.list')}>
        {data.integrationTokens.length === 0 ? (
          <Empty>{t('tokens.none')}</Empty>
        ) : (
          <table className="data">
            <caption className="visually-hidden">{t('tokens.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.scopes')}</th>
                <th scope="col">{t('tokens.areas')}</th>
                <th scope="col">{t('tokens.operations')}</th>
                <th scope="col">{t('admin.createdAt')}</th>
                <th scope="col">{t('tokens.lastUsedAt')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.integrationTokens.map((token) => (
                <tr key={token.name}>
                  <td>
                    <code>{token.name}</code>
                    {token.revokedAt && <span className="badge">{t('tokens.revoked', { date: f.date(token.revokedAt.slice(0, 10)) })}</span>}
                  </td>
                  <td>{token.scopes.map((scope) => t(`tokens.scope.${scope}`)).join('、')}</td>
                  <td>{token.areas.length > 0 ? token.areas.join('、') : t('tokens.cityWide')}</td>
                  <td>{token.restrictedToOperations == null ? t('tokens.anyOperation') : t('tokens.operationCount', { count: token.restrictedToOperations })}</td>
                  <td>{f.date(token.createdAt.slice(0, 10))}</td>
                  <td>{token.lastUsedAt ? f.date(token.lastUsedAt.slice(0, 10)) : t('tokens.neverUsed')}</td>
                  <td>
                    {!token.revokedAt && confirming !== token.name && (
                      <button type="button" disabled={revoking.loading} onClick={() => setConfirming(token.name)}>
                        {t('tokens.revoke', { name: token.name })}
                      </button>
                    )}
                    {!token.revokedAt && confirming === token.name && (
                      <span role="group" aria-label={t('tokens.confirmRevoke', { name: token.name })}>
                        <span className="muted">{t('tokens.confirmRevoke', { name: token.name })}</span>{' '}
                        <button type="button" className="danger" disabled={revoking.loading} onClick={() => revokeToken(token.name)}>
                          {t('tokens.confirm', { name: token.name })}
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t('tokens.cancel')}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <NewTokenForm onCreated={(name, token) => void refetch().then(() => setHandover({ name, token }))} />
    </div>
  );
}

function NewTokenForm({ onCreated }: { onCreated: (name: string, token: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['READ']);
  const [areas, setAreas] = useState('');
  // Each entry is one exact document: the server stores its SHA-256, so the system must send it byte for byte.
  const [operations, setOperations] = useState<string[]>([]);
  const [create, { loading, error, reset }] = useMutation(createIntegrationTokenMutation);
  const { described, fieldError, formError } = useFormIssues(error, id);

  async function submit(e: FormEvent) {
    e.preventDefault();
    reset();
    try {
      const codes = splitCodes(areas);
      const result = await create({
        variables: { input: { name, scopes, areas: codes.length > 0 ? codes : null, operations: operations.length > 0 ? operations : null } },
      });
      const payload = result.data?.createIntegrationToken;
      if (!payload) return;
      setName('');
      setAreas('');
      setOperations([]);
      onCreated(payload.integrationToken.name, payload.token);
    } catch {
      // shown from `error`
    }
  }

  const toggle = (scope: TokenScope, on: boolean) => setScopes((now) => (on ? [...now, scope] : now.filter((s) => s !== scope)));

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('tokens.newToken')}</h2>
      <p className="muted">{t('tokens.newTokenHint')}</p>
      <form onSubmit={submit} className="form-grid" noValidate>
        <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
        <div>
          <input id={`${id}-name`} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} {...described('name')} />
          {fieldError('name')}
        </div>
        <span id={`${id}-scopes`}>{t('tokens.scopes')}</span>
        <div role="group" aria-labelledby={`${id}-scopes`} {...described('scopes')}>
          {SCOPES.map((scope) => (
            <label key={scope} className="inline">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} /> {t(`tokens.scope.${scope}`)}
            </label>
          ))}
          {fieldError('scopes')}
        </div>
        <label htmlFor={`${id}-areas`}>{t('tokens.areaCodes')}</label>
        <div>
          <input id={`${id}-areas`} value={areas} inputMode="numeric" placeholder={t('tokens.areaCodesPlaceholder')} onChange={(e) => setAreas(e.target.value)} {...described('areas')} />
          {fieldError('areas')}
        </div>
        <span id={`${id}-operations`}>{t('tokens.operations')}</span>
        <div role="group" aria-labelledby={`${id}-operations`}>
          {operations.map((text, i) => (
            <div key={i} className="operation-document">
              <textarea
                aria-label={t('tokens.operationDocument', { n: i + 1 })}
                rows={4}
                spellCheck={false}
                value={text}
                onChange={(e) => setOperations((now) => now.map((old, j) => (j === i ? e.target.value : old)))}
              />
              <button type="button" onClick={() => setOperations((now) => now.filter((_, j) => j !== i))}>
                {t('tokens.removeOperation', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setOperations((now) => [...now, ''])}>
            {t('tokens.addOperation')}
          </button>
          {fieldError('operations')}
        </div>
        {formError()}
        <div>
          <button type="submit" className="primary" disabled={loading || !name.trim()}>
            {loading ? t('account.saving') : t('tokens.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
