import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { authFetch } from '../lib/authFetch';

/**
 * Interfaces and unions of the schema, so fragments on `Node`, `SearchResult` and the like
 * match in the cache. Kept by hand; apollo.test.ts checks it against schema.graphql.
 */
export const possibleTypes: Record<string, string[]> = {
  Node: [
    'Activity',
    'Area',
    'Building',
    'BusinessDistrict',
    'Fund',
    'Instructor',
    'LiaisonPoint',
    'MemberUnit',
    'Organization',
    'Park',
    'PartyMember',
    'PartyOrganization',
    'Visit',
    'WorkGroupMember',
    'WorkingCommittee',
  ],
  LiaisonResponsible: ['Instructor', 'MemberUnit', 'WorkGroupMember', 'WorkingCommittee'],
  PartyOrganizationAnchorTarget: ['Area', 'Building', 'BusinessDistrict', 'Organization', 'Park'],
  SearchResult: ['Area', 'Building', 'BusinessDistrict', 'Organization', 'Park', 'PartyOrganization'],
};

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes,
    typePolicies: {
      // Figures without an id (coverage, reports) belong to the field that asked for them, with
      // its arguments; merging them by parent would mix dates.
      CoverageStats: { keyFields: false },
      Viewer: { keyFields: false },
      // Accounts have no global id; the username is unique: an administrator's change updates the row.
      Account: { keyFields: ['username'] },
      // Likewise integration tokens by their unique name: revoking one updates its row.
      IntegrationToken: { keyFields: ['name'] },
    },
  });
}

/** One client per signed-in session: signing out resets its store, so no user sees another's data. */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, fetch: authFetch }),
    cache: createCache(),
  });
}
