import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { CoverageFigures_StatsFragment } from '../gql/graphql';
import { useFormat } from '../lib/format';
import { blindSpotsPath, organizationsPath, partyOrganizationsPath, type CoverageStatusParam } from '../lib/paths';

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
 * The coverage of one place as figures; every figure links to the list behind it, on the same
 * date and window: the organizations in scope, those organization- or work-covered, the blind
 * spots, those that could form their own Party organization, the weak Party organizations. A rate
 * links to the organizations it counts (its numerator).
 */
export function CoverageTiles({ stats, scope, heading }: { stats: CoverageFigures_StatsFragment; scope?: string | null; heading?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { asOf, window } = stats;
  const onDate = (coverage?: CoverageStatusParam[], more: { eligible?: 'true' } = {}) => organizationsPath({ scope, asOf, window, coverage, ...more });
  const organizationCovered = onDate(['ORGANIZATION_COVERED']);
  const workCovered = onDate(['WORK_COVERED']);
  return (
    <section className="tiles" aria-label={heading ?? t('coverage.heading')}>
      <Tile label={t('coverage.organizationRate')} value={<Link to={organizationCovered}>{f.pct(stats.organizationCoverageRate)}</Link>}>
        <Link to={organizationCovered}>{t('coverage.organizationCovered', { count: stats.organizationCovered, n: f.num(stats.organizationCovered) })}</Link>
      </Tile>
      <Tile label={t('coverage.workRate')} value={<Link to={workCovered}>{f.pct(stats.workCoverageRate)}</Link>}>
        <Link to={workCovered}>{t('coverage.workCovered', { count: stats.workCovered, n: f.num(stats.workCovered) })}</Link>
      </Tile>
      <Tile label={t('coverage.overallRate')} value={<Link to={onDate(['ORGANIZATION_COVERED', 'WORK_COVERED'])}>{f.pct(stats.overallCoverageRate)}</Link>}>
        <Link to={onDate()}>{t('coverage.inScope', { count: stats.inScope, n: f.num(stats.inScope) })}</Link>
      </Tile>
      <Tile label={t('coverage.blindSpots')} value={<Link to={blindSpotsPath({ scope, asOf, window })}>{f.num(stats.blindSpots)}</Link>} tone={stats.blindSpots > 0 ? 'bad' : 'good'}>
        <Link to={onDate(['WORK_COVERED', 'BLIND_SPOT'], { eligible: 'true' })}>{t('coverage.standaloneEligible', { n: f.num(stats.standaloneEligibleUncovered) })}</Link>
        <Link to={partyOrganizationsPath({ scope, weakAsOf: asOf, window })}>{t('coverage.weak', { n: f.num(stats.weakPartyOrganizations) })}</Link>
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
