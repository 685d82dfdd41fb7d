import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { SearchQuery } from '../../gql/graphql';
import { areaPath, containerPath, organizationPath } from '../../lib/paths';

export const searchQuery = graphql(`
  query Search($text: String!) {
    search(text: $text, first: 50) {
      totalCount
      truncated
      edges {
        match
        node {
          __typename
          ... on Organization {
            id
            name
            creditCode
            street {
              name
            }
          }
          ... on Area {
            id
            name
            code
            level
          }
          ... on Park {
            id
            name
          }
          ... on Building {
            id
            name
          }
          ... on BusinessDistrict {
            id
            name
          }
          ... on PartyOrganization {
            id
            name
            kind
          }
        }
      }
    }
  }
`);

type Hit = SearchQuery['search']['edges'][number]['node'];

function hitLink(hit: Hit): string | null {
  switch (hit.__typename) {
    case 'Organization':
      return organizationPath(hit.creditCode);
    case 'Area':
      return areaPath(hit.code);
    case 'Park':
    case 'Building':
    case 'BusinessDistrict':
      return containerPath(hit.id);
    default:
      return null;
  }
}

/** Search by name or code (按名称或代码搜索) across organizations, areas, containers and Party organizations. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const text = (params.get('q') ?? '').trim().slice(0, 100);
  const { data, error, refetch } = useQuery(searchQuery, { variables: { text }, skip: !text });

  return (
    <div className="page">
      <h1>{text ? t('search.titleFor', { text }) : t('search.title')}</h1>
      {!text ? (
        <Empty>{t('search.prompt')}</Empty>
      ) : error && !data ? (
        <ErrorState error={error} retry={refetch} />
      ) : !data ? (
        <Loading />
      ) : data.search.edges.length === 0 ? (
        <Empty>{t('search.none')}</Empty>
      ) : (
        <section className="card" aria-label={t('search.results')}>
          <ul className="search-results">
            {data.search.edges.map(({ node }) => {
              const to = hitLink(node);
              const label = node.__typename === 'Area' ? `${node.name} (${node.code})` : node.name;
              return (
                <li key={node.id}>
                  <span className="badge">{t(`search.type.${node.__typename}`)}</span> {to ? <Link to={to}>{label}</Link> : label}
                  {node.__typename === 'Organization' && <span className="muted small"> · {node.street.name} · {node.creditCode}</span>}
                </li>
              );
            })}
          </ul>
          {data.search.truncated && <p className="muted small">{t('search.truncated')}</p>}
        </section>
      )}
    </div>
  );
}
