import { loadDataset } from '@liangxin/datagen';
import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestApp, testDatabase, type TestApp } from '../test/helpers.js';

/**
 * Fast at any depth (issue 3): the depth-5 analyst query — districts → streets → buildings →
 * organizations → covering Party organizations, with totalCount at every level — over the
 * scale-1 Jinan data set costs at most depth + 1 statements plus one per totalCount level,
 * whatever the list sizes. Counting statements is deterministic; nothing here is timed.
 */

const DEPTH_FIVE = /* GraphQL */ `
  query DepthFive($n: Int!) {
    areas(level: DISTRICT, first: $n) {
      totalCount
      nodes {
        code
        streets(first: $n) {
          totalCount
          nodes {
            code
            buildings(first: $n) {
              totalCount
              nodes {
                id
                organizations(first: $n) {
                  totalCount
                  nodes {
                    creditCode
                    partyOrganizations(first: $n) {
                      totalCount
                      nodes { name kind }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

interface Level<T> {
  totalCount: number;
  nodes: T[];
}
interface DepthFiveData {
  areas: Level<{
    code: string;
    streets: Level<{
      code: string;
      buildings: Level<{ id: string; organizations: Level<{ creditCode: string; partyOrganizations: Level<{ name: string }> }> }>;
    }>;
  }>;
}

const DEPTH = 5;
const TOTAL_COUNT_LEVELS = 5;

describe('a depth-5 analyst query over the scale-1 data set', () => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await testDatabase();
    await loadDataset(db.url, { scale: 1, seed: 1, asOf: '2026-11-28' });
    app = await startTestApp(db.url);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function run(n: number) {
    const { result, statements } = await app.server.statements.capture(() => app.gql<DepthFiveData>(DEPTH_FIVE, { n }));
    expect(result.body.errors).toBeUndefined();
    return { data: result.body.data!, statements };
  }

  it.each([1, 5, 40])('sends at most depth + 1 + one per totalCount level with %i rows per level', async (n) => {
    const { data, statements } = await run(n);
    expect(data.areas.nodes.length).toBe(Math.min(n, 12));
    expect(statements.length).toBeLessThanOrEqual(DEPTH + 1 + TOTAL_COUNT_LEVELS);
  });

  it('costs the same number of statements whatever the list sizes', async () => {
    const small = await run(2);
    const large = await run(100);
    expect(large.statements.length).toBe(small.statements.length);
    // The large run reaches many more rows with the same statements.
    const organizations = (d: DepthFiveData) =>
      d.areas.nodes.flatMap((a) => a.streets.nodes.flatMap((s) => s.buildings.nodes.flatMap((b) => b.organizations.nodes))).length;
    expect(organizations(large.data)).toBeGreaterThan(organizations(small.data) * 10);
  });

  it('answers with the counts the database holds', async () => {
    const { data } = await run(100);
    expect(data.areas.totalCount).toBe(12);
    const district = data.areas.nodes.find((a) => a.code === '370102')!;
    const streets = await sql(db.url, `SELECT count(*)::int AS n FROM area s JOIN area d ON d.id = s.parent_id WHERE d.code = '370102' AND s.level = 'STREET'`);
    expect(district.streets.totalCount).toBe(streets.rows[0].n);
    const street = district.streets.nodes.find((s) => s.buildings.totalCount > 0)!;
    const buildings = await sql(db.url, `SELECT count(*)::int AS n FROM building b JOIN area s ON s.id = b.street_id WHERE s.code = $1`, [street.code]);
    expect(street.buildings.totalCount).toBe(buildings.rows[0].n);
    const building = street.buildings.nodes.find((b) => b.organizations.totalCount > 0)!;
    const org = building.organizations.nodes[0]!;
    const covering = await sql(
      db.url,
      `SELECT count(*)::int AS n FROM party_organization_coverage c JOIN party_organization p ON p.id = c.party_organization_id
         JOIN organization o ON o.id = c.organization_id
        WHERE o.credit_code = $1 AND c.until IS NULL AND p.dissolved_on IS NULL`,
      [org.creditCode],
    );
    expect(org.partyOrganizations.totalCount).toBe(covering.rows[0].n);
  });
});
