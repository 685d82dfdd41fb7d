import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { OrganizationPageQuery } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { containerPath } from '../../lib/paths';
import { areaCrumbs } from '../areas/AreaPage';
import { useSession } from '../../auth/AuthProvider';
import { AuditTrail } from './AuditTrail';
import { SetUpPartyOrganizationForm } from './SetUpPartyOrganizationForm';
import { TransferButton } from './TransferButton';

export const organizationPageQuery = graphql(`
  query OrganizationPage($creditCode: String!) {
    organization(creditCode: $creditCode) {
      id
      creditCode
      name
      category
      industry
      employees
      registeredOn
      deregisteredOn
      status
      address
      isKey
      source
      declaredPartyMembers
      declaredHasPartyOrganization
      updatedAt
      street {
        ...AreaCrumb_area
      }
      park {
        id
        name
      }
      building {
        id
        name
      }
      businessDistrict {
        id
        name
      }
      supervisoryUnit {
        id
        name
      }
      responsibility {
        asOf
        workGroupMember {
          since
          lastVisitOn
          member {
            id
            name
            title
            phone
          }
        }
        instructors {
          since
          lastVisitOn
          instructor {
            id
            name
            employer
          }
        }
        memberUnit {
          since
          lastVisitOn
          memberUnit {
            id
            name
          }
        }
        directCommittees {
          since
          lastVisitOn
          committee {
            id
            name
          }
        }
        streetCommittee {
          since
          partyOrganization {
            id
            name
          }
        }
        districtCommittee {
          since
          committee {
            id
            name
          }
        }
        cityCommittee {
          since
          committee {
            id
            name
          }
        }
      }
      partyOrganizations(first: 10) {
        totalCount
        nodes {
          id
          name
          kind
          formation
          anchor
          establishedOn
          secretary {
            id
            name
          }
          members(first: 0) {
            totalCount
          }
        }
      }
      members(first: 50) {
        totalCount
        nodes {
          id
          name
          phone
          idNumber
          stage
          relationHolder
          ledger
          identityRevealed
          transferredOn
          fullOn
          version
        }
      }
      visits(first: 30, orderBy: { field: VISITED_ON, direction: DESC }) {
        totalCount
        nodes {
          ...VisitItem_visit
        }
      }
    }
  }
`);

graphql(`
  fragment VisitItem_visit on Visit {
    id
    visitedOn
    visitor
    ownerIntention
    membersIntention
    problems
    helpGiven
    liaisonPoint {
      id
      kind
    }
  }
`);

type Org = NonNullable<OrganizationPageQuery['organization']>;

