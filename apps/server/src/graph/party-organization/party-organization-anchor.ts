import { createUnionType } from 'type-graphql';
import { Area } from '../area/area.entity.js';
import { Building } from '../building/building.entity.js';
import { BusinessDistrict } from '../business-district/business-district.entity.js';
import { nodeTypeName } from '../node.js';
import { Organization } from '../organization/organization.entity.js';
import { Park } from '../park/park.entity.js';

/**
 * What a Party organization is anchored on (依托), as one field rather than five nullable ones:
 * a client asks `anchoredOn { __typename ... on Building { name } }` and gets the one that
 * applies. An industry Party committee has no anchor object (its `industry` says which).
 */
export const PartyOrganizationAnchorTarget = createUnionType({
  name: 'PartyOrganizationAnchorTarget',
  description:
    'The object a Party organization is anchored on (依托对象): an Organization (单独/联合组建 in one organization), a Park, Building or BusinessDistrict (container Party organization), or an Area (a street comprehensive Party committee 街道综合党委, or a district / city committee).',
  types: () => [Organization, Park, Building, BusinessDistrict, Area] as const,
  resolveType: (value: object) => nodeTypeName(value),
});
