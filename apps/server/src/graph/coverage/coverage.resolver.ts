import type { GraphQLResolveInfo } from 'graphql';
import { FULL_MEMBERS_FOR_ORGANIZATION } from '@liangxin/domain';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { Building } from '../building/building.entity.js';
import { BusinessDistrict } from '../business-district/business-district.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { findPage, runQuery, wantsTotalCount } from '../list.js';
import { OrganizationFilter, OrganizationOrder, organizationConditions, organizationOrder } from '../organization/organization.input.js';
import { Organization } from '../organization/organization.entity.js';
import { Park } from '../park/park.entity.js';
import { partyOrganizationScopeRelations } from '../party-organization/party-organization.input.js';
import { LocalDate } from '../scalars.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { readsFromParent } from '../selected-columns.js';
import { computedInList, computedValue, type ExtraContext, type RowExtra } from '../row-extras.js';
import { coverageAt } from './coverage.args.js';
import {
  blindSpotAt,
  breakdownGrouping,
  coverageStatement,
  tallied,
  tallyChildAreaStatement,
  TALLY_PROBE_COLUMNS,
  tallyProbe,
  tallyTotalStatement,
  toCountsRow,
  totalGrouping,
  type CoverageAt,
  type CoveragePlace,
  type ScopeSql,
} from './coverage.sql.js';
import {
  BlindSpot,
  BlindSpotConnection,
  CoverageBreakdown,
  CoverageGap,
  CoverageGroupBy,
  CoverageRow,
  CoverageStats,
  coverageStats,
} from './coverage.types.js';

/**
 * Coverage measures (docs/measures.md): `coverage` on every area and container, the root
 * breakdown `coverage(scope, groupBy)` and the `blindSpots` list. Fields returning coverage
 * types live here whichever type they hang on; every figure is one statement per level.
 */

const asOfArg = () =>
  Arg('asOf', () => LocalDate, {
    nullable: true,
    description: 'The date the figures describe (基准日期); default today in Asia/Shanghai. At most a year ahead.',
  });
const windowArg = () =>
  Arg('window', () => Int, {
    nullable: true,
    description: 'Days of the window for visits and activities, ending on asOf inclusive (时间窗口); default 90, from 1 to 3650.',
  });

const scopeDescription =
  'Where to look: an administrative division code (e.g. "370102") or the id of an Area, Park, Building or BusinessDistrict, and everything beneath it; default the city.';

/**
 * coverageAt once per request and pair of arguments: a list of 112 streets asks each street's
 * coverage with the same `asOf` and `window`, and checking them (today in Shanghai, the date's
 * shape, its range) 112 times was a fifth of that response's allocations. Per request, so
 * "today" is read afresh for each.
 */
const checkedArguments = new WeakMap<object, Map<string | null | undefined, Map<number | null | undefined, CoverageAt>>>();

function coverageAtOnce(ctx: Context, asOf: string | null | undefined, window: number | null | undefined): CoverageAt {
  // Keyed by the values themselves (no key string made per call).
  let byAsOf = checkedArguments.get(ctx.loaders);
  if (!byAsOf) checkedArguments.set(ctx.loaders, (byAsOf = new Map()));
  let byWindow = byAsOf.get(asOf);
  if (!byWindow) byAsOf.set(asOf, (byWindow = new Map()));
  let at = byWindow.get(window);
  if (!at) byWindow.set(window, (at = coverageAt(asOf, window)));
  return at;
}

/** Names a place's coverage on `at` where a list computed it (row-extras.ts); made once per `at`. */
const computedKeys = new WeakMap<CoverageAt, string>();
function computedKey(at: CoverageAt): string {
  let key = computedKeys.get(at);
  if (key === undefined) computedKeys.set(at, (key = `coverage|${at.asOf}|${at.window}`));
  return key;
}

function placeCoverage(
  ctx: Context,
  place: CoveragePlace,
  row: { id: number },
  asOf: string | null | undefined,
  window: number | null | undefined,
): CoverageStats | Promise<CoverageStats> {
  const at = coverageAtOnce(ctx, asOf, window);
  const computed = computedValue<CoverageStats>(row, computedKey(at));
  if (computed) return computed;
  return ctx.loaders.coverage
    .stats(place, at)
    .load(row.id)
    .then((counts) => coverageStats(counts, at));
}

/**
 * Lists of places compute `coverage` in their own statement when the tally answers it (the
 * default window, no row-level security): one probe of the tally per row, joined to the page.
 * Otherwise, or for arguments coverageAt refuses (the resolver then reports them at the field's
 * path), the loader answers as before.
 */