export function OrganizationPage() {
  const { creditCode = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, refetch } = useQuery(organizationPageQuery, { variables: { creditCode } });
  const [showAudit, setShowAudit] = useState(false);

  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  if (!data) return <Loading />;
  const org = data.organization;
  if (!org) return <Empty>{t('organization.notFound', { code: creditCode })}</Empty>;

  const facts: [string, React.ReactNode][] = [
    [t('organization.creditCode'), <code key="c">{org.creditCode}</code>],
    [t('organization.category'), t(`category.${org.category}`)],
    [t('organization.industry'), org.industry],
    [t('organization.employees'), f.num(org.employees)],
    [t('organization.registeredOn'), f.date(org.registeredOn)],
    [t('organization.status'), `${t(`organizationStatus.${org.status}`)}${org.deregisteredOn ? ` (${f.date(org.deregisteredOn)})` : ''}`],
    [t('organization.address'), org.address ?? '—'],
    [t('organization.source'), t(`source.${org.source}`)],
    [t('organization.declared'), org.declaredPartyMembers == null ? '—' : t('organization.declaredValue', { n: f.num(org.declaredPartyMembers), has: org.declaredHasPartyOrganization ? t('common.yes') : t('common.no') })],
    [t('organization.updatedAt'), f.dateTime(org.updatedAt)],
  ];
  if (org.park) facts.push([t('container.park'), <Link key="p" to={containerPath(org.park.id)}>{org.park.name}</Link>]);
  if (org.building) facts.push([t('containerKind.Building'), <Link key="b" to={containerPath(org.building.id)}>{org.building.name}</Link>]);
  if (org.businessDistrict) facts.push([t('containerKind.BusinessDistrict'), <Link key="d" to={containerPath(org.businessDistrict.id)}>{org.businessDistrict.name}</Link>]);
  if (org.supervisoryUnit) facts.push([t('organization.supervisoryUnit'), org.supervisoryUnit.name]);

  const container = org.building ?? org.businessDistrict ?? org.park;
  return (
    <div className="page">
      <Breadcrumbs items={[...areaCrumbs(org.street), ...(container ? [{ label: container.name, to: containerPath(container.id) }] : []), { label: org.name }]} />
      <header className="page-header">
        <h1>
          {org.name}
          {org.isKey && <span className="badge badge-key">{t('organization.key')}</span>}
        </h1>
      </header>
      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('organization.facts')}</h2>
        <dl className="facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <Responsibility org={org} />
      <PartyOrganizations org={org} onChanged={() => void refetch()} />
      <Members org={org} onChanged={() => void refetch()} />
      <section className="card" aria-labelledby="visits-heading">
        <h2 id="visits-heading">
          {t('visits.heading')} <span className="muted small">({f.num(org.visits.totalCount)})</span>
        </h2>
        {org.visits.nodes.length === 0 ? (
          <Empty>{t('visits.none')}</Empty>
        ) : (
          <ol className="timeline">
            {org.visits.nodes.map((v) => (
              <li key={v.id}>
                <time dateTime={v.visitedOn}>{f.date(v.visitedOn)}</time>
                <div>
                  <strong>{v.visitor}</strong> <span className="badge">{t(`liaisonKind.${v.liaisonPoint.kind}`)}</span>
                  <div className="muted small">
                    {t('visits.owner')}: {v.ownerIntention ? t(`intention.${v.ownerIntention}`) : '—'} · {t('visits.members')}: {v.membersIntention ? t(`intention.${v.membersIntention}`) : '—'}
                  </div>
                  {v.problems && (
                    <p>
                      {t('visits.problems')}: {v.problems}
                    </p>
                  )}
                  {v.helpGiven && (
                    <p>
                      {t('visits.help')}: {v.helpGiven}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('audit.heading')}</h2>
        {showAudit ? (
          <AuditTrail nodeId={org.id} />
        ) : (
          <button type="button" onClick={() => setShowAudit(true)}>
            {t('audit.show')}
          </button>
        )}
      </section>
    </div>
  );
}

function Responsibility({ org }: { org: Org }) {
  const { t } = useTranslation();
  const f = useFormat();
  const r = org.responsibility;
  const rows: { role: string; who: string; since: string; lastVisitOn?: string | null }[] = [];
  if (r.workGroupMember)
    rows.push({ role: t('responsibility.workGroupMember'), who: [r.workGroupMember.member.name, r.workGroupMember.member.title, r.workGroupMember.member.phone].filter(Boolean).join(' · '), since: r.workGroupMember.since, lastVisitOn: r.workGroupMember.lastVisitOn });
  for (const i of r.instructors) rows.push({ role: t('responsibility.instructor'), who: [i.instructor.name, i.instructor.employer].filter(Boolean).join(' · '), since: i.since, lastVisitOn: i.lastVisitOn });
  if (r.memberUnit) rows.push({ role: t('responsibility.memberUnit'), who: r.memberUnit.memberUnit.name, since: r.memberUnit.since, lastVisitOn: r.memberUnit.lastVisitOn });
  for (const d of r.directCommittees) rows.push({ role: t('responsibility.direct'), who: d.committee.name, since: d.since, lastVisitOn: d.lastVisitOn });
  if (r.streetCommittee) rows.push({ role: t('responsibility.streetCommittee'), who: r.streetCommittee.partyOrganization.name, since: r.streetCommittee.since });
  if (r.districtCommittee) rows.push({ role: t('responsibility.districtCommittee'), who: r.districtCommittee.committee.name, since: r.districtCommittee.since });
  if (r.cityCommittee) rows.push({ role: t('responsibility.cityCommittee'), who: r.cityCommittee.committee.name, since: r.cityCommittee.since });
  return (
    <section className="card" aria-labelledby="resp-heading">
      <h2 id="resp-heading">{t('responsibility.heading')}</h2>
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <ol className="chain">
          {rows.map((row, i) => (
            <li key={i}>
              <span className="chain-role">{row.role}</span> <strong>{row.who}</strong>{' '}
              <span className="muted small">
                {t('responsibility.since', { date: f.date(row.since) })}
                {row.lastVisitOn !== undefined && ` · ${t('responsibility.lastVisit', { date: row.lastVisitOn ? f.date(row.lastVisitOn) : t('blindSpots.never') })}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** City analysts read; the other roles may change what they reach (the server decides what that is). */
function useCanWrite(): boolean {
  return useSession().account.role !== 'CITY_ANALYST';
}

function PartyOrganizations({ org, onChanged }: { org: Org; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canWrite = useCanWrite();
  const [settingUp, setSettingUp] = useState(false);
  return (
    <section className="card" aria-labelledby="po-heading">
      <h2 id="po-heading">{t('container.partyOrganizations')}</h2>
      {org.partyOrganizations.nodes.length === 0 ? (
        <>
          <Empty>{t('organization.noPartyOrganization')}</Empty>
          {canWrite && org.status === 'ACTIVE' && !settingUp && (
            <button type="button" onClick={() => setSettingUp(true)}>
              {t('setUp.title')}
            </button>
          )}
          {settingUp && (
            <SetUpPartyOrganizationForm
              organization={org}
              fullMembers={org.members.nodes.filter((m) => m.stage === 'FULL')}
              onDone={() => {
                setSettingUp(false);
                onChanged();
              }}
            />
          )}
        </>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('partyOrg.kind')}</th>
              <th scope="col">{t('partyOrg.formation')}</th>
              <th scope="col">{t('partyOrg.anchor')}</th>
              <th scope="col">{t('partyOrg.established')}</th>
              <th scope="col">{t('partyOrg.secretary')}</th>
              <th scope="col" className="num">{t('partyOrg.members')}</th>
            </tr>
          </thead>
          <tbody>
            {org.partyOrganizations.nodes.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{t(`partyOrgKind.${p.kind}`)}</td>
                <td>{t(`formation.${p.formation}`)}</td>
                <td>{t(`anchor.${p.anchor}`)}</td>
                <td>{f.date(p.establishedOn)}</td>
                <td>{p.secretary?.name ?? '—'}</td>
                <td className="num">{f.num(p.members.totalCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Members({ org, onChanged }: { org: Org; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canWrite = useCanWrite();
  // A member held in a ledger can move into the organization's own (or covering) Party organization.
  const target = org.partyOrganizations.nodes[0];
  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">
        {t('members.heading')} <span className="muted small">({f.num(org.members.totalCount)})</span>
      </h2>
      <p className="muted small">{t('members.masked')}</p>
      {org.members.nodes.length === 0 ? (
        <Empty>{t('members.none')}</Empty>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.idNumber')}</th>
              <th scope="col">{t('members.phone')}</th>
              <th scope="col">{t('members.stage')}</th>
              <th scope="col">{t('members.relation')}</th>
              <th scope="col">{t('members.revealed')}</th>
              {canWrite && target && (
                <th scope="col">
                  <span className="visually-hidden">{t('desk.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {org.members.nodes.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>
                  <code>{m.idNumber}</code>
                </td>
                <td>{m.phone ?? '—'}</td>
                <td>{t(`stage.${m.stage}`)}</td>
                <td>
                  {t(`relation.${m.relationHolder}`)}
                  {m.transferredOn && <span className="muted small"> · {t('members.transferredOn', { date: f.date(m.transferredOn) })}</span>}
                </td>
                <td>{m.identityRevealed ? t('common.yes') : t('common.no')}</td>
                {canWrite && target && <td>{m.ledger && !m.transferredOn && m.relationHolder !== 'PARTY_ORGANIZATION' && <TransferButton member={m} partyOrganization={target} onDone={onChanged} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
