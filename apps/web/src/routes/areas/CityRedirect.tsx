import { useQuery } from '@apollo/client/react';
import { Navigate } from 'react-router';
import { ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import { areaPath } from '../../lib/paths';

export const cityAreaQuery = graphql(`
  query CityArea {
    areas(level: CITY, first: 1) {
      nodes {
        code
      }
    }
  }
`);

/** /areas: the top of the drill-down, the city (its code comes from the data, not from here). */
export function CityRedirect() {
  const { data, error, refetch } = useQuery(cityAreaQuery);
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  const code = data?.areas.nodes[0]?.code;
  if (!code) return <Loading />;
  return <Navigate to={areaPath(code)} replace />;
}
