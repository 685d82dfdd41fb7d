import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { todayInShanghai } from '../../lib/dates';
import { useFormIssues } from '../../lib/formIssues';

export const setUpPartyOrganizationMutation = graphql(`
  mutation SetUpPartyOrganization($input: SetUpPartyOrganizationInput!) {
    setUpPartyOrganization(input: $input) {
      partyOrganization {
        id
        name
        kind
      }
    }
  }
`);

/**
 * Sets up a standalone Party organization (单独组建) for one organization: anchored on it,
 * covering it, with a secretary among its full members. The server checks the rules (3 full
 * members, the kind by size) and answers with issues per field, shown beside the fields.
 */
export function SetUpPartyOrganizationForm({
  organization,
  fullMembers,
  onDone,
}: {
  organization: { id: string; name: string };
  fullMembers: { id: string; name: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(`${organization.name}党支部`);
  const [establishedOn, setEstablishedOn] = useState(todayInShanghai());
  const [secretary, setSecretary] = useState('');
  const [setUp, { loading, error }] = useMutation(setUpPartyOrganizationMutation);
  const { issues, described, fieldError } = useFormIssues(error, id);
  const otherError = error && !CombinedGraphQLErrors.is(error) ? error.message : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await setUp({
        variables: {
          input: { name, formation: 'STANDALONE', anchor: 'ORGANIZATION', anchoredOn: organization.id, coveredOrganizations: [organization.id], establishedOn, secretary: secretary || null },
        },
      });
      onDone();
    } catch {
      // shown from `error`
    }
  }

  const general = Object.entries(issues)
    .filter(([field]) => !['name', 'establishedOn', 'secretary'].includes(field))
    .flatMap(([, messages]) => messages);

  return (
    <form onSubmit={submit} className="form-grid" aria-label={t('setUp.title')} noValidate>
      <label htmlFor={`${id}-name`}>{t('setUp.name')}</label>
      <div>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} {...described('name')} />
        {fieldError('name')}
      </div>
      <label htmlFor={`${id}-establishedOn`}>{t('setUp.establishedOn')}</label>
      <div>
        <input id={`${id}-establishedOn`} type="date" value={establishedOn} onChange={(e) => setEstablishedOn(e.target.value)} {...described('establishedOn')} />
        {fieldError('establishedOn')}
      </div>
      <label htmlFor={`${id}-secretary`}>{t('setUp.secretary')}</label>
      <div>
        <select id={`${id}-secretary`} value={secretary} onChange={(e) => setSecretary(e.target.value)} {...described('secretary')}>
          <option value="">—</option>
          {fullMembers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        {fieldError('secretary')}
      </div>
      <div className="form-actions">
        {(general.length > 0 || otherError) && (
          <p className="error-text" role="alert">
            {[...general, ...(otherError ? [otherError] : [])].join('; ')}
          </p>
        )}
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('visit.saving') : t('setUp.submit')}
        </button>
      </div>
    </form>
  );
}
