import { dataOf, type Scenario } from './types.js';

/**
 * Q3: the coverage of all 112 streets on the data set's as-of date (issue 4's scenario, as in
 * coverage-bench.ts): districts, their streets, each street's counts and overall rate.
 */
const OURS = /* GraphQL */ `query Q3StreetCoverage($asOf: Date) {
  areas(level: DISTRICT, first: 100) {
    nodes { code children(first: 100) { nodes { code coverage(asOf: $asOf) { inScope organizationCovered workCovered blindSpots overallCoverageRate } } } }
  }
}`;

/**
 * The floor reads the same tally the server reads (coverage_tally: per place, the counts from
 * each day a count changed; the row with the latest day ≤ asOf), one probe per street.
 */
const FLOOR = /* sql */ `
SELECT coalesce(json_agg(json_build_object('code', d.code, 'streets', (
  SELECT coalesce(json_agg(json_build_object('code', s.code,
    'inScope', coalesce(t.in_scope, 0), 'organizationCovered', coalesce(t.organization_covered, 0),
    'workCovered', coalesce(t.work_covered, 0), 'blindSpots', coalesce(t.blind_spots, 0),
    'overallCoverageRate', CASE WHEN coalesce(t.in_scope, 0) = 0 THEN 0
      ELSE (t.organization_covered + t.work_covered)::float8 / t.in_scope END) ORDER BY s.code), '[]')
  FROM area s
  LEFT JOIN LATERAL (SELECT * FROM coverage_tally t WHERE t.grain = 'A'::"char" AND t.place_id = s.id AND t.day <= $1::date
                     ORDER BY t.day DESC LIMIT 1) t ON true
  WHERE s.parent_id = d.id)) ORDER BY d.code), '[]') AS json
FROM (SELECT * FROM area WHERE level = 'DISTRICT' ORDER BY code LIMIT 100) d`;

const round = (x: number) => Math.round(x * 1e9) / 1e9;

export const q3: Scenario = {
  id: 'Q3',
  title: 'Q3 coverage of all 112 streets on the as-of date',
  floorSql: FLOOR,
  async prepare(ctx) {
    return {
      ours: { body: { query: OURS, variables: { asOf: ctx.asOf } } },
      postgraphile: {
        skip:
          'not askable: stock PostGraphile 4 exposes tables with equality conditions; coverage "as of a date" needs the latest tally row per street (or the measures over the facts), which takes a SQL function added to the database or plugins',
      },
      floor: { params: [ctx.asOf] },
      normalise: {
        ours(response) {
          return dataOf(response).areas.nodes.map((d: any) => ({
            code: d.code,
            streets: d.children.nodes.map((s: any) => ({ code: s.code, ...s.coverage, overallCoverageRate: round(s.coverage.overallCoverageRate) })),
          }));
        },
        postgraphile: () => null,
        floor(json) {
          return json.map((d: any) => ({ code: d.code, streets: d.streets.map((s: any) => ({ ...s, overallCoverageRate: round(s.overallCoverageRate) })) }));
        },
      },
    };
  },
};
