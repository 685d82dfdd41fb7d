import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { todayInShanghai } from '../../lib/dates';
import { issuesByField } from '../../lib/formIssues';

export const transferPartyMemberMutation = graphql(`
  mutation TransferPartyMember($id: ID!, $version: Int!, $partyOrganizationId: ID!, $transferredOn: Date!) {
    transferPartyMember(id: $id, version: $version, partyOrganizationId: $partyOrganizationId, transferredOn: $transferredOn) {
      partyMember {
        id
        relationHolder
        ledger
        transferredOn
        version
      }
    }
  }
`);

/** Transfers a member's relation from a ledger into the organization's Party organization (转接组织关系), today. */
export function TransferButton({ member, partyOrganization, onDone }: { member: { id: string; name: string; version: number }; partyOrganization: { id: string; name: string }; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [transfer, { loading, error }] = useMutation(transferPartyMemberMutation);
  const messages = Object.values(issuesByField(error, i18n.language)).flat();
  return (
    <>
      <button
        type="button"
        disabled={loading}
        aria-label={t('members.transferTo', { name: member.name, to: partyOrganization.name })}
        onClick={() =>
          void transfer({ variables: { id: member.id, version: member.version, partyOrganizationId: partyOrganization.id, transferredOn: todayInShanghai() } })
            .then(onDone)
            .catch(() => undefined)
        }
      >
        {t('members.transfer')}
      </button>
      {messages.length > 0 && (
        <span className="field-error" role="alert">
          {messages.join('; ')}
        </span>
      )}
    </>
  );
}
