import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import { useFormat } from '../../lib/format';

// Its own query, asked only when the user opens the trail: it needs the organization's global
// id, which the page learns from its own query, and most visits never open it.
export const organizationAuditQuery = graphql(`
  query OrganizationAudit($nodeId: ID!) {
    auditLog(nodeId: $nodeId, first: 50) {
      totalCount
      nodes {
        at
        actor
        operation
        nodeType
        before
        after
      }
    }
  }
`);

/** Which fields an audit entry changed, from its before/after records. */
export function changedFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]) && !['version', 'updated_at', 'updatedAt'].includes(k));
}

export function AuditTrail({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, refetch } = useQuery(organizationAuditQuery, { variables: { nodeId } });
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  if (!data) return <Loading />;
  if (data.auditLog.nodes.length === 0) return <Empty>{t('audit.none')}</Empty>;
  return (
    <table className="data">
      <caption className="visually-hidden">{t('audit.heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.at')}</th>
          <th scope="col">{t('audit.actor')}</th>
          <th scope="col">{t('audit.operation')}</th>
          <th scope="col">{t('audit.changed')}</th>
        </tr>
      </thead>
      <tbody>
        {data.auditLog.nodes.map((e, i) => (
          <tr key={`${e.at}-${i}`}>
            <td>{f.dateTime(e.at)}</td>
            <td>{e.actor}</td>
            <td>
              <code>{e.operation}</code>
            </td>
            <td>{e.before ? changedFields(e.before, e.after).join(', ') || '—' : t('audit.created')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
