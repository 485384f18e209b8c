import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LegalEvaluation, PersonLegalEvaluation } from '../../../shared/contracts/legal';
import type { Person } from '../../../shared/contracts/people';
import { Alert } from '../../components/ui/alert';
import { DescriptionList } from '../../components/ui/description-list';
import { EmptyState } from '../../components/ui/empty-state';
import { Loading } from '../../components/ui/loading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { currentLanguage } from '../../lib/i18n';
import { PersonHandoverSection } from './person-handover-section';
import { legalEvaluationQuery } from './legal-evaluation-api';
import { countryName, formatIsoDate } from './people-format';

type Output = keyof LegalEvaluation['certainty'];

/** German or English text of the engine, by UI language (the engine answers in both). */
function useBilingual(): (de: string, en: string) => string {
  return (de, en) => (currentLanguage() === 'en' ? en : de);
}

function ProvisionalBadge({ output, evaluation }: { output: Output; evaluation: LegalEvaluation }) {
  const { t } = useTranslation();
  if (evaluation.certainty[output] !== 'provisional') return null;
  return (
    <>
      {' '}
      <span className="kern-badge kern-badge--warning">
        <span className="kern-label">{t('legal.provisional')}</span>
      </span>
    </>
  );
}

function useFactName(): (fact: string) => string {
  const { t } = useTranslation();
  const names = t('legal.facts.names', { returnObjects: true }) as Record<string, string>;
  return (fact) => names[fact.replace(/\./g, '_')] ?? fact;
}

function DeadlineDate({ deadline }: { deadline: LegalEvaluation['deadlines'][number] }) {
  const { t } = useTranslation();
  const formatted = formatIsoDate(deadline.date);
  if (deadline.precision === 'no_later_than') return <>{t('legal.deadlines.noLaterThan', { date: formatted })}</>;
  if (deadline.precision === 'no_earlier_than') return <>{t('legal.deadlines.noEarlierThan', { date: formatted })}</>;
  return <>{formatted}</>;
}

function ResidenceObligationText({ evaluation }: { evaluation: LegalEvaluation }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const ro = evaluation.residenceObligation;
  if (!ro.applies) return <>{t('legal.residence.no')}</>;
  const untilDeadline = evaluation.deadlines.find((d) => d.kind === 'wohnsitzauflage_end');
  const parts = [
    t('legal.residence.yes'),
    ro.until
      ? untilDeadline?.precision === 'no_later_than'
        ? t('legal.residence.untilLatest', { date: formatIsoDate(ro.until) })
        : t('legal.residence.until', { date: formatIsoDate(ro.until) })
      : null,
  ].filter(Boolean);
  return (
    <>
      {parts.join(', ')}
      {ro.kind ? ` – ${t(`legal.residence.kinds.${ro.kind}`)}` : null}
      {ro.citation ? ` (${ro.citation})` : null}
      {ro.municipality ? (
        <>
          <br />
          {t('legal.residence.municipality', { name: ro.municipality })}
        </>
      ) : null}
      {ro.exceptions.map((x) => (
        <span key={x.kind}>
          <br />
          {t('legal.residence.exception', { text: pick(x.explanation, x.explanationEn) })} ({x.citation})
        </span>
      ))}
    </>
  );
}

