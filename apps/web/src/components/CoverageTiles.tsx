import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { CoverageFigures_StatsFragment } from '../gql/graphql';
import { useFormat } from '../lib/format';
import { blindSpotsPath, organizationsPath } from '../lib/paths';

export const CoverageFiguresFragment = graphql(`
  fragment CoverageFigures_stats on CoverageStats {
    inScope
    organizationCovered
    workCovered
    blindSpots
    organizationCoverageRate
    workCoverageRate
    overallCoverageRate
    standaloneEligibleUncovered
    weakPartyOrganizations
    asOf
    window
  }
`);

/**
 * The coverage of one place as figures; every count links to the list behind it (the
 * organizations in scope, those with a Party organization, the blind spots).
 */
export function CoverageTiles({ stats, scope, heading }: { stats: CoverageFigures_StatsFragment; scope?: string | null; heading?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const asOf = stats.asOf;
  return (
    <section className="tiles" aria-label={heading ?? t('coverage.heading')}>
      <Tile label={t('coverage.organizationRate')} value={f.pct(stats.organizationCoverageRate)}>
        <Link to={organizationsPath({ scope, hasPartyOrganization: 'true' })}>{t('coverage.organizationCovered', { count: stats.organizationCovered, n: f.num(stats.organizationCovered) })}</Link>
      </Tile>
      <Tile label={t('coverage.workRate')} value={f.pct(stats.workCoverageRate)}>
        <span>{t('coverage.workCovered', { count: stats.workCovered, n: f.num(stats.workCovered) })}</span>
      </Tile>
      <Tile label={t('coverage.overallRate')} value={f.pct(stats.overallCoverageRate)}>
        <Link to={organizationsPath({ scope })}>{t('coverage.inScope', { count: stats.inScope, n: f.num(stats.inScope) })}</Link>
      </Tile>
      <Tile label={t('coverage.blindSpots')} value={<Link to={blindSpotsPath({ scope, asOf })}>{f.num(stats.blindSpots)}</Link>} tone={stats.blindSpots > 0 ? 'bad' : 'good'}>
        <span>{t('coverage.standaloneEligible', { n: f.num(stats.standaloneEligibleUncovered) })}</span>
        <span>{t('coverage.weak', { n: f.num(stats.weakPartyOrganizations) })}</span>
      </Tile>
    </section>
  );
}

function Tile({ label, value, children, tone }: { label: string; value: React.ReactNode; children?: React.ReactNode; tone?: 'good' | 'bad' }) {
  return (
    <div className={`tile${tone ? ` tile-${tone}` : ''}`}>
      <div className="tile-label">{label}</div>
      <div className="tile-value">{value}</div>
      <div className="tile-detail">{children}</div>
    </div>
  );
}
