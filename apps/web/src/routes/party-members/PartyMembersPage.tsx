import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHomeScope } from '../dashboard/DashboardPage';
import { graphql } from '../../gql';
import type { DateRange, PartyMemberFilter } from '../../gql/graphql';
import { isIsoDate } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { organizationPath } from '../../lib/paths';
import { PagedResult, useListParams } from '../../components/PagedResult';

export const partyMembersQuery = graphql(`
  query PartyMembers($filter: PartyMemberFilter, $after: String) {
    partyMembers(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        stage
        relationHolder
        transferredOn
        identityRevealed
        revealedOn
        organization {
          id
          creditCode
          name
        }
      }
    }
  }
`);

function range(params: URLSearchParams, fromKey: string, toKey: string): DateRange | null {
  const from = params.get(fromKey);
  const to = params.get(toKey);
  if (!isIsoDate(from) && !isIsoDate(to)) return null;
  return { ...(isIsoDate(from) ? { from } : {}), ...(isIsoDate(to) ? { to } : {}) };
}

/**
 * The list behind the bulletin's member figures: members of the organizations of a scope whose
 * relation was transferred (转接党员), or who revealed their identity (亮明身份), in a period.
 */
export function partyMemberListFilter(params: URLSearchParams, home: string | null): PartyMemberFilter {
  const filter: PartyMemberFilter = {};
  const scope = params.get('scope') || home;
  if (scope) filter.scope = scope;
  const transferred = range(params, 'transferredFrom', 'transferredTo');
  if (transferred) filter.transferredOn = transferred;
  const revealed = range(params, 'revealedFrom', 'revealedTo');
  if (revealed) filter.revealedOn = revealed;
  return filter;
}

export function PartyMembersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const home = useHomeScope();
  const { params, pages, update } = useListParams();
  const filter = partyMemberListFilter(params, home);
  const { after } = pages;
  const { data, loading, error, refetch } = useQuery(partyMembersQuery, { variables: { filter, after } });

  const conditions: string[] = [];
  if (filter.transferredOn) conditions.push(t('memberList.transferredIn', { from: f.date(filter.transferredOn.from), to: f.date(filter.transferredOn.to) }));
  if (filter.revealedOn) conditions.push(t('memberList.revealedIn', { from: f.date(filter.revealedOn.from), to: f.date(filter.revealedOn.to) }));
  const dateInput = (key: string, label: string) => (
    <label>
      {label}
      <input type="date" value={params.get(key) ?? ''} onChange={(e) => update(key, e.target.value)} />
    </label>
  );

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('memberList.title')}</h1>
      </header>
      {conditions.length > 0 && <p className="muted">{conditions.join(' · ')}</p>}
      <p className="muted small">{t('members.masked')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <label>
          {t('common.scope')}
          <input value={params.get('scope') ?? ''} placeholder={home ?? t('dashboard.city')} onChange={(e) => update('scope', e.target.value.trim())} />
        </label>
        {dateInput('transferredFrom', t('memberList.transferredFrom'))}
        {dateInput('transferredTo', t('memberList.transferredTo'))}
        {dateInput('revealedFrom', t('memberList.revealedFrom'))}
        {dateInput('revealedTo', t('memberList.revealedTo'))}
      </form>
      <PagedResult label={t('memberList.title')} page={data?.partyMembers} loading={loading} error={error} retry={refetch} pages={pages} empty={t('memberList.none')}>
        {(partyMembers) => (
          <table className="data">
            <caption className="visually-hidden">{t('memberList.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('organization.name')}</th>
                <th scope="col">{t('members.stage')}</th>
                <th scope="col">{t('members.relation')}</th>
                <th scope="col">{t('memberList.transferredOn')}</th>
                <th scope="col">{t('memberList.revealedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {partyMembers.nodes.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>
                    <Link to={organizationPath(m.organization.creditCode)}>{m.organization.name}</Link>
                  </td>
                  <td>{t(`stage.${m.stage}`)}</td>
                  <td>{t(`relation.${m.relationHolder}`)}</td>
                  <td>{f.date(m.transferredOn)}</td>
                  <td>{m.identityRevealed ? f.date(m.revealedOn) : t('ledgers.notRevealed')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedResult>
    </div>
  );
}
