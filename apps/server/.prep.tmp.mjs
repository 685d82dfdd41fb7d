import pg from 'pg';
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/dg1' });
await c.connect();
const statements = {
  q2: ['SELECT o."id" AS "id", o."credit_code" AS "creditCode", o."name" AS "name", o."employees" AS "employees", o."registered_on" AS "registeredOn", o."street_id" AS "streetId", (SELECT count(*)::int AS n FROM organization o WHERE ((o.category = $1) AND (o.status = $2))) AS "__total" FROM organization o WHERE ((o.category = $3) AND (o.status = $4)) ORDER BY o.id ASC LIMIT $5', ['NON_PUBLIC_ECONOMIC','ACTIVE','NON_PUBLIC_ECONOMIC','ACTIVE',21]],
  area: ['SELECT t."id" AS "id", t."code" AS "code", t."name" AS "name", t."level" AS "level", t."parent_id" AS "parentId", t."path" AS "path" FROM area t WHERE t."id" = ANY($1)', [[5,6,7,8,9,10,11,12]]],
};
for (const [k, [text, values]] of Object.entries(statements)) {
  for (const named of [false, true]) {
    const n = 300;
    for (let i = 0; i < 20; i++) await c.query(named ? { name: k, text, values } : { text, values });
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await c.query(named ? { name: k, text, values } : { text, values });
    console.log(k, named ? 'named  ' : 'unnamed', (Number(process.hrtime.bigint() - t) / 1e6 / n).toFixed(3), 'ms');
  }
}
await c.end();
