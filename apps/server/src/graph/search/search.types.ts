import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Area } from '../area/area.entity.js';
import { Building } from '../building/building.entity.js';
import { BusinessDistrict } from '../business-district/business-district.entity.js';
import { PageInfo } from '../connection.js';
import { nodeTypeName } from '../node.js';
import { Organization } from '../organization/organization.entity.js';
import { Park } from '../park/park.entity.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';

/** The most hits one search lists: the best ones, ranked; the rest are left out (`truncated`). */
export const MAX_SEARCH_HITS = 200;

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description:
    'Something `search` found (搜索结果): an organization, Party organization, area, park, building or business district. Every member implements Node.',
  types: () => [Organization, PartyOrganization, Area, Park, Building, BusinessDistrict] as const,
  resolveType: (value) => nodeTypeName(value),
});

export enum SearchType {
  ORGANIZATION = 'ORGANIZATION',
  PARTY_ORGANIZATION = 'PARTY_ORGANIZATION',
  AREA = 'AREA',
  PARK = 'PARK',
  BUILDING = 'BUILDING',
  BUSINESS_DISTRICT = 'BUSINESS_DISTRICT',
}
registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'A kind of object `search` can find (搜索对象类型).',
  valuesConfig: {
    ORGANIZATION: { description: 'Organizations (两新组织), by name or unified social credit code.' },
    PARTY_ORGANIZATION: { description: 'Party organizations (党组织), by name.' },
    AREA: { description: 'Areas (行政区划), by name or division code.' },
    PARK: { description: 'Parks (园区), by name.' },
    BUILDING: { description: 'Buildings (楼宇), by name.' },
    BUSINESS_DISTRICT: { description: 'Business districts and markets (商圈 / 市场), by name.' },
  },
});

/** Match kinds in rank order: a smaller tier ranks first. */
export enum SearchMatch {
  EXACT_CODE = 'EXACT_CODE',
  EXACT_NAME = 'EXACT_NAME',
  NAME_PREFIX = 'NAME_PREFIX',
  CODE_PREFIX = 'CODE_PREFIX',
  NAME_CONTAINS = 'NAME_CONTAINS',
  SIMILAR_NAME = 'SIMILAR_NAME',
}
registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  description: 'How a hit matched the search text (匹配方式), best first; hits are ranked by this, then by score.',
  valuesConfig: {
    EXACT_CODE: { description: 'The text is its unified social credit code or division code (代码完全一致).' },
    EXACT_NAME: { description: 'The text is its name, ignoring case (名称完全一致).' },
    NAME_PREFIX: { description: 'Its name starts with the text (名称开头一致).' },
    CODE_PREFIX: { description: 'Its credit code (9 or more characters given) or division code (4 or more digits) starts with the text (代码开头一致).' },
    NAME_CONTAINS: { description: 'Its name contains the text (名称包含).' },
    SIMILAR_NAME: { description: 'Its name is similar to the text (trigram similarity ≥ 0.3; for texts of 6 or more characters) (名称相似).' },
  },
});

/** Rank order of match kinds, as the SQL tier numbers. */
export const MATCH_BY_TIER = [
  SearchMatch.EXACT_CODE,
  SearchMatch.EXACT_NAME,
  SearchMatch.NAME_PREFIX,
  SearchMatch.CODE_PREFIX,
  SearchMatch.NAME_CONTAINS,
  SearchMatch.SIMILAR_NAME,
] as const;

export type SearchNode = Organization | PartyOrganization | Area | Park | Building | BusinessDistrict;

@ObjectType('SearchResultEdge', { description: 'One hit of a search: the object, how it matched, and its cursor.' })
export class SearchResultEdge {
  @Field(() => String, { description: 'Opaque cursor of this hit, for `after` / `before` (valid for the same search text).' })
  cursor: string;

  @Field(() => SearchResult, { description: 'The object found.' })
  node: SearchNode;

  @Field(() => SearchMatch, { description: 'How it matched (匹配方式).' })
  match: SearchMatch;

  @Field(() => Float, { description: 'Trigram similarity of its name to the text, 0 to 1 (相似度); orders hits of the same match kind.' })
  score: number;
}

@ObjectType('SearchResultConnection', {
  description: `A page of search hits (Relay connection), ranked best first: at most ${MAX_SEARCH_HITS} hits in all.`,
})
export class SearchResultConnection {
  @Field(() => [SearchResultEdge], { description: 'The hits of this page with their cursors.' })
  edges: SearchResultEdge[];

  @Field(() => [SearchResult], { description: 'The objects of this page (the edges without cursors).' })
  nodes: SearchNode[];

  @Field(() => PageInfo, { description: 'Where this page sits in the ranked hits.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: `How many hits the search lists, at most ${MAX_SEARCH_HITS} (see \`truncated\`).` })
  totalCount: number;

  @Field(() => Boolean, {
    description: `true when more than ${MAX_SEARCH_HITS} objects matched and only the ${MAX_SEARCH_HITS} best are listed: make the text more specific (结果过多, 请细化).`,
  })
  truncated: boolean;
}