function computedCoverage(place: CoveragePlace) {
  return (args: Record<string, unknown>, ctx: ExtraContext): RowExtra | null => {
    if (ctx.rowLevelSecurity !== false) return null;
    let at: CoverageAt;
    try {
      at = coverageAt(args.asOf as string | null | undefined, args.window as number | null | undefined);
    } catch {
      return null;
    }
    if (!tallied(at)) return null;
    return {
      key: computedKey(at),
      lateral: (alias) => tallyProbe(place, raw(`${alias}.id`), at),
      columns: TALLY_PROBE_COLUMNS,
      // Indexed, not destructured: this runs for every row of every such list.
      take: (v) =>
        coverageStats(
          v[0] == null
            ? undefined
            : {
                key: '',
                label: null,
                inScope: Number(v[0]),
                organizationCovered: Number(v[1]),
                workCovered: Number(v[2]),
                blindSpots: Number(v[3]),
                standaloneEligibleUncovered: Number(v[4]),
                weakPartyOrganizations: Number(v[5]),
              },
          at,
        ),
    };
  };
}

computedInList(Area, 'coverage', computedCoverage('Area'));
computedInList(Park, 'coverage', computedCoverage('Park'));
computedInList(Building, 'coverage', computedCoverage('Building'));
computedInList(BusinessDistrict, 'coverage', computedCoverage('BusinessDistrict'));

const coverageField = (place: string, plural: string, holds: string) =>
  FieldResolver(() => CoverageStats, {
    description: `Coverage of the two-new organizations of this ${place} on \`asOf\` (覆盖情况): organization and work coverage, blind spots, rates, weak Party organizations. ${holds} Batched: the coverage of many ${plural} in one response is one statement.`,
  });

@Resolver(() => Area)
export class AreaCoverageResolver {
  @coverageField('area', 'areas', 'Holds the organizations whose street is this area or lies beneath it.')
  coverage(@Root() area: Area, @asOfArg() asOf: string | null, @windowArg() window: number | null, @Ctx() ctx: Context): CoverageStats | Promise<CoverageStats> {
    return placeCoverage(ctx, 'Area', area, asOf, window);
  }
}

@Resolver(() => Park)
export class ParkCoverageResolver {
  @coverageField('park', 'parks', 'Holds the organizations located in the park (their park).')
  coverage(@Root() park: Park, @asOfArg() asOf: string | null, @windowArg() window: number | null, @Ctx() ctx: Context): CoverageStats | Promise<CoverageStats> {
    return placeCoverage(ctx, 'Park', park, asOf, window);
  }
}

@Resolver(() => Building)
export class BuildingCoverageResolver {
  @coverageField('building', 'buildings', 'Holds the organizations located in the building.')
  coverage(@Root() building: Building, @asOfArg() asOf: string | null, @windowArg() window: number | null, @Ctx() ctx: Context): CoverageStats | Promise<CoverageStats> {
    return placeCoverage(ctx, 'Building', building, asOf, window);
  }
}

@Resolver(() => BusinessDistrict)
export class BusinessDistrictCoverageResolver {
  @coverageField('business district', 'business districts', 'Holds the organizations located in the business district or market.')
  coverage(
    @Root() businessDistrict: BusinessDistrict,
    @asOfArg() asOf: string | null,
    @windowArg() window: number | null,
    @Ctx() ctx: Context,
  ): CoverageStats | Promise<CoverageStats> {
    return placeCoverage(ctx, 'BusinessDistrict', businessDistrict, asOf, window);
  }
}

const CITY = raw(`(SELECT __city.id FROM area __city WHERE __city.level = 'CITY' ORDER BY __city.id LIMIT 1)`);

function scopeSql(kind: CoveragePlace, id: Sql): ScopeSql {
  const po = partyOrganizationScopeRelations('p')[kind](id);
  switch (kind) {
    case 'Area':
      return { kind, id, org: inAreaSubtree(raw('o.street_id'), id), po };
    case 'Park':
      return { kind, id, org: sql`o.park_id = ${id}`, po };
    case 'Building':
      return { kind, id, org: sql`o.building_id = ${id}`, po };
    case 'BusinessDistrict':
      return { kind, id, org: sql`o.business_district_id = ${id}`, po };
  }
}

/** The scope argument through the engine's scope parser (same codes, ids and refusals as the list filters). */
export function resolveScope(scope: string | null | undefined): ScopeSql {
  if (scope == null) return scopeSql('Area', CITY);
  let found: { kind: CoveragePlace; id: Sql } | undefined;
  const capture = (kind: CoveragePlace) => (id: Sql) => {
    found = { kind, id };
    return raw('TRUE');
  };
  scopeCondition(scope, ['scope'], {
    Area: capture('Area'),
    Park: capture('Park'),
    Building: capture('Building'),
    BusinessDistrict: capture('BusinessDistrict'),
  });
  return scopeSql(found!.kind, found!.id);
}

