import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/AuthProvider';
import { AsOfPicker } from '../../components/AsOfPicker';
import { ScopeFilter } from '../../components/ScopeFilter';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { FormationRecommendation } from '../../gql/graphql';
import { isIsoDate, todayInShanghai } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { organizationPath } from '../../lib/paths';
import { useParamState } from '../../lib/useParam';

export const plannerQuery = graphql(`
  query Planner($scope: String!, $asOf: Date) {
    formationPlan(scope: $scope, asOf: $asOf) {
      scope
      asOf
      uncoveredOrganizations
      standalone
      joint
      jointOrganizations
      workCoverage
      partyOrganizationsToSetUp
      proposals {
        recommendation
        kind
        groupedBy
        fullMembers
        reason {
          zh
          en
        }
        organizations {
          id
          creditCode
          name
        }
      }
    }
  }
`);

const PAGE = 50;
const RECOMMENDATIONS: FormationRecommendation[] = ['STANDALONE', 'JOINT', 'WORK_COVERAGE'];

/**
 * The formation planner (党组织组建规划) for one district or street: the city's plan names every
 * uncovered organization (thousands), so the page asks for a smaller scope first.
 */
export function PlannerPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const session = useSession();
  const [params, set] = useParamState();
  const asOfParam = params.get('asOf');
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayInShanghai();
  const scope = params.get('scope') || session.account.area?.code || '';
  const [kind, setKind] = useState<FormationRecommendation | ''>('');
  const [shown, setShown] = useState(PAGE);
  const { data, error, loading, refetch } = useQuery(plannerQuery, { variables: { scope, asOf }, skip: !scope });
  const plan = data?.formationPlan;
  const proposals = useMemo(() => (plan?.proposals ?? []).filter((p) => !kind || p.recommendation === kind), [plan, kind]);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('planner.title')}</h1>
      </header>
      <div className="filters" role="group" aria-label={t('common.filters')}>
        <ScopeFilter value={params.get('scope') ?? ''} placeholder={session.account.area?.code ?? '370102'} onChange={(s) => set('scope', s)} />
        <AsOfPicker value={asOf} onChange={(d) => set('asOf', d)} />
        <label>
          {t('planner.recommendation')}
          <select value={kind} onChange={(e) => setKind(e.target.value as FormationRecommendation | '')}>
            <option value="">{t('common.all')}</option>
            {RECOMMENDATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`recommendation.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!scope ? (
        <Empty>{t('planner.pickScope')}</Empty>
      ) : error && !data ? (
        <ErrorState error={error} retry={refetch} />
      ) : !plan ? (
        <Loading />
      ) : (
        <>
          <section className="card" aria-busy={loading} aria-labelledby="plan-heading">
            <h2 id="plan-heading">{t('planner.summary')}</h2>
            <dl className="figures">
              <div>
                <dt>{t('planner.uncovered')}</dt>
                <dd>{f.num(plan.uncoveredOrganizations)}</dd>
              </div>
              <div>
                <dt>{t('recommendation.STANDALONE')}</dt>
                <dd>{f.num(plan.standalone)}</dd>
              </div>
              <div>
                <dt>{t('recommendation.JOINT')}</dt>
                <dd>{t('planner.jointValue', { groups: f.num(plan.joint), orgs: f.num(plan.jointOrganizations) })}</dd>
              </div>
              <div>
                <dt>{t('recommendation.WORK_COVERAGE')}</dt>
                <dd>{f.num(plan.workCoverage)}</dd>
              </div>
              <div>
                <dt>{t('planner.toSetUp')}</dt>
                <dd>{f.num(plan.partyOrganizationsToSetUp)}</dd>
              </div>
            </dl>
          </section>
          <section className="card" aria-labelledby="proposals-heading">
            <h2 id="proposals-heading">
              {t('planner.proposals')} <span className="muted small">({t('common.showingOf', { shown: f.num(Math.min(shown, proposals.length)), total: f.num(proposals.length) })})</span>
            </h2>
            {proposals.length === 0 ? (
              <Empty />
            ) : (
              <ol className="proposals">
                {proposals.slice(0, shown).map((p, i) => (
                  <li key={`${p.recommendation}-${p.organizations[0]?.id ?? i}`}>
                    <span className={`badge badge-${p.recommendation === 'WORK_COVERAGE' ? 'work' : 'good'}`}>{t(`recommendation.${p.recommendation}`)}</span>
                    {p.kind && <span className="badge">{t(`partyOrgKind.${p.kind}`)}</span>}
                    {p.groupedBy && <span className="badge">{t(`formationLevel.${p.groupedBy}`)}</span>}
                    <span className="muted small"> {t('planner.fullMembers', { n: f.num(p.fullMembers) })}</span>
                    <ul>
                      {p.organizations.map((o) => (
                        <li key={o.id}>
                          <Link to={organizationPath(o.creditCode)}>{o.name}</Link>
                        </li>
                      ))}
                    </ul>
                    <p className="muted small">{i18n.language === 'en' ? p.reason.en : p.reason.zh}</p>
                  </li>
                ))}
              </ol>
            )}
            {shown < proposals.length && (
              <button type="button" onClick={() => setShown((s) => s + PAGE)}>
                {t('common.more')}
              </button>
            )}
          </section>
        </>
      )}
    </div>
  );
}
