import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accessGroundLabel, type AccessReport } from '../../../shared/contracts/privacy-reports';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { accessReportQuery, accessReportUrl, privacyPeopleQuery, type ReportPeriod } from './access-report-api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function PersonSearch({
  q,
  page,
  onSearch,
  onPage,
}: {
  q: string;
  page: number;
  onSearch: (q: string) => void;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(q);
  const [error, setError] = useState<string | undefined>();
  const people = useQuery(privacyPeopleQuery(q, page));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (value.trim().length < 2) {
      setError(t('privacy.report.searchHint'));
      return;
    }
    setError(undefined);
    onSearch(value.trim());
  }

  return (
    <>
      <form onSubmit={submit} className="lotse-filter" aria-labelledby="access-report-search-title" role="search">
        <h2 className="kern-heading-small" id="access-report-search-title">
          {t('privacy.report.searchTitle')}
        </h2>
        <div className="lotse-filter__fields">
          <TextField
            id="access-report-q"
            label={t('privacy.report.searchLabel')}
            hint={t('privacy.report.searchHint')}
            error={error}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            maxLength={200}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <div className="lotse-button-row">
          <Button type="submit" variant="primary" icon="search">
            {t('privacy.report.search')}
          </Button>
        </div>
      </form>
      {q && people.isPending ? <Loading /> : null}
      {people.error ? <QueryError error={people.error} onRetry={() => void people.refetch()} /> : null}
      {people.data && people.data.items.length === 0 ? (
        <EmptyState title={t('privacy.report.noResults')} headingLevel={2} />
      ) : null}
      {people.data && people.data.items.length > 0 ? (
        <>
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--striped lotse-table-full">
              <caption className="kern-sr-only">{t('privacy.report.resultsCaption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('privacy.report.name')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('privacy.report.dateOfBirth')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('privacy.report.registeredBy')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    <span className="kern-sr-only">{t('privacy.report.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {people.data.items.map((p) => {
                  const name = `${p.familyName}, ${p.givenNames}`;
                  return (
                    <tr className="kern-table__row" key={p.id}>
                      <td className="kern-table__cell">{name}</td>
                      <td className="kern-table__cell">{p.dateOfBirth ?? '–'}</td>
                      <td className="kern-table__cell">{p.registeredBy.name}</td>
                      <td className="kern-table__cell">
                        <Link
                          className="kern-link"
                          to={`${paths.accessReports}?person=${p.id}`}
                          aria-label={t('privacy.report.openFor', { name })}
                        >
                          {t('privacy.report.open')}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination page={people.data.page} onPageChange={onPage} />
        </>
      ) : null}
    </>
  );
}

function PeriodForm({ initial, onApply }: { initial: ReportPeriod; onApply: (period: ReportPeriod) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  return (
    <form
      className="lotse-filter"
      aria-labelledby="access-report-period-title"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(values);
      }}
    >
      <h2 className="kern-heading-small" id="access-report-period-title">
        {t('privacy.report.periodTitle')}
      </h2>
      <div className="lotse-filter__fields">
        <TextField
          id="access-report-from"
          type="date"
          label={t('privacy.report.from')}
          value={values.from}
          onChange={(e) => setValues({ ...values, from: e.target.value })}
        />
        <TextField
          id="access-report-to"
          type="date"
          label={t('privacy.report.to')}
          value={values.to}
          onChange={(e) => setValues({ ...values, to: e.target.value })}
        />
      </div>
      <div className="lotse-button-row">
        <Button type="submit" variant="secondary" icon="check">
          {t('privacy.report.applyPeriod')}
        </Button>
      </div>
    </form>
  );
}

function ReportView({ report, period }: { report: AccessReport; period: ReportPeriod }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  return (
    <>
      <div className="lotse-stack">
        <p className="kern-body">
          {t('privacy.report.dateOfBirth')}: {report.person.dateOfBirth ?? '–'} · {t('privacy.report.periodTitle')}:{' '}
          {report.period.from || report.period.to
            ? `${report.period.from ?? '…'} – ${report.period.to ?? '…'}`
            : t('privacy.report.wholePeriod')}
          {report.person.mergedIds.length > 0
            ? ` · ${t('privacy.report.merged', { count: report.person.mergedIds.length })}`
            : ''}
        </p>
        <div className="lotse-button-row">
          <a
            className="kern-btn kern-btn--primary"
            href={accessReportUrl(report.person.id, period, 'pdf')}
            download
            aria-describedby="access-report-download-hint"
          >
            <span className="kern-icon kern-icon--download" aria-hidden="true" />
            <span className="kern-label">{t('privacy.report.pdf')}</span>
          </a>
          <a
            className="kern-btn kern-btn--secondary"
            href={accessReportUrl(report.person.id, period, 'json')}
            download={`auskunft-${report.person.id}.json`}
            aria-describedby="access-report-download-hint"
          >
            <span className="kern-icon kern-icon--download" aria-hidden="true" />
            <span className="kern-label">{t('privacy.report.json')}</span>
          </a>
        </div>
        <p className="kern-hint" id="access-report-download-hint">
          {t('privacy.report.downloadHint')}
        </p>
      </div>

      <SectionCard id="access-report-agencies" title={t('privacy.report.byAgencyTitle')}>
        {report.byAgency.length === 0 ? (
          <p className="kern-body">{t('privacy.report.empty')}</p>
        ) : (
          <table className="kern-table kern-table--small">
            <caption className="kern-sr-only">{t('privacy.report.byAgencyTitle')}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('privacy.report.agency')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('privacy.report.count')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {report.byAgency.map((a) => (
                <tr className="kern-table__row" key={a.agencyId ?? 'system'}>
                  <td className="kern-table__cell">{a.agencyId ? a.agencyName : t('privacy.report.system')}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{a.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </SectionCard>

      <SectionCard id="access-report-entries" title={t('privacy.report.entriesTitle')}>
        {report.entries.length === 0 ? (
          <p className="kern-body">{t('privacy.report.empty')}</p>
        ) : (
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--small kern-table--striped lotse-table-full">
              <caption className="kern-sr-only">{t('privacy.report.entriesCaption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('privacy.report.when')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('privacy.report.agency')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('privacy.report.who')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('privacy.report.what')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('privacy.report.ground')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('privacy.report.outcome')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {report.entries.map((e) => (
                  <tr className="kern-table__row" key={e.seq}>
                    <td className="kern-table__cell lotse-nowrap">{formatDateTime(e.occurredAt)}</td>
                    <td className="kern-table__cell">{e.actor?.agencyName ?? t('privacy.report.system')}</td>
                    <td className="kern-table__cell">{e.actor?.displayName ?? '–'}</td>
                    <td className="kern-table__cell">{e.label[lang]}</td>
                    <td className="kern-table__cell">
                      {e.grounds.length ? e.grounds.map((g) => accessGroundLabel(g)[lang]).join(', ') : '–'}
                    </td>
                    <td className="kern-table__cell">{t(`audit.outcomes.${e.outcome}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </SectionCard>
    </>
  );
}

function PersonReport({
  personId,
  period,
  onPeriod,
}: {
  personId: string;
  period: ReportPeriod;
  onPeriod: (p: ReportPeriod) => void;
}) {
  const { t } = useTranslation();
  const report = useQuery(accessReportQuery(personId, period));
  const name = report.data ? `${report.data.person.givenNames} ${report.data.person.familyName}` : null;
  return (
    <>
      <PageHeading
        title={name ? t('privacy.report.reportTitle', { name }) : t('privacy.report.title')}
        preline={t('privacy.report.title')}
      />
      <p>
        <Link className="kern-link" to={paths.accessReports}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('privacy.report.backToSearch')}
        </Link>
      </p>
      <PeriodForm key={`${period.from}|${period.to}`} initial={period} onApply={onPeriod} />
      {report.isPending ? <Loading /> : null}
      {report.error ? <QueryError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data ? <ReportView report={report.data} period={period} /> : null}
    </>
  );
}

/** Art. 15 GDPR: the data protection officer finds the person and sees who saw their data. */
export function AccessReportPage() {
  const { t } = useTranslation();
  const [search, setParams] = useSearchParamUpdate();
  const person = search.get('person') ?? '';
  const q = search.get('q') ?? '';
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const period: ReportPeriod = {
    from: ISO_DATE.test(search.get('from') ?? '') ? (search.get('from') ?? '') : '',
    to: ISO_DATE.test(search.get('to') ?? '') ? (search.get('to') ?? '') : '',
  };
  if (UUID.test(person)) {
    return <PersonReport personId={person} period={period} onPeriod={(p) => setParams({ from: p.from, to: p.to })} />;
  }
  return (
    <>
      <PageHeading title={t('privacy.report.title')}>{t('privacy.report.intro')}</PageHeading>
      <PersonSearch
        key={q}
        q={q}
        page={page}
        onSearch={(next) => setParams({ q: next, page: '' })}
        onPage={(next) => setParams({ page: String(next) })}
      />
    </>
  );
}