@Resolver()
export class CoverageResolver {
  @Query(() => CoverageBreakdown, {
    description:
      'Coverage of a scope on `asOf` (覆盖情况统计): the totals, and rows grouped by `groupBy` (child area, container type, category, industry). Two statements whatever the scope. Definitions: docs/measures.md.',
  })
  async coverage(
    @Arg('scope', () => String, { nullable: true, description: scopeDescription }) scope: string | null,
    @asOfArg() asOf: string | null,
    @windowArg() window: number | null,
    @Arg('groupBy', () => CoverageGroupBy, { nullable: true, description: 'How to group `rows`; none: `rows` is empty.' })
    groupBy: CoverageGroupBy | null,
    @Ctx() { db, rowLevelSecurity }: Context,
  ): Promise<CoverageBreakdown> {
    const at = coverageAt(asOf, window);
    const where = resolveScope(scope);
    if (groupBy === CoverageGroupBy.CHILD_AREA && where.kind !== 'Area') {
      throw new BadUserInputError('groupBy CHILD_AREA needs an area scope (a division code or an Area id).', {
        field: ['groupBy'],
        reason: 'GROUP_BY_SCOPE',
        localizedMessage: {
          zh: '按下级区划分组（CHILD_AREA）需要以行政区划为范围',
          en: 'groupBy CHILD_AREA needs an area scope (a division code or an Area id).',
        },
      });
    }
    // The default window is answered from the tally (totals and child areas); other windows and
    // groupings from the facts, as is everything under row-level security (the tally counts the
    // whole city; such a caller's figures count only what it may see).
    const fromTally = tallied(at) && !rowLevelSecurity;
    const [totals, rows] = await Promise.all([
      runQuery(db, fromTally ? tallyTotalStatement(where, at) : coverageStatement(totalGrouping(where), at)),
      groupBy === CoverageGroupBy.CHILD_AREA && fromTally
        ? runQuery(db, tallyChildAreaStatement(where, at))
        : groupBy
          ? runQuery(db, coverageStatement(breakdownGrouping(where, groupBy), at))
          : Promise.resolve([]),
    ]);
    const breakdown = new CoverageBreakdown();
    breakdown.scope = scope;
    breakdown.totals = coverageStats(totals[0] ? toCountsRow(totals[0]) : undefined, at);
    breakdown.groupBy = groupBy ?? null;
    breakdown.rows = rows.map((r) => {
      const counts = toCountsRow(r);
      const row = new CoverageRow();
      row.key = counts.key;
      row.label = counts.label ?? counts.key;
      row.stats = coverageStats(counts, at);
      return row;
    });
    return breakdown;
  }

  @Query(() => BlindSpotConnection, {
    description:
      'The blind spots (空白点) of a scope on `asOf`: in-scope organizations neither organization-covered nor work-covered, each with what it lacks; keyset-paginated in `orderBy` order (default by id), narrowed by `filter`.',
  })
  async blindSpots(
    @Arg('scope', () => String, { nullable: true, description: scopeDescription }) scope: string | null,
    @asOfArg() asOf: string | null,
    @windowArg() window: number | null,
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Further conditions on the organizations.' })
    filter: OrganizationFilter | null,
    @Arg('orderBy', () => OrganizationOrder, { nullable: true, description: "Order (default: by id; a street worker's 专包 organizations first)." })
    orderBy: OrganizationOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders, principal }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<BlindSpot>> {
    const at = coverageAt(asOf, window);
    const where = resolveScope(scope);
    const organizations = await findPage(
      db,
      {
        entity: Organization,
        alias: 'o',
        where: [where.org, blindSpotAt('o', at), ...organizationConditions(filter, ['filter'])],
        order: organizationOrder(orderBy, principal),
      },
      page,
      loaders.primeNodes,
      wantsTotalCount(info),
    );
    const spots = await blindSpotsOf(organizations.nodes, at, loaders.coverage);
    const edges = organizations.edges.map((edge, i) => ({ cursor: edge.cursor, node: spots[i]! }));
    return {
      edges,
      nodes: spots,
      pageInfo: organizations.pageInfo,
      get totalCount() {
        return organizations.totalCount;
      },
    };
  }
}

async function blindSpotsOf(organizations: Organization[], at: CoverageAt, coverage: Context['loaders']['coverage']): Promise<BlindSpot[]> {
  if (organizations.length === 0) return [];
  const facts = await coverage.facts(at).loadMany(organizations.map((o) => o.id));
  return organizations.map((organization, i) => {
    const f = facts[i];
    if (f instanceof Error) throw f;
    const spot = new BlindSpot();
    spot.organization = organization;
    spot.fullMembers = f!.fullMembers;
    spot.standaloneEligible = f!.fullMembers >= FULL_MEMBERS_FOR_ORGANIZATION;
    spot.lastVisitOn = f!.lastVisitOn;
    spot.hasWorkGroupContact = f!.hasWorkGroupContact;
    spot.hasLiaisonPoint = f!.hasLiaisonPoint;
    spot.lacks = [
      CoverageGap.PARTY_ORGANIZATION,
      CoverageGap.INSTRUCTOR,
      CoverageGap.RECENT_VISIT,
      ...(f!.hasWorkGroupContact ? [] : [CoverageGap.WORK_GROUP_CONTACT]),
      ...(f!.hasLiaisonPoint ? [] : [CoverageGap.LIAISON_POINT]),
    ];
    return spot;
  });
}

// Coverage reads only the place's id.
readsFromParent(Area, { coverage: [] });
readsFromParent(Park, { coverage: [] });
readsFromParent(Building, { coverage: [] });
readsFromParent(BusinessDistrict, { coverage: [] });
