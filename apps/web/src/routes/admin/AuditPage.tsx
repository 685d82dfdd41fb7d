import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/AuthProvider';
import { PagedResult, useListParams } from '../../components/PagedResult';
import { Empty } from '../../components/states';
import { graphql } from '../../gql';
import type { AuditEntryFilter } from '../../gql/graphql';
import { isIsoDate } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { organizationPath } from '../../lib/paths';
import { changedFields } from '../organizations/AuditTrail';

export const auditEntriesQuery = graphql(`
  query AdminAuditEntries($filter: AuditEntryFilter, $after: String) {
    auditEntries(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        at
        actor
        operation
        nodeType
        nodeId
        before
        after
      }
    }
  }
`);

/** The node types the API's mutations and imports write to the log (graph/*: audit(…, { nodeType })). */
export const AUDITED_TYPES = [
  'Organization',
  'PartyOrganization',
  'PartyOrganizationCoverage',
  'PartyMember',
  'LiaisonPoint',
  'Visit',
  'Activity',
  'Instructor',
  'Fund',
  'Account',
  'IntegrationToken',
] as const;

/** The filter the URL asks for: ?actor=, ?operation=, ?type=, ?from=, ?to= (days in Shanghai). */
export function auditFilter(params: URLSearchParams): AuditEntryFilter {
  const filter: AuditEntryFilter = {};
  const actor = params.get('actor')?.trim();
  if (actor) filter.actor = actor;
  const operation = params.get('operation')?.trim();
  if (operation) filter.operation = [operation];
  const type = params.get('type');
  if (type) filter.nodeType = [type];
  const from = params.get('from');
  const to = params.get('to');
  if (isIsoDate(from) || isIsoDate(to)) filter.madeOn = { ...(isIsoDate(from) ? { from } : {}), ...(isIsoDate(to) ? { to } : {}) };
  return filter;
}

/**
 * The audit log (操作日志), the city administrator's: every change made through the API or an
 * import, newest first — who, when, which operation, which node and which fields. One
 * organization's trail is also on its page; this one spans the city, accounts and tokens included.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.account.role !== 'CITY_ADMIN') return <Empty>{t('auditLog.onlyAdmin')}</Empty>;
  return <AuditLog />;
}

function AuditLog() {
  const { t } = useTranslation();
  const f = useFormat();
  const { params, pages, update } = useListParams();
  const filter = auditFilter(params);
  const { data, loading, error, refetch } = useQuery(auditEntriesQuery, { variables: { filter, after: pages.after } });

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('auditLog.title')}</h1>
      </header>
      <p className="muted">{t('auditLog.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <label>
          {t('audit.actor')}
          <input value={params.get('actor') ?? ''} placeholder="account:admin" onChange={(e) => update('actor', e.target.value)} />
        </label>
        <label>
          {t('audit.operation')}
          <input value={params.get('operation') ?? ''} placeholder="recordVisit" onChange={(e) => update('operation', e.target.value)} />
        </label>
        <label>
          {t('auditLog.nodeType')}
          <select value={params.get('type') ?? ''} onChange={(e) => update('type', e.target.value)}>
            <option value="">{t('auditLog.anyType')}</option>
            {AUDITED_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`auditLog.types.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('auditLog.from')}
          <input type="date" value={params.get('from') ?? ''} onChange={(e) => update('from', e.target.value)} />
        </label>
        <label>
          {t('auditLog.to')}
          <input type="date" value={params.get('to') ?? ''} onChange={(e) => update('to', e.target.value)} />
        </label>
      </form>
      <PagedResult label={t('auditLog.title')} page={data?.auditEntries} loading={loading} error={error} retry={refetch} pages={pages} empty={t('audit.none')}>
        {(entries) => (
          <table className="data">
            <caption className="visually-hidden">{t('auditLog.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.operation')}</th>
                <th scope="col">{t('auditLog.node')}</th>
                <th scope="col">{t('audit.changed')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.nodes.map((e, i) => (
                <tr key={`${e.at}-${e.nodeId}-${i}`}>
                  <td>{f.dateTime(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>
                    <code>{e.operation}</code>
                  </td>
                  <td>
                    <NodeCell type={e.nodeType} record={(e.after ?? e.before) as Record<string, unknown> | null} />
                  </td>
                  <td>{!e.before ? t('audit.created') : !e.after ? t('auditLog.deleted') : changedFields(e.before, e.after).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedResult>
    </div>
  );
}

/** The node an entry changed: its type, and its name from the stored record — an organization links to its page. */
function NodeCell({ type, record }: { type: string; record: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const label = (AUDITED_TYPES as readonly string[]).includes(type) ? t(`auditLog.types.${type as (typeof AUDITED_TYPES)[number]}`) : type;
  // A member's name is stored as '[redacted]' (personal data never enters the log): shown as nothing.
  const stored = typeof record?.name === 'string' ? record.name : typeof record?.username === 'string' ? record.username : null;
  const name = stored === '[redacted]' ? null : stored;
  const creditCode = type === 'Organization' && typeof record?.credit_code === 'string' ? record.credit_code : null;
  return (
    <>
      <span className="muted">{label}</span> {creditCode && name ? <Link to={organizationPath(creditCode)}>{name}</Link> : name}
    </>
  );
}
