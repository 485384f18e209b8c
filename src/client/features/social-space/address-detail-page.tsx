import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AddressDetail, GeoPoint } from '../../../shared/contracts/addresses';
import { PointPicker } from '../../components/map/point-picker';
import { SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DescriptionList } from '../../components/ui/description-list';
import { ErrorSummary, type SummaryItem } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { addressApi, addressQuery } from './address-api';
import { DeliveryCell, MailboxText } from './address-list-page';
import { FactsFields, factsToRequest, fieldId, valueToTri, type FactsDraft } from './exploration-form-parts';
import { formatInstantDay } from './exploration-format';
import { SocialSpaceNav } from './social-space-nav';

const FORM = 'address-check';

function CheckDialog({
  address,
  isOpen,
  onOpenChange,
  onSaved,
}: {
  address: AddressDetail;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [facts, setFacts] = useState<FactsDraft>(() => ({
    mailbox: valueToTri(address.facts.mailboxPresent),
    namesOnMailbox: address.facts.namesOnMailbox ?? '',
    shared: valueToTri(address.facts.sharedAccommodation),
    mailDelivery: address.facts.mailDelivery,
    accessNotes: address.facts.accessNotes ?? '',
  }));
  const [point, setPoint] = useState<GeoPoint | null>(address.point);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const save = useMutation({
    mutationFn: () => addressApi.check(address, { facts: factsToRequest(facts), point, note: note.trim() || null }),
    onSuccess: (updated) => {
      queryClient.setQueryData(addressQuery(address.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['addresses'] });
      onSaved();
      onOpenChange(false);
    },
    onError: (error) => {
      const next = new Map<string, string>();
      const items: SummaryItem[] = [];
      if (error instanceof ApiError && error.status === 412) items.push({ message: t('explorations.address.stale') });
      else if (error instanceof ApiError && error.fieldErrors.length) {
        for (const fe of error.fieldErrors) {
          const path = fe.path.replace(/^body[./]/, '');
          next.set(path, fe.message);
          items.push({ fieldId: fieldId(FORM, path), message: fe.message });
        }
      } else items.push({ message: errorMessage(error, t) });
      setErrors(next);
      setSummary(items);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={t('explorations.address.editTitle')}
      wide
      dismissable={false}
    >
      <form id={FORM} noValidate onSubmit={submit}>
        <p className="kern-body">{t('explorations.address.editIntro')}</p>
        <ErrorSummary items={summary} focusKey={summary} />
        <FactsFields formId={FORM} prefix="facts" value={facts} onChange={setFacts} errors={errors} />
        <PointPicker value={point} onChange={setPoint} idPrefix={fieldId(FORM, 'point')} error={errors.get('point')} />
        <TextField
          id={fieldId(FORM, 'note')}
          label={t('explorations.form.note')}
          optional
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors.get('note')}
        />
        <FormActions
          submitLabel={t('explorations.address.save')}
          pending={save.isPending}
          onCancel={() => onOpenChange(false)}
        />
      </form>
    </ModalDialog>
  );
}

/** One address of the register: facts, location, the history of checks, and a check dialog. */
export function AddressDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const result = useQuery(addressQuery(id));
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const a = result.data;
  return (
    <>
      <SocialSpaceNav />
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {a ? (
        <>
          <PageHeading
            preline={t('explorations.address.preline')}
            title={`${a.street} ${a.houseNumber}, ${a.postalCode} ${a.city}`}
          />
          <p>
            <Link className="kern-link" to={paths.addresses}>
              {t('explorations.address.back')}
            </Link>
          </p>
          <SuccessNotice notice={notice} />
          <SectionCard
            id="facts"
            title={t('explorations.address.facts')}
            actions={
              hasPermission(me, 'address.write') ? (
                <Button variant="secondary" onClick={() => setEditing(true)}>
                  {t('explorations.address.edit')}
                </Button>
              ) : null
            }
          >
            <DescriptionList
              items={[
                { key: 'delivery', term: t('explorations.address.mailDelivery'), value: <DeliveryCell a={a} /> },
                {
                  key: 'mailbox',
                  term: t('explorations.address.mailbox'),
                  value: <MailboxText value={a.facts.mailboxPresent} />,
                },
                {
                  key: 'names',
                  term: t('explorations.address.namesOnMailbox'),
                  value: a.facts.namesOnMailbox ?? t('explorations.addresses.unknown'),
                },
                {
                  key: 'shared',
                  term: t('explorations.address.sharedAccommodation'),
                  value:
                    a.facts.sharedAccommodation === null
                      ? t('explorations.addresses.unknown')
                      : a.facts.sharedAccommodation
                        ? t('explorations.form.yes')
                        : t('explorations.form.no'),
                },
                { key: 'access', term: t('explorations.address.accessNotes'), value: a.facts.accessNotes ?? '–' },
                {
                  key: 'checked',
                  term: t('explorations.address.lastChecked'),
                  value: a.lastCheckedAt
                    ? t('explorations.address.lastCheckedBy', {
                        date: formatInstantDay(a.lastCheckedAt),
                        name: a.lastCheckedBy?.displayName ?? '–',
                        source: a.lastCheckedSource ? t(`socialSpace.checkSource.${a.lastCheckedSource}`) : '',
                      })
                    : t('explorations.addresses.never'),
                },
              ]}
            />
          </SectionCard>
          <SectionCard id="location" title={t('explorations.address.location')}>
            <DescriptionList
              items={[
                {
                  key: 'district',
                  term: t('explorations.address.district'),
                  value: a.district?.name ?? t('explorations.addresses.noDistrict'),
                },
                {
                  key: 'point',
                  term: t('explorations.address.point'),
                  value: a.point ? `${a.point.latitude}, ${a.point.longitude}` : t('explorations.address.noPoint'),
                },
              ]}
            />
          </SectionCard>
          <SectionCard id="history" title={t('explorations.address.history')}>
            {a.checks.length === 0 ? (
              <p className="kern-body">{t('explorations.address.noHistory')}</p>
            ) : (
              <div className="kern-table-responsive">
                <table className="kern-table kern-table--striped lotse-table-full">
                  <caption className="kern-body">{t('explorations.address.historyCaption')}</caption>
                  <thead>
                    <tr className="kern-table__row">
                      {(['when', 'who', 'source', 'found', 'note'] as const).map((c) => (
                        <th scope="col" className="kern-table__header" key={c}>
                          {t(`explorations.address.historyColumns.${c}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {a.checks.map((c) => (
                      <tr className="kern-table__row" key={c.id}>
                        <td className="kern-table__cell lotse-nowrap">{formatInstantDay(c.checkedAt)}</td>
                        <td className="kern-table__cell">
                          {c.checkedBy?.displayName ?? '–'}
                          {c.agency ? (
                            <>
                              <br />
                              <span className="kern-body kern-body--small">{c.agency.name}</span>
                            </>
                          ) : null}
                        </td>
                        <td className="kern-table__cell">
                          {t(`socialSpace.checkSource.${c.source}`)}
                          {c.source === 'exploration' && c.sourceId ? (
                            <>
                              <br />
                              <Link className="kern-link" to={paths.exploration(c.sourceId)}>
                                {t('explorations.address.exploration')}
                              </Link>
                            </>
                          ) : null}
                        </td>
                        <td className="kern-table__cell">
                          <DeliveryCell a={c} />
                          <br />
                          <MailboxText value={c.facts.mailboxPresent} />
                        </td>
                        <td className="kern-table__cell">{c.note ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </SectionCard>
          {editing ? (
            <CheckDialog
              key={a.version}
              address={a}
              isOpen={editing}
              onOpenChange={setEditing}
              onSaved={() => setNotice({ text: t('explorations.address.saved'), key: Date.now() })}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
