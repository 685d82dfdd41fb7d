import type { TestDatabase } from '@liangxin/db';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../test/helpers.js';
import { insertPlacesFixture } from '../../test/places-fixture.js';
import { Organization } from './organization/organization.entity.js';
import { tableShape } from '../db/table-shape.js';
import { declaredJoins, declaredReads, needsOfField } from './selected-columns.js';
import { nodeTypeName } from './node.js';

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertPlacesFixture(db.url);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function measured(query: string) {
  const { result, statements } = await app.server.statements.capture(() => app.gql(query));
  expect(result.body.errors).toBeUndefined();
  return { data: result.body.data as Record<string, any>, statements };
}

const BUILDINGS_ORGANIZATIONS = (fields: string) => `{
  buildings(first: 10) { nodes { name organizations(first: 10) { totalCount nodes { ${fields} } } } }
}`;

describe('lists fetch only the columns the query asks for', () => {
  it('selects the asked columns, the id and the ordering column, and answers as with every column', async () => {
    const narrow = await measured(BUILDINGS_ORGANIZATIONS('creditCode name'));
    const organizationStatement = narrow.statements.find((s) => /FROM organization o/.test(s))!;
    expect(organizationStatement).toMatch(/o\."credit_code"/);
    expect(organizationStatement).toMatch(/o\."name"/);
    expect(organizationStatement).not.toMatch(/o\."created_at"|o\."employees"|o\."address"/);

    // More plain column fields: more columns, the same rows.
    const wide = await measured(BUILDINGS_ORGANIZATIONS('creditCode name employees registeredOn createdAt'));
    expect(wide.statements.find((s) => /FROM organization o/.test(s))).toMatch(/o\."employees"/);
    const strip = (data: Record<string, any>) =>
      data.buildings.nodes.map((b: any) => b.organizations.nodes.map((o: any) => ({ creditCode: o.creditCode, name: o.name })));
    expect(strip(narrow.data)).toEqual(strip(wide.data));
    expect(strip(narrow.data).flat().length).toBeGreaterThan(0);
  });

  it('fetches what a field resolver declares it reads, so to-one relations still resolve', async () => {
    const { data, statements } = await measured(BUILDINGS_ORGANIZATIONS('name building { name } street { code }'));
    const organizationStatement = statements.find((s) => /FROM organization o/.test(s))!;
    expect(organizationStatement).toMatch(/o\."building_id"/);
    expect(organizationStatement).toMatch(/o\."street_id"/);
    expect(organizationStatement).not.toMatch(/o\."credit_code"/);
    for (const building of data.buildings.nodes) {
      for (const organization of building.organizations.nodes) {
        expect(organization.building.name).toBe(building.name);
        expect(organization.street.code).toMatch(/^\d{9}$/);
      }
    }
  });

  it('reads fields through fragments and edges, and then a node(id) of a listed row is whole', async () => {
    const first = await measured(`{
      organizations(first: 3) { edges { cursor node { ...Named } } }
    }
    fragment Named on Organization { id name }`);
    const statement = first.statements.find((s) => /FROM organization o/.test(s))!;
    expect(statement).not.toMatch(/o\."credit_code"/);
    const id = first.data.organizations.edges[0].node.id as string;
    // The same request lists the row narrowly and then asks for all of it by id: the by-id loader
    // was not primed with the narrow row, so every field is there.
    const both = await measured(`{
      organizations(first: 3) { nodes { id name } }
      node(id: "${id}") { ... on Organization { name creditCode employees registeredOn category } }
    }`);
    const whole = both.data.node;
    expect(whole.name).toBe(first.data.organizations.edges[0].node.name);
    expect(whole.creditCode).toMatch(/^[0-9A-Z]{18}$/);
    expect(typeof whole.employees).toBe('number');
    expect(whole.registeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a row listed without a column refuses to be read for it, naming the column', () => {
    const shape = tableShape(app.server.dataSource.manager, Organization);
    const fetched = shape.columnsFor(['name'], 'id');
    expect(fetched.complete).toBe(false);
    const row: Record<string, unknown> = { id: 7, name: '某科技有限公司' };
    fetched.hydrate(row);
    const organization = row as unknown as Organization;
    expect(organization).toBeInstanceOf(Organization);
    expect(nodeTypeName(organization)).toBe('Organization');
    expect(organization.name).toBe('某科技有限公司');
    expect(() => organization.creditCode).toThrow(/Organization\.creditCode was read from a row listed without it/);
    // Every column asked for: the whole row, as before.
    expect(shape.columnsFor(shape.columns.map((c) => c.property), 'id').complete).toBe(true);
    expect(shape.columnsFor(null, 'id').complete).toBe(true);
  });
});

describe('lists fetch their to-one relations in the same statement', () => {
  it('a root list answers its organizations and their streets and parks in one statement', async () => {
    const { data, statements } = await measured(`{
      organizations(first: 20) { totalCount nodes { creditCode street { code name } park { name } } }
    }`);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/LEFT JOIN area __j\d+ ON/);
    expect(statements[0]).toMatch(/LEFT JOIN park __j\d+ ON/);
    // The same answers the by-id loaders gave, checked against the tables.
    const nodes = data.organizations.nodes as any[];
    expect(nodes.length).toBeGreaterThan(0);
    const rows = await app.server.dataSource.query(
      `SELECT o.credit_code, s.code, s.name, p.name AS park FROM organization o JOIN area s ON s.id = o.street_id
         LEFT JOIN park p ON p.id = o.park_id WHERE o.credit_code = ANY($1)`,
      [nodes.map((n) => n.creditCode)],
    );
    const byCode = new Map(rows.map((r: any) => [r.credit_code, r]));
    for (const node of nodes) {
      const row = byCode.get(node.creditCode) as any;
      expect(node.street).toEqual({ code: row.code, name: row.name });
      expect(node.park).toEqual(row.park === null ? null : { name: row.park });
    }
  });

  it('a nested list joins too, and a joined row is whole for a later node(id)', async () => {
    const { data, statements } = await measured(BUILDINGS_ORGANIZATIONS('name street { id code }'));
    expect(statements.some((s) => /FROM area t WHERE/.test(s))).toBe(false);
    const street = data.buildings.nodes.flatMap((b: any) => b.organizations.nodes)[0].street;
    const again = await measured(`{ node(id: "${street.id}") { ... on Area { code name level parent { code } } } }`);
    expect(again.data.node.code).toBe(street.code);
    expect(again.data.node.level).toBe('STREET');
    expect(again.data.node.parent.code).toMatch(/^\d{6}$/);
  });
});

