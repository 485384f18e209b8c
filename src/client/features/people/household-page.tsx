import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Household } from '../../../shared/contracts/households';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DescriptionList } from '../../components/ui/description-list';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { householdName } from './household-format';
import { AddMemberDialog, EditHouseholdDialog, EndMemberDialog } from './household-member-dialogs';
import { householdQuery } from './households-api';
import { formatDateOfBirth, formatIsoDate, personName } from './people-format';
import { SectionCard } from '../../components/ui/section-card';

type Member = Household['members'][number];

function Th({ children }: { children: string }) {
  return (
    <th scope="col" className="kern-table__header">
      {children}
    </th>
  );
}

function CurrentMembers({
  members,
  canWrite,
  onEnd,
}: {
  members: Member[];
  canWrite: boolean;
  onEnd: (member: Member) => void;
}) {
  const { t } = useTranslation();
  if (members.length === 0) return <EmptyState title={t('households.noMembers')} />;
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--striped lotse-table-full">
        <caption className="kern-sr-only">{t('households.currentMembers')}</caption>
        <thead>
          <tr className="kern-table__row">
            <Th>{t('people.name')}</Th>
            <Th>{t('people.dateOfBirth')}</Th>
            <Th>{t('households.relationship')}</Th>
            <Th>{t('households.memberSince')}</Th>
            {canWrite ? <Th>{t('households.actions')}</Th> : null}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {members.map((member) => (
            <tr className="kern-table__row" key={member.id}>
              <td className="kern-table__cell">
                <Link className="kern-link" to={paths.person(member.person.id)}>
                  {personName(member.person)}
                </Link>
              </td>
              <td className="kern-table__cell">{formatDateOfBirth(member.person.dateOfBirth, t)}</td>
              <td className="kern-table__cell">
                {member.relationship === 'head' ? (
                  <span className="kern-badge kern-badge--info">
                    <span className="kern-label">{t('households.relationships.head')}</span>
                  </span>
                ) : (
                  t(`households.relationships.${member.relationship}`)
                )}
              </td>
              <td className="kern-table__cell">
                {formatIsoDate(member.validFrom)}
                {/* Ended today: still a member until the day is over. */}
                {member.validUntil ? ` (${t('people.until', { date: formatIsoDate(member.validUntil) })})` : null}
              </td>
              {canWrite ? (
                <td className="kern-table__cell">
                  {member.validUntil ? null : (
                    <Button
                      variant="tertiary"
                      small
                      aria-label={`${t('households.endMember')}: ${personName(member.person)}`}
                      onClick={() => onEnd(member)}
                    >
                      {t('households.endMember')}
                    </Button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PastMembers({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  if (members.length === 0) return <p className="kern-body">{t('households.noPastMembers')}</p>;
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--striped lotse-table-full">
        <caption className="kern-sr-only">{t('households.pastMembers')}</caption>
        <thead>
          <tr className="kern-table__row">
            <Th>{t('people.name')}</Th>
            <Th>{t('households.relationship')}</Th>
            <Th>{t('households.period')}</Th>
            <Th>{t('households.endReason')}</Th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {members.map((member) => (
            <tr className="kern-table__row" key={member.id}>
              <td className="kern-table__cell">
                <Link className="kern-link" to={paths.person(member.person.id)}>
                  {personName(member.person)}
                </Link>
              </td>
              <td className="kern-table__cell">{t(`households.relationships.${member.relationship}`)}</td>
              <td className="kern-table__cell">
                {formatIsoDate(member.validFrom)} – {formatIsoDate(member.validUntil)}
              </td>
              <td className="kern-table__cell">{member.endReason ?? t('common.notSet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Dialog = { kind: 'add' } | { kind: 'edit' } | { kind: 'end'; member: Member } | null;

/** A household or Bedarfsgemeinschaft: current members, past memberships, and changes to them. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const { data: me } = useMe();
  const household = useQuery(householdQuery(id));
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [message, setMessage] = useState<Notice | null>(created ? { text: t('households.created'), key: 0 } : null);
  const [stale, setStale] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = hasPermission(me, 'person.write');

  if (household.isPending) return <Loading />;
  if (household.error) return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
  const data = household.data;
  const title = householdName(data, t);
  const current = data.members.filter((member) => member.current);
  const past = data.members.filter((member) => !member.current);

  const dialogProps = {
    household: data,
    onOpenChange: (open: boolean) => !open && setDialog(null),
    onDone: (text: string) => {
      setDialog(null);
      setStale(false);
      setMessage({ text, key: Date.now() });
    },
    onStale: () => {
      setDialog(null);
      setMessage(null);
      setStale(true);
      void household.refetch();
    },
  };

  return (
    <>
      <p className="lotse-back-link">
        <Link className="kern-link" to={paths.people}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('people.backToSearch')}
        </Link>
      </p>
      <PageHeading
        title={title}
        preline={t('households.preline')}
        documentTitle={t('households.documentTitle', { name: title })}
      />

      <SuccessNotice notice={message} />
      {stale ? <Alert tone="danger" role="alert" title={t('households.staleTitle')} /> : null}

      {canWrite ? (
        <div className="lotse-button-row">
          <Button variant="primary" icon="add" onClick={() => setDialog({ kind: 'add' })}>
            {t('households.addMember')}
          </Button>
          <Button variant="secondary" icon="edit" onClick={() => setDialog({ kind: 'edit' })}>
            {t('households.edit')}
          </Button>
        </div>
      ) : null}

      <div className="lotse-sections">
        <SectionCard id="household-current" title={t('households.currentMembers')}>
          <p className="kern-body">{t('households.changeRelationshipHint')}</p>
          <CurrentMembers
            members={current}
            canWrite={canWrite}
            onEnd={(member) => setDialog({ kind: 'end', member })}
          />
        </SectionCard>
        <SectionCard id="household-past" title={t('households.pastMembers')}>
          <PastMembers members={past} />
        </SectionCard>
        <DescriptionList
          items={[
            { key: 'kind', term: t('households.kind'), value: t(`households.kinds.${data.kind}`) },
            { key: 'registeredBy', term: t('people.registeredBy'), value: data.registeredBy.name },
            { key: 'createdAt', term: t('people.createdAt'), value: formatDateTime(data.createdAt) },
            { key: 'updatedAt', term: t('people.updatedAt'), value: formatDateTime(data.updatedAt) },
          ]}
        />
      </div>

      <AddMemberDialog {...dialogProps} isOpen={dialog?.kind === 'add'} />
      <EditHouseholdDialog {...dialogProps} isOpen={dialog?.kind === 'edit'} />
      <EndMemberDialog
        {...dialogProps}
        isOpen={dialog?.kind === 'end'}
        member={dialog?.kind === 'end' ? dialog.member : null}
      />
    </>
  );
}
