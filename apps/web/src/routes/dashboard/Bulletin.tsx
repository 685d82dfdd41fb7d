import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { Bulletin_ReportFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { dayBefore } from '../../lib/dates';
import { areaPath, blindSpotsPath, organizationsPath, partyMembersPath, partyOrganizationsPath, reportsPath, visitsPath } from '../../lib/paths';

export const BulletinFragment = graphql(`
  fragment Bulletin_report on Report {
    period
    label
    start
    end
    totals {
      partyOrganizationsEstablished
      organizationsNewlyCovered
      blindSpotsAtStart
      blindSpotsAtEnd
      visits
      membersTransferred
      identitiesRevealed
      overallCoverageRateAtEnd
      coverageRateChange
    }
    ranking {
      areaCode
      areaName
      rank
      score
      coverageRateChange
      overallCoverageRateAtEnd
    }
  }
`);

/**
 * This week's bulletin (周通报): what changed over the ISO week containing asOf, and the ranking.
 * Every figure links to the list behind it, over the report's own period: "start" figures are as
 * of the day before it begins, "end" ones as of its last day (docs/measures.md).
 */
export function Bulletin({ report, scope }: { report: Bulletin_ReportFragment; scope: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const x = report.totals;
  const { start, end } = report;
  const link = (to: string, n: string) => (
    <Link key={to} to={to}>
      {n}
    </Link>
  );
  const figures: [string, React.ReactNode][] = [
    [t('bulletin.established'), link(partyOrganizationsPath({ scope, establishedFrom: start, establishedTo: end }), f.num(x.partyOrganizationsEstablished))],
    [t('bulletin.newlyCovered'), link(organizationsPath({ scope, newlyCoveredFrom: start, newlyCoveredTo: end }), f.num(x.organizationsNewlyCovered))],
    [t('bulletin.blindSpotsStart'), link(blindSpotsPath({ scope, asOf: dayBefore(start) }), f.num(x.blindSpotsAtStart))],
    [t('bulletin.blindSpotsEnd'), link(blindSpotsPath({ scope, asOf: end }), f.num(x.blindSpotsAtEnd))],
    [t('bulletin.visits'), link(visitsPath({ scope, from: start, to: end }), f.num(x.visits))],
    [t('bulletin.transferred'), link(partyMembersPath({ scope, transferredFrom: start, transferredTo: end }), f.num(x.membersTransferred))],
    [t('bulletin.revealed'), link(partyMembersPath({ scope, revealedFrom: start, revealedTo: end }), f.num(x.identitiesRevealed))],
    // The change is the report's: its rows are the areas whose changes it sums.
    [t('bulletin.rateChange'), link(reportsPath({ scope, period: report.period, date: start }), f.signedPct(x.coverageRateChange))],
  ];
  return (
    <section className="card" aria-labelledby="bulletin-heading">
      <h2 id="bulletin-heading">{t('bulletin.heading')}</h2>
      <p className="muted">
        {f.date(report.start)} – {f.date(report.end)}
      </p>
      <dl className="figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.ranking.length > 0 && (
        <>
          <h3>{t('bulletin.top')}</h3>
          <ol className="ranking">
            {report.ranking.slice(0, 5).map((r) => (
              <li key={r.areaCode}>
                <Link to={areaPath(r.areaCode)}>{r.areaName}</Link>{' '}
                <Link className="muted" to={reportsPath({ scope, period: report.period, date: start })}>
                  {t('bulletin.score', { score: r.score == null ? '—' : f.dec(r.score) })}
                </Link>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
