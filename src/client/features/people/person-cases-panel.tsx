import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { personCaseListSchema } from '../../../shared/contracts/cases';
import { phaseLabels } from '../../../shared/domain/cases/phase-machine';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { api } from '../../lib/api';
import { currentLanguage } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { SectionCard } from '../../components/ui/section-card';

/**
 * The person's cases that the user's agency works on, with "Fall anlegen". Features do not import
 * each other, so this panel asks the cases API itself and links by path.
 */
export function PersonCasesPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canRead = hasPermission(me, 'case.read');
  const cases = useQuery({
    queryKey: ['cases', 'person', personId],
    queryFn: ({ signal }) =>
      api.get(`/people/${encodeURIComponent(personId)}/cases`, personCaseListSchema, undefined, signal),
    enabled: canRead,
  });
  if (!canRead) return null;
  const language = currentLanguage();
  return (
    <SectionCard
      id="person-cases"
      title={t('cases.personPanel.title')}
      actions={
        hasPermission(me, 'case.write') ? (
          <Link className="kern-link" to={paths.caseNew(personId)}>
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            {t('cases.personPanel.create')}
          </Link>
        ) : null
      }
    >
      {cases.isPending ? <Loading /> : null}
      {cases.error ? <QueryError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data && cases.data.items.length === 0 ? <EmptyState title={t('cases.personPanel.empty')} /> : null}
      {cases.data && cases.data.items.length > 0 ? (
        <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
          {cases.data.items.map((item) => (
            <li key={item.id}>
              <Link className="kern-link" to={paths.case(item.id)}>
                {item.reference} – {item.title}
              </Link>
              <br />
              <span className="kern-body kern-body--small">
                {t('cases.fields.phase')}: {phaseLabels[item.phase][language]} · {t('cases.fields.lead')}:{' '}
                {item.lead.user.displayName} ({item.lead.agency.name})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}