function Deadlines({ evaluation }: { evaluation: LegalEvaluation }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  if (evaluation.deadlines.length === 0) return <p className="kern-body">{t('legal.deadlines.none')}</p>;
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--striped lotse-table-full">
        <caption className="kern-sr-only">{t('legal.deadlines.caption')}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('legal.deadlines.kind')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('legal.deadlines.date')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('legal.deadlines.citation')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {evaluation.deadlines.map((d) => (
            <tr className="kern-table__row" key={`${d.kind}-${d.date}`}>
              <th scope="row" className="kern-table__cell">
                {t(`legal.deadlines.kinds.${d.kind}`)}
                <br />
                <span className="kern-body kern-body--small">{pick(d.explanation, d.explanationEn)}</span>
              </th>
              <td className="kern-table__cell">
                <DeadlineDate deadline={d} />
              </td>
              <td className="kern-table__cell">{d.citation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FiredRules({ evaluation }: { evaluation: LegalEvaluation }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  return (
    <details className="lotse-details">
      <summary>{t('legal.rules.title', { count: evaluation.firedRules.length })}</summary>
      <p className="kern-body">{t('legal.rules.intro')}</p>
      <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
        {evaluation.firedRules.map((rule) => (
          <li key={rule.id}>
            <details className="lotse-details">
              <summary>
                {pick(rule.title, rule.titleEn)} – {rule.citation}
              </summary>
              <p className="kern-body">{pick(rule.explanation, rule.explanationEn)}</p>
              <p className="kern-body kern-body--small">
                {rule.validUntil
                  ? t('legal.rules.validBetween', {
                      from: formatIsoDate(rule.validFrom),
                      until: formatIsoDate(rule.validUntil),
                    })
                  : t('legal.rules.validFrom', { from: formatIsoDate(rule.validFrom) })}
                {' · '}
                <span className={`kern-badge kern-badge--${rule.verification === 'verified' ? 'success' : 'warning'}`}>
                  <span className="kern-label">{t(`legal.rules.verification.${rule.verification}`)}</span>
                </span>
                {' · '}
                <code>{rule.id}</code>
              </p>
            </details>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A fact's value in words: document types, conditions and countries by name. */
function useFactValue(): (fact: string, value: string) => string {
  const { t } = useTranslation();
  const types = t('residenceDocuments.types', { returnObjects: true }) as Record<string, string>;
  const conditions = t('residenceDocuments.employment', { returnObjects: true }) as Record<string, string>;
  return (fact, value) => {
    if (fact === 'residence.document') return value === 'none' ? t('legal.residence.no') : (types[value] ?? value);
    if (fact === 'residence.employmentCondition') return conditions[value] ?? value;
    if (fact === 'residence.wohnsitzauflage')
      return value === 'true' ? t('legal.residence.yes') : t('legal.residence.no');
    if (fact === 'person.nationality') return countryName(value);
    return value;
  };
}

function FactsUsed({ data, open = false }: { data: PersonLegalEvaluation; open?: boolean }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const factName = useFactName();
  const factValue = useFactValue();
  return (
    <details className="lotse-details" open={open}>
      <summary>{t('legal.facts.title')}</summary>
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--striped lotse-table-full">
          <caption className="kern-sr-only">{t('legal.facts.caption')}</caption>
          <thead>
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('legal.facts.fact')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('legal.facts.value')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('legal.facts.source')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {data.factsUsed.map((f) => (
              <tr className="kern-table__row" key={f.fact}>
                <th scope="row" className="kern-table__cell">
                  {factName(f.fact)}
                </th>
                <td className="kern-table__cell">
                  {factValue(f.fact, f.value)}
                  {f.note ? (
                    <>
                      <br />
                      <span className="kern-body kern-body--small">{pick(f.note, f.noteEn ?? f.note)}</span>
                    </>
                  ) : null}
                </td>
                <td className="kern-table__cell">{t(`legal.facts.sources.${f.source}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.missingFacts.length > 0 ? (
        <>
          <h4 className="kern-heading-small">{t('legal.facts.missingTitle')}</h4>
          <ul className="kern-list">
            {data.missingFacts.map((m) => (
              <li key={m.fact}>
                {factName(m.fact)}: {pick(m.question, m.questionEn)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}

function EvaluationView({ data, evaluation }: { data: PersonLegalEvaluation; evaluation: LegalEvaluation }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const fieldName = (output: Output) => t(`legal.fields.${output}`);
  return (
    <>
      <p className="kern-body kern-body--small">
        {t('legal.asOf', { date: formatIsoDate(evaluation.asOf), version: evaluation.ruleSetVersion })}
      </p>
      <DescriptionList
        items={[
          {
            key: 'benefitSystem',
            term: fieldName('benefitSystem'),
            value: (
              <>
                {t(`legal.benefitSystems.${evaluation.benefitSystem}`)}
                <ProvisionalBadge output="benefitSystem" evaluation={evaluation} />
              </>
            ),
          },
          {
            key: 'responsibleAgencyKind',
            term: fieldName('responsibleAgencyKind'),
            value: (
              <>
                {t(`legal.agencies.${evaluation.responsibleAgencyKind}`)}
                <ProvisionalBadge output="responsibleAgencyKind" evaluation={evaluation} />
              </>
            ),
          },
          {
            key: 'labourMarketAccess',
            term: fieldName('labourMarketAccess'),
            value: (
              <>
                {t(`legal.labour.${evaluation.labourMarketAccess}`)}
                <ProvisionalBadge output="labourMarketAccess" evaluation={evaluation} />
              </>
            ),
          },
          {
            key: 'integrationCourse',
            term: fieldName('integrationCourse'),
            value: (
              <>
                {t(`legal.course.${evaluation.integrationCourse}`)}
                <ProvisionalBadge output="integrationCourse" evaluation={evaluation} />
              </>
            ),
          },
          {
            key: 'residenceObligation',
            term: fieldName('residenceObligation'),
            value: (
              <>
                <ResidenceObligationText evaluation={evaluation} />
                <ProvisionalBadge output="residenceObligation" evaluation={evaluation} />
              </>
            ),
          },
        ]}
      />

      <h3 className="kern-heading-small">{t('legal.deadlines.title')}</h3>
      <Deadlines evaluation={evaluation} />

      <h3 className="kern-heading-small">{t('legal.unknowns.title')}</h3>
      {evaluation.unknowns.length === 0 ? (
        <p className="kern-body">{t('legal.unknowns.none')}</p>
      ) : (
        <ul className="kern-list">
          {evaluation.unknowns.map((u) => (
            <li key={`${u.fact}-${u.question}`}>
              {pick(u.question, u.questionEn)}{' '}
              <span className="kern-body kern-body--small">
                ({t('legal.unknowns.affects', { outputs: u.affects.map(fieldName).join(', ') })})
              </span>
            </li>
          ))}
        </ul>
      )}

      {evaluation.involvedAgencies.length > 0 ? (
        <>
          <h3 className="kern-heading-small">{t('legal.involved.title')}</h3>
          <ul className="kern-list">
            {evaluation.involvedAgencies.map((a) => (
              <li key={`${a.kind}-${a.reason}`}>
                {t(`legal.agencies.${a.kind}`)}: {pick(a.reason, a.reasonEn)} ({a.citation})
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <FiredRules evaluation={evaluation} />
      <FactsUsed data={data} />
    </>
  );
}

/**
 * The "Rechtskreis" panel: what the legal-domain rules derive from the person's recorded facts
 * today – benefit system, responsible agency, labour market, integration course, Wohnsitzauflage,
 * deadlines – with the rules, their norms and what is unknown. Advice, never a decision.
 */
export function PersonLegalPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const factName = useFactName();
  const query = useQuery(legalEvaluationQuery(person.id, person.version));
  const data = query.data;

  return (
    <SectionCard id="person-legal" title={t('legal.title')}>
      <Alert tone="info" role="none" title={t('legal.notice')}>
        <p className="kern-body">{t('legal.noticeText')}</p>
      </Alert>
      {query.isPending ? <Loading /> : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data && !data.evaluation ? (
        <>
          <EmptyState title={t('legal.noEvaluationTitle')}>{t('legal.noEvaluationText')}</EmptyState>
          {data.problems.length > 0 ? (
            <>
              <h3 className="kern-heading-small">{t('legal.facts.problemsTitle')}</h3>
              <ul className="kern-list">
                {data.problems.map((p) => (
                  <li key={`${p.path}-${p.message}`}>
                    {factName(p.path)}: {pick(p.message, p.messageEn)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <FactsUsed data={data} open />
        </>
      ) : null}
      {data?.evaluation ? <EvaluationView data={data} evaluation={data.evaluation} /> : null}
      {data ? <PersonHandoverSection personId={person.id} /> : null}
    </SectionCard>
  );
}
