import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/AuthProvider';
import { CoverageTiles } from '../../components/CoverageTiles';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { DeskQuery as DeskQueryResult } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { areaPath, organizationPath } from '../../lib/paths';
import { RecordVisitForm } from './RecordVisitForm';

export const deskQuery = graphql(`
  query Desk($street: String!, $member: ID!, $hasMember: Boolean!) {
    street: area(code: $street) {
      id
      code
      name
      level
      coverage {
        ...CoverageFigures_stats
      }
      workGroupMembers(first: 50, filter: { isCurrent: true }) {
        nodes {
          id
          name
          title
        }
      }
    }
    member: node(id: $member) @include(if: $hasMember) {
      id
      ... on WorkGroupMember {
        name
        liaisonPoints(first: 100, filter: { current: true }) {
          totalCount
          nodes {
            ...DeskLiaison_liaisonPoint
          }
        }
      }
    }
  }
`);

graphql(`
  fragment DeskLiaison_liaisonPoint on LiaisonPoint {
    id
    kind
    since
    organization {
      id
      creditCode
      name
      employees
      partyOrganizations(first: 0) {
        totalCount
      }
    }
    visits(first: 1, orderBy: { field: VISITED_ON, direction: DESC }) {
      nodes {
        id
        visitedOn
      }
    }
  }
`);

const MEMBER_KEY = 'liangxin.desk.member';
/** A visit older than this many days is due again: the coverage window is 90 days, so it still counts for a month. */
export const DUE_AFTER_DAYS = 60;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

type LiaisonRow = Extract<NonNullable<DeskQueryResult['member']>, { liaisonPoints: unknown }>['liaisonPoints']['nodes'][number];

export function DeskPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const ownStreet = session.account.area && session.account.area.code.length === 9 ? session.account.area.code : '';
  const street = params.get('street') ?? ownStreet;
  // A street worker's account names its own work-group entry; others (and a worker covering for
  // a colleague) pick one, remembered in this browser.
  const [member, setMemberState] = useState<string>(() => {
    try {
      return localStorage.getItem(`${MEMBER_KEY}.${street}`) ?? session.account.workGroupMember?.id ?? '';
    } catch {
      return session.account.workGroupMember?.id ?? '';
    }
  });
  const setMember = (id: string) => {
    setMemberState(id);
    try {
      localStorage.setItem(`${MEMBER_KEY}.${street}`, id);
    } catch {
      // no storage
    }
  };
  const { data, error, refetch, loading } = useQuery(deskQuery, { variables: { street, member, hasMember: !!member }, skip: !street });
  const [recordFor, setRecordFor] = useState<LiaisonRow | null>(null);
  const today = todayInShanghai();

  const members = data?.street?.workGroupMembers.nodes ?? [];
  const current = data?.member && 'liaisonPoints' in data.member ? data.member : null;
  const own = session.account.workGroupMember;
  const memberIsHere = members.some((m) => m.id === member) || (!!own && own.id === member);
  const rows = useMemo(() => {
    const list = current?.liaisonPoints.nodes ?? [];
    return [...list]
      .map((lp) => ({ lp, last: lp.visits.nodes[0]?.visitedOn ?? null }))
      // Those without a Party organization first (a visit may close a blind spot), then the longest unvisited.
      .sort((a, b) => Number(a.lp.organization.partyOrganizations.totalCount > 0) - Number(b.lp.organization.partyOrganizations.totalCount > 0) || (a.last ?? '').localeCompare(b.last ?? ''));
  }, [current]);
  const due = rows.filter((r) => !r.last || daysBetween(r.last, today) >= DUE_AFTER_DAYS);

  if (!street) {
    return (
      <div className="page">
        <h1>{t('desk.title')}</h1>
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            const code = new FormData(e.currentTarget).get('street');
            if (typeof code === 'string' && code.trim()) setParams({ street: code.trim() });
          }}
        >
          <label>
            {t('desk.streetCode')}
            <input name="street" inputMode="numeric" pattern="\d{9}" required />
          </label>
          <button type="submit">{t('common.apply')}</button>
        </form>
      </div>
    );
  }
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  if (!data) return <Loading />;
  if (!data.street) return <Empty>{t('area.notFound', { code: street })}</Empty>;

  return (
    <div className="page">
      <header className="page-header">
        <h1>
          {t('desk.title')} · <Link to={areaPath(data.street.code)}>{data.street.name}</Link>
        </h1>
        <label className="inline">
          {t('desk.iAm')}{' '}
          <select value={memberIsHere ? member : ''} onChange={(e) => setMember(e.target.value)}>
            <option value="">{t('desk.chooseMember')}</option>
            {own && !members.some((m) => m.id === own.id) && <option value={own.id}>{own.name}</option>}
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.title ? ` · ${m.title}` : ''}
              </option>
            ))}
          </select>
        </label>
      </header>
      {loading && <Loading label={t('state.refreshing')} />}
      <CoverageTiles stats={data.street.coverage} scope={data.street.code} heading={t('desk.streetCoverage')} />
      {!memberIsHere || !current ? (
        <Empty>{t('desk.pickMember')}</Empty>
      ) : (
        <>
          {recordFor && (
            <RecordVisitForm
              key={recordFor.id}
              liaisonPoint={recordFor}
              visitor={current.name}
              onClose={() => setRecordFor(null)}
              onRecorded={() => void refetch()}
            />
          )}
          <section className="card" aria-labelledby="due-heading">
            <h2 id="due-heading">
              {t('desk.due')} <span className="muted small">({f.num(due.length)})</span>
            </h2>
            <p className="muted small">{t('desk.dueHint', { days: DUE_AFTER_DAYS })}</p>
            {due.length === 0 ? <Empty>{t('desk.noneDue')}</Empty> : <LiaisonTable rows={due} today={today} onRecord={setRecordFor} />}
          </section>
          <details className="card">
            <summary>
              <h2 id="mine-heading" className="inline-heading">
                {t('desk.mine')} <span className="muted small">({f.num(current.liaisonPoints.totalCount)})</span>
              </h2>
            </summary>
            {rows.length === 0 ? <Empty /> : <LiaisonTable rows={rows} today={today} onRecord={setRecordFor} />}
          </details>
        </>
      )}
    </div>
  );
}

function LiaisonTable({ rows, today, onRecord }: { rows: { lp: LiaisonRow; last: string | null }[]; today: string; onRecord: (lp: LiaisonRow) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">{t('organization.name')}</th>
          <th scope="col" className="num">{t('organization.employees')}</th>
          <th scope="col">{t('organization.coverage')}</th>
          <th scope="col">{t('blindSpots.lastVisit')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('desk.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ lp, last }) => (
          <tr key={lp.id}>
            <td>
              <Link to={organizationPath(lp.organization.creditCode)}>{lp.organization.name}</Link>
            </td>
            <td className="num">{f.num(lp.organization.employees)}</td>
            <td>{lp.organization.partyOrganizations.totalCount > 0 ? t('status.ORGANIZATION') : t('desk.noPartyOrganization')}</td>
            <td>{last ? `${f.date(last)} (${t('desk.daysAgo', { count: daysBetween(last, today) })})` : t('blindSpots.never')}</td>
            <td>
              <button type="button" onClick={() => onRecord(lp)} aria-label={t('desk.recordFor', { name: lp.organization.name })}>
                {t('desk.record')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
