import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AreaResolver } from './graph/area/area.resolver.js';
import { BuildingResolver } from './graph/building/building.resolver.js';
import { BusinessDistrictResolver } from './graph/business-district/business-district.resolver.js';
import { OrganizationResolver } from './graph/organization/organization.resolver.js';
import {
  AreaOrganizationsResolver,
  BuildingOrganizationsResolver,
  BusinessDistrictOrganizationsResolver,
  OrganizationListResolver,
  ParkOrganizationsResolver,
  PartyOrganizationCoveredResolver,
} from './graph/organization/organization-list.resolver.js';
import { NodeResolver } from './graph/node.resolver.js';
import { ParkResolver } from './graph/park/park.resolver.js';
import { PartyOrganization } from './graph/party-organization/party-organization.entity.js';
import { PartyOrganizationResolver } from './graph/party-organization/party-organization.resolver.js';
import { DateTime } from './graph/scalars.js';

/** Every resolver class, one per node folder. A new node type adds its resolver here. */
export const RESOLVERS = [
  AreaResolver,
  ParkResolver,
  BuildingResolver,
  BusinessDistrictResolver,
  OrganizationResolver,
  PartyOrganizationResolver,
  OrganizationListResolver,
  AreaOrganizationsResolver,
  ParkOrganizationsResolver,
  BuildingOrganizationsResolver,
  BusinessDistrictOrganizationsResolver,
  PartyOrganizationCoveredResolver,
  NodeResolver,
] as const;

/** Types no root field reaches yet; the Node interface (next issue) will reach them. */
const ORPHANED_TYPES = [PartyOrganization];

let schema: Promise<GraphQLSchema> | undefined;

/**
 * The GraphQL schema, built once per process from the decorator metadata (it is immutable, so
 * every server in the process can share it).
 */
export function buildLiangxinSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [...RESOLVERS],
    orphanedTypes: ORPHANED_TYPES,
    scalarsMap: [{ type: Date, scalar: DateTime }],
    // Arguments are checked by hand where the domain has a rule (credit code, area code), with
    // messages that say why; class-validator is not used.
    validate: false,
  });
  return schema;
}

/**
 * The SDL as committed in apps/server/schema.graphql. Not sorted: fields and enum values keep
 * the order of the source (code, name, level; CITY → COMMUNITY), which is deterministic.
 */
export async function printLiangxinSchema(): Promise<string> {
  return `${printSchema(await buildLiangxinSchema())}\n`;
}
