import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { OrgRow_OrganizationFragment } from '../gql/graphql';
import { useFormat } from '../lib/format';
import { organizationPath } from '../lib/paths';
import { Empty } from './states';

export const OrgRowFragment = graphql(`
  fragment OrgRow_organization on Organization {
    id
    creditCode
    name
    category
    industry
    employees
    isKey
    status
    partyOrganizations(first: 0) {
      totalCount
    }
  }
`);

export type CoverageStatus = 'ORGANIZATION' | 'WORK' | 'BLIND' | 'UNKNOWN';

/**
 * Coverage status of one organization: a Party organization covers it (组织覆盖), else it is a
 * blind spot if the blind-spot list of its place names it, else work-covered (工作覆盖). When
 * that list was cut short (`blindSpotsComplete` false) an uncovered one is UNKNOWN.
 */
export function coverageStatus(org: { id: string; partyOrganizations: { totalCount: number } }, blindSpotIds: ReadonlySet<string>, blindSpotsComplete = true): CoverageStatus {
  if (org.partyOrganizations.totalCount > 0) return 'ORGANIZATION';
  if (blindSpotIds.has(org.id)) return 'BLIND';
  return blindSpotsComplete ? 'WORK' : 'UNKNOWN';
}

export function StatusBadge({ status }: { status: CoverageStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}

export function OrganizationTable({
  organizations,
  blindSpotIds,
  blindSpotsComplete = true,
  caption,
}: {
  organizations: OrgRow_OrganizationFragment[];
  blindSpotIds?: ReadonlySet<string>;
  blindSpotsComplete?: boolean;
  caption: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (organizations.length === 0) return <Empty>{t('organizations.none')}</Empty>;
  return (
    <table className="data">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('organization.name')}</th>
          <th scope="col">{t('organization.category')}</th>
          <th scope="col" className="num">{t('organization.employees')}</th>
          {blindSpotIds && <th scope="col">{t('organization.coverage')}</th>}
        </tr>
      </thead>
      <tbody>
        {organizations.map((o) => (
          <tr key={o.id}>
            <td>
              <Link to={organizationPath(o.creditCode)}>{o.name}</Link>
              {o.isKey && <span className="badge badge-key">{t('organization.key')}</span>}
              {o.status === 'DEREGISTERED' && <span className="badge">{t('organization.deregistered')}</span>}
            </td>
            <td>{t(`category.${o.category}`)}</td>
            <td className="num">{f.num(o.employees)}</td>
            {blindSpotIds && (
              <td>
                <StatusBadge status={coverageStatus(o, blindSpotIds, blindSpotsComplete)} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