describe('readsFromParent and joinsToOne declarations', () => {
  it('joins name to-one fields of their type whose type is the joined entity, through a column', () => {
    const manager = app.server.dataSource.manager;
    let declarations = 0;
    for (const [entity, fields] of declaredJoins()) {
      const typeName = nodeTypeName(Object.create((entity as { prototype: object }).prototype))!;
      const type = app.server.schema.getType(typeName);
      const columns = new Set(tableShape(manager, entity as never).columns.map((c) => c.property));
      for (const [field, join] of fields) {
        declarations++;
        const target = nodeTypeName(Object.create(join.to().prototype as object));
        const fieldType = isObjectType(type) ? type.getFields()[field]?.type.toString() : undefined;
        expect(fieldType?.replace(/!$/, ''), `${typeName}.${field} is a ${target}`).toBe(target);
        expect(columns.has(join.via), `${typeName}.${field} joins through column ${join.via}`).toBe(true);
      }
    }
    expect(declarations).toBeGreaterThanOrEqual(6);
  });

  it('name fields of their type and columns of their entity', () => {
    const manager = app.server.dataSource.manager;
    let declarations = 0;
    for (const [entity, fields] of declaredReads()) {
      const typeName = nodeTypeName(Object.create((entity as { prototype: object }).prototype));
      const type = app.server.schema.getType(typeName ?? '');
      expect(isObjectType(type), `${entity.name} is a GraphQL object type`).toBe(true);
      const columns = new Set(tableShape(manager, entity as never).columns.map((c) => c.property));
      for (const [field, properties] of fields) {
        declarations++;
        expect(isObjectType(type) && type.getFields()[field], `${typeName}.${field} exists`).toBeTruthy();
        for (const property of properties) expect(columns.has(property), `${typeName}.${field} reads column ${property}`).toBe(true);
      }
    }
    expect(declarations).toBeGreaterThan(20);
  });

  it('plain column fields need their column; undeclared resolvers and getters need every column', () => {
    expect(needsOfField(Organization, 'creditCode')).toEqual(['creditCode']);
    expect(needsOfField(Organization, 'id')).toEqual([]);
    expect(needsOfField(Organization, 'building')).toEqual(['buildingId']);
    // Organization.responsibility is a field resolver nobody declared.
    expect(needsOfField(Organization, 'responsibility')).toBeNull();
  });
});
