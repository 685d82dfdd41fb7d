import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { BlindSpot_RowFragment } from '../gql/graphql';
import { useFormat } from '../lib/format';
import { areaPath, organizationPath } from '../lib/paths';
import { Empty } from './states';

export const BlindSpotRowFragment = graphql(`
  fragment BlindSpot_row on BlindSpot {
    fullMembers
    standaloneEligible
    lastVisitOn
    hasWorkGroupContact
    hasLiaisonPoint
    lacks
    organization {
      id
      creditCode
      name
      category
      employees
      isKey
      street {
        code
        name
      }
    }
  }
`);

export function BlindSpotList({ rows, caption }: { rows: BlindSpot_RowFragment[]; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (rows.length === 0) return <Empty>{t('blindSpots.none')}</Empty>;
  return (
    <table className="data">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('organization.name')}</th>
          <th scope="col">{t('organization.street')}</th>
          <th scope="col" className="num">{t('organization.employees')}</th>
          <th scope="col" className="num">{t('blindSpots.fullMembers')}</th>
          <th scope="col">{t('blindSpots.lastVisit')}</th>
          <th scope="col">{t('blindSpots.lacks')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.organization.id}>
            <td>
              <Link to={organizationPath(b.organization.creditCode)}>{b.organization.name}</Link>
              {b.organization.isKey && <span className="badge badge-key">{t('organization.key')}</span>}
              {b.standaloneEligible && <span className="badge badge-good">{t('blindSpots.standaloneEligible')}</span>}
            </td>
            <td>
              <Link to={areaPath(b.organization.street.code)}>{b.organization.street.name}</Link>
            </td>
            <td className="num">{f.num(b.organization.employees)}</td>
            <td className="num">{f.num(b.fullMembers)}</td>
            <td>{b.lastVisitOn ? f.date(b.lastVisitOn) : t('blindSpots.never')}</td>
            <td>{b.lacks.map((l) => t(`gap.${l}`)).join('、')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
