import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  MY_APPOINTMENTS_DEFAULT_DAYS,
  MY_APPOINTMENTS_MAX_DAYS,
  type MyAppointment,
} from '../../../shared/contracts/case-records';
import { daysBetween, isCalendarDate, todayIn } from '../../../shared/domain/calendar-date';
import { addDays } from '../../../shared/domain/cases/appointment-rules';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorSummary, type SummaryItem } from '../../components/ui/error-summary';
import { Checkbox, Fieldset, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { Pagination } from '../../components/ui/pagination';
import { QueryError } from '../../components/ui/query-error';
import { currentLanguage } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import { useSearchParamUpdate } from '../../lib/use-search-param-update';
import { AppointmentFacts } from './case-appointments-panel';
import { myAppointmentsQuery } from './case-records-api';
import { personLabel } from './case-format';

const PAGE_SIZE = 50;

/** "Dienstag, 24. November 2026": the day headings of the list. */
function dayHeading(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(currentLanguage() === 'de' ? 'de-DE' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The appointments grouped by their Berlin day, in the order they come (soonest first). */
function byDay(items: MyAppointment[]): [string, MyAppointment[]][] {
  const groups = new Map<string, MyAppointment[]>();
  for (const item of items) {
    const day = todayIn(new Date(item.startsAt));
    groups.set(day, [...(groups.get(day) ?? []), item]);
  }
  return [...groups.entries()];
}

/**
 * "Meine Termine": the caller's appointments across the cases their agency works on, by day, with
 * links to the cases; scope mine or team (also the agency's appointments without a named
 * colleague), a date range and whether to show cancelled and completed ones.
 */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const [search, update] = useSearchParamUpdate();
  const today = todayIn(new Date());
  const scope = search.get('scope') === 'team' ? 'team' : 'mine';
  const fromParam = search.get('from') ?? '';
  const toParam = search.get('to') ?? '';
  const from = isCalendarDate(fromParam) ? fromParam : today;
  const to = isCalendarDate(toParam) ? toParam : addDays(from, MY_APPOINTMENTS_DEFAULT_DAYS);
  const all = search.get('status') === 'all';
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const [draft, setDraft] = useState({ from, to });
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const result = useQuery(
    myAppointmentsQuery({ scope, from, to, status: all ? 'all' : 'planned', page, pageSize: PAGE_SIZE }),
  );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const found: SummaryItem[] = [];
    if (!isCalendarDate(draft.from))
      found.push({
        fieldId: 'appointments-from',
        message: `${t('caseRecords.myAppointments.from')}: ${t('validation.date')}`,
      });
    if (!isCalendarDate(draft.to))
      found.push({
        fieldId: 'appointments-to',
        message: `${t('caseRecords.myAppointments.to')}: ${t('validation.date')}`,
      });
    if (found.length === 0) {
      const span = daysBetween(draft.from, draft.to);
      if (span < 0 || span > MY_APPOINTMENTS_MAX_DAYS) {
        found.push({
          fieldId: 'appointments-to',
          message:
            span < 0
              ? t('caseRecords.myAppointments.rangeReversed')
              : t('caseRecords.myAppointments.rangeTooLong', { days: MY_APPOINTMENTS_MAX_DAYS }),
        });
      }
    }
    setProblems(found);
    if (found.length) {
      setFocusKey((k) => k + 1);
      return;
    }
    update({ from: draft.from, to: draft.to, page: null });
  };

  const groups = byDay(result.data?.items ?? []);
  const errorFor = (id: string) => problems.find((p) => p.fieldId === id)?.message;

  return (
    <>
      <PageHeading title={t('caseRecords.myAppointments.title')}>{t('caseRecords.myAppointments.intro')}</PageHeading>
      <form
        className="lotse-filter lotse-stack"
        aria-label={t('caseRecords.myAppointments.filter')}
        noValidate
        onSubmit={apply}
      >
        <ErrorSummary items={problems} focusKey={focusKey} />
        <Fieldset legend={t('caseRecords.myAppointments.scope')} horizontal>
          {(['mine', 'team'] as const).map((s) => (
            <div className="kern-form-check" key={s}>
              <input
                className="kern-form-check__radio"
                type="radio"
                id={`appointments-scope-${s}`}
                name="scope"
                value={s}
                checked={scope === s}
                onChange={() => update({ scope: s === 'team' ? 'team' : null, page: null })}
              />
              <label className="kern-label" htmlFor={`appointments-scope-${s}`}>
                {t(`caseRecords.myAppointments.scopes.${s}`)}
              </label>
            </div>
          ))}
        </Fieldset>
        <div className="lotse-filter__fields">
          <TextField
            id="appointments-from"
            label={t('caseRecords.myAppointments.from')}
            type="date"
            value={draft.from}
            error={errorFor('appointments-from')}
            onChange={(event) => setDraft((d) => ({ ...d, from: event.target.value }))}
          />
          <TextField
            id="appointments-to"
            label={t('caseRecords.myAppointments.to')}
            type="date"
            value={draft.to}
            error={errorFor('appointments-to')}
            onChange={(event) => setDraft((d) => ({ ...d, to: event.target.value }))}
          />
        </div>
        <Checkbox
          id="appointments-all"
          label={t('caseRecords.myAppointments.includeAll')}
          checked={all}
          onChange={(event) => update({ status: event.target.checked ? 'all' : null, page: null })}
        />
        <div>
          <Button type="submit" variant="secondary">
            {t('caseRecords.myAppointments.apply')}
          </Button>
        </div>
      </form>
      {result.isPending ? <Loading /> : null}
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.data ? (
        <p className="kern-body" aria-live="polite">
          {t('caseRecords.myAppointments.range', {
            from: dayHeading(result.data.range.from),
            to: dayHeading(result.data.range.to),
          })}{' '}
          · {t('caseRecords.myAppointments.count', { count: result.data.page.total })}
        </p>
      ) : null}
      {result.data && result.data.items.length === 0 ? (
        <EmptyState title={t('caseRecords.myAppointments.emptyTitle')} headingLevel={2}>
          {t('caseRecords.myAppointments.emptyText')}
        </EmptyState>
      ) : null}
      {groups.length > 0 ? (
        <div className="lotse-stack" aria-busy={result.isFetching || undefined}>
          {groups.map(([day, items]) => (
            <section key={day} className="lotse-stack" aria-labelledby={`appointments-day-${day}`}>
              <h2 className="kern-heading-medium" id={`appointments-day-${day}`}>
                {dayHeading(day)}
              </h2>
              <ol
                className="lotse-stack"
                style={{ listStyle: 'none', padding: 0 }}
                aria-label={t('caseRecords.myAppointments.dayLabel', { day: dayHeading(day) })}
              >
                {items.map((item) => (
                  <li key={item.id} className="lotse-repeat-group" aria-labelledby={`appointment-${item.id}-title`}>
                    <h3 className="kern-heading-small" id={`appointment-${item.id}-title`}>
                      {item.title}
                    </h3>
                    <p className="kern-body">
                      <Link className="kern-link" to={paths.case(item.case.id)}>
                        {t('caseRecords.myAppointments.caseLink', {
                          reference: item.case.reference,
                          person: personLabel(item.person),
                        })}
                      </Link>
                    </p>
                    <AppointmentFacts appointment={item} />
                  </li>
                ))}
              </ol>
            </section>
          ))}
          {result.data ? <Pagination page={result.data.page} onPageChange={(p) => update({ page: p })} /> : null}
        </div>
      ) : null}
    </>
  );
}
