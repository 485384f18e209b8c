import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import { LetterDeliveryPanel } from './letter-delivery-panel';
import { languageLabel, statusBadgeClass, statusLabel, templateLabel } from './letter-labels';
import { LetterPreview } from './letter-preview';
import { invalidateLetters, letterQuery, letterTemplatesQuery, lettersApi } from './letters-api';

/** One letter: its details and filled-in fields, the preview, sending and delivery (panel of the sending module). */
export function LetterPage() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const letter = useQuery(letterQuery(id));
  const templates = useQuery(letterTemplatesQuery);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => lettersApi.remove(id),
    onSuccess: () => {
      invalidateLetters(queryClient);
      void navigate(paths.personCorrespondence(letter.data!.personId), {
        state: { notice: t('letters.letter.deleted') },
      });
    },
  });

  if (letter.isPending) return <Loading />;
  if (letter.error) return <QueryError error={letter.error} onRetry={() => void letter.refetch()} />;
  const l = letter.data;
  const definition = templates.data?.items.find((x) => x.key === l.template);
  const fieldLabel = (key: string) => {
    const f = definition?.fields.find((x) => x.key === key);
    return f ? (ui === 'en' ? f.labelEn : f.labelDe) : key;
  };

  return (
    <>
      <PageHeading
        title={l.subject}
        preline={t('letters.letter.title')}
        documentTitle={`${t('letters.letter.title')}: ${l.subject}`}
      >
        <span className={statusBadgeClass(l.status)}>
          <span className="kern-label">{statusLabel(t, l.status)}</span>
        </span>
      </PageHeading>
      <p className="lotse-button-row">
        <Link className="kern-link" to={paths.personCorrespondence(l.personId)}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('letters.letter.person')}
        </Link>
        {l.actions?.edit ? (
          <Link
            className="kern-btn kern-btn--secondary"
            to={`${paths.letterNew(l.personId, l.caseId)}&entwurf=${encodeURIComponent(l.id)}`}
          >
            <span className="kern-label">{t('letters.letter.edit')}</span>
          </Link>
        ) : null}
        {l.actions?.delete ? (
          <Button variant="tertiary" onClick={() => setConfirming(true)}>
            {t('letters.letter.delete')}
          </Button>
        ) : null}
      </p>
      <div className="lotse-detail-layout">
        <div className="lotse-sections">
          <SectionCard id="letter-details" title={t('letters.letter.details')}>
            <DescriptionList
              items={[
                {
                  key: 'template',
                  term: t('letters.correspondence.columns.template'),
                  value: templateLabel(t, l.template),
                },
                {
                  key: 'language',
                  term: t('letters.correspondence.columns.language'),
                  value: languageLabel(t, l.language),
                },
                {
                  key: 'case',
                  term: t('letters.correspondence.columns.case'),
                  value: (
                    <Link className="kern-link" to={paths.case(l.caseId)}>
                      {l.caseReference}
                    </Link>
                  ),
                },
                { key: 'agency', term: t('letters.correspondence.columns.agency'), value: l.agencyName },
                {
                  key: 'confidentiality',
                  term: t('letters.compose.confidentiality'),
                  value: t(`letters.confidentiality.${l.confidentiality}`),
                },
                {
                  key: 'created',
                  term: t('letters.letter.createdBy'),
                  value: `${l.createdByName ?? '–'}, ${formatDateTime(l.createdAt)}`,
                },
              ]}
            />
          </SectionCard>
          <SectionCard id="letter-fields" title={t('letters.letter.fieldValues')}>
            <DescriptionList
              items={Object.entries(l.fields).map(([key, value]) => ({
                key,
                term: fieldLabel(key),
                value: <span className="lotse-preserve-lines">{value}</span>,
              }))}
            />
          </SectionCard>
          <SectionCard id="letter-preview" title={t('letters.preview.title')}>
            {l.status !== 'draft' ? <p className="kern-body">{t('letters.letter.sentPdf')}</p> : null}
            <LetterPreview letterId={l.id} version={l.version} />
          </SectionCard>
        </div>
        <LetterDeliveryPanel letter={l} />
      </div>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('letters.letter.deleteTitle')}
        confirmLabel={t('letters.letter.delete')}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
      >
        <p className="kern-body">{t('letters.letter.deleteText', { subject: l.subject })}</p>
      </ConfirmDialog>
    </>
  );
}
