import type { TestDatabase } from '@liangxin/db';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../test/helpers.js';
import { insertPlacesFixture } from '../../test/places-fixture.js';
import { Organization } from './organization/organization.entity.js';
import { tableShape } from '../db/table-shape.js';
import { declaredReads, needsOfField } from './selected-columns.js';
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

describe('readsFromParent declarations', () => {
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
