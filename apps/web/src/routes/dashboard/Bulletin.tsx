import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { Bulletin_ReportFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { areaPath, blindSpotsPath } from '../../lib/paths';

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

/** This week's bulletin (周通报): what changed over the ISO week containing asOf, and the ranking. */
export function Bulletin({ report, scope }: { report: Bulletin_ReportFragment; scope: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const x = report.totals;
  const figures: [string, React.ReactNode][] = [
    [t('bulletin.established'), f.num(x.partyOrganizationsEstablished)],
    [t('bulletin.newlyCovered'), f.num(x.organizationsNewlyCovered)],
    [t('bulletin.blindSpotsStart'), f.num(x.blindSpotsAtStart)],
    [t('bulletin.blindSpotsEnd'), <Link key="b" to={blindSpotsPath({ scope, asOf: report.end })}>{f.num(x.blindSpotsAtEnd)}</Link>],
    [t('bulletin.visits'), f.num(x.visits)],
    [t('bulletin.transferred'), f.num(x.membersTransferred)],
    [t('bulletin.revealed'), f.num(x.identitiesRevealed)],
    [t('bulletin.rateChange'), f.signedPct(x.coverageRateChange)],
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
                <Link to={areaPath(r.areaCode)}>{r.areaName}</Link> <span className="muted">{t('bulletin.score', { score: r.score == null ? '—' : f.dec(r.score) })}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
