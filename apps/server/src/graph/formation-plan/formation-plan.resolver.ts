import { planFormation } from '@liangxin/domain';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { coverageAt } from '../coverage/coverage.args.js';
import { resolveScope } from '../coverage/coverage.resolver.js';
import { runQuery } from '../list.js';
import { LocalDate } from '../scalars.js';
import { toPlannerOrganization, uncoveredOrganizationsStatement } from './formation-plan.sql.js';
import { FormationPlan, formationPlanOf } from './formation-plan.types.js';

@Resolver()
export class FormationPlanResolver {
  @Query(() => FormationPlan, {
    description:
      'The formation plan (党组织组建规划) of a scope on `asOf`: every in-scope organization not organization-covered gets one recommendation — STANDALONE (3+ full members, kind by size), JOINT with uncovered neighbours (same building, then business district, then park, then street, until 3 full members), or WORK_COVERAGE. Deterministic. One statement for the plan, one for the organizations of all proposals. Rules: docs/measures.md.',
  })
  async formationPlan(
    @Arg('scope', () => String, {
      nullable: true,
      description:
        'Where to plan: an administrative division code (e.g. "370102") or the id of an Area, Park, Building or BusinessDistrict, and everything beneath it; default the city. Neighbours outside the scope are not considered.',
    })
    scope: string | null,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'The date (基准日期); default today in Asia/Shanghai. At most a year ahead.' })
    asOf: string | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<FormationPlan> {
    const at = coverageAt(asOf, null);
    const rows = await runQuery(db, uncoveredOrganizationsStatement(resolveScope(scope), at));
    return formationPlanOf(scope, at.asOf, planFormation(rows.map(toPlannerOrganization)), loaders);
  }
}
