import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { Intention } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import { useFormIssues } from '../../lib/formIssues';

export const recordVisitMutation = graphql(`
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      visit {
        id
        visitedOn
      }
      organization {
        id
        name
      }
    }
  }
`);

const INTENTIONS: Intention[] = ['WILLING', 'UNDECIDED', 'UNWILLING'];

export function RecordVisitForm({
  liaisonPoint,
  visitor: defaultVisitor,
  onClose,
  onRecorded,
}: {
  liaisonPoint: { id: string; organization: { id: string; name: string } };
  visitor: string;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [visitedOn, setVisitedOn] = useState(todayInShanghai());
  const [visitor, setVisitor] = useState(defaultVisitor);
  const [ownerIntention, setOwner] = useState<Intention | ''>('');
  const [membersIntention, setMembers] = useState<Intention | ''>('');
  const [problems, setProblems] = useState('');
  const [helpGiven, setHelp] = useState('');
  const [done, setDone] = useState(false);
  const [recordVisit, { loading, error }] = useMutation(recordVisitMutation);
  const { issues, described, fieldError } = useFormIssues(error, id);
  const otherError = error && !CombinedGraphQLErrors.is(error) ? error.message : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    try {
      await recordVisit({
        variables: {
          input: {
            organization: liaisonPoint.organization.id,
            liaisonPoint: liaisonPoint.id,
            visitedOn,
            visitor,
            ownerIntention: ownerIntention || null,
            membersIntention: membersIntention || null,
            problems: problems || null,
            helpGiven: helpGiven || null,
          },
        },
      });
      setDone(true);
      onRecorded();
    } catch {
      // shown from `error`
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('visit.formTitle', { name: liaisonPoint.organization.name })}</h2>
      <form onSubmit={submit} className="form-grid" noValidate>
        <label htmlFor={`${id}-visitedOn`}>{t('visit.visitedOn')}</label>
        <div>
          <input id={`${id}-visitedOn`} type="date" autoFocus value={visitedOn} onChange={(e) => setVisitedOn(e.target.value)} {...described('visitedOn')} />
          {fieldError('visitedOn')}
        </div>
        <label htmlFor={`${id}-visitor`}>{t('visit.visitor')}</label>
        <div>
          <input id={`${id}-visitor`} value={visitor} onChange={(e) => setVisitor(e.target.value)} {...described('visitor')} />
          {fieldError('visitor')}
        </div>
        <label htmlFor={`${id}-owner`}>{t('visit.ownerIntention')}</label>
        <div>
          <select id={`${id}-owner`} value={ownerIntention} onChange={(e) => setOwner(e.target.value as Intention | '')} {...described('ownerIntention')}>
            <option value="">—</option>
            {INTENTIONS.map((i) => (
              <option key={i} value={i}>
                {t(`intention.${i}`)}
              </option>
            ))}
          </select>
          {fieldError('ownerIntention')}
        </div>
        <label htmlFor={`${id}-members`}>{t('visit.membersIntention')}</label>
        <div>
          <select id={`${id}-members`} value={membersIntention} onChange={(e) => setMembers(e.target.value as Intention | '')} {...described('membersIntention')}>
            <option value="">—</option>
            {INTENTIONS.map((i) => (
              <option key={i} value={i}>
                {t(`intention.${i}`)}
              </option>
            ))}
          </select>
          {fieldError('membersIntention')}
        </div>
        <label htmlFor={`${id}-problems`}>{t('visit.problems')}</label>
        <div>
          <textarea id={`${id}-problems`} value={problems} onChange={(e) => setProblems(e.target.value)} rows={2} {...described('problems')} />
          {fieldError('problems')}
        </div>
        <label htmlFor={`${id}-help`}>{t('visit.helpGiven')}</label>
        <div>
          <textarea id={`${id}-help`} value={helpGiven} onChange={(e) => setHelp(e.target.value)} rows={2} {...described('helpGiven')} />
          {fieldError('helpGiven')}
        </div>
        <div className="form-actions">
          {(issues[''] || otherError) && (
            <p className="error-text" role="alert">
              {[...(issues[''] ?? []), ...(otherError ? [otherError] : [])].join('; ')}
            </p>
          )}
          {done && (
            <p role="status" className="ok-text">
              {t('visit.recorded')}
            </p>
          )}
          <button type="submit" className="primary" disabled={loading}>
            {loading ? t('visit.saving') : t('visit.save')}
          </button>{' '}
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
