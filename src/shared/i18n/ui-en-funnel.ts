import type { funnelDe } from './ui-de-funnel';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English UI strings of the funnel report. */
export const funnelEn: Widen<typeof funnelDe> = {
  title: 'Referral funnel',
  intro:
    'How many people of a cohort (everybody whose competence profile was made in the period) meet the receiving agency’s criteria, are referred, start and complete a measure and are in work or training after 6 and 12 months — with the reasons they drop out. Totals only, never a person.',
  filter: {
    title: 'Cohort and filters',
    quarter: 'Quarter',
    quarterOption: 'Q{{quarter}} {{year}}',
    custom: 'Custom period',
    from: 'Profiled from',
    to: 'Profiled until',
    apply: 'Apply period',
    agency: 'Receiving agency',
    agencyHint: 'Its acceptance criteria count for “meets the criteria”; referrals to it are counted.',
    agencyDefault: 'Agentur für Arbeit (default)',
    district: 'District (current residence)',
    nationalityGroup: 'Nationality (group)',
    sex: 'Sex',
    ageBand: 'Age at profiling',
    all: 'all',
    reset: 'Reset filters',
  },
  nationalityGroups: {
    SY: 'Syria',
    UA: 'Ukraine',
    AF: 'Afghanistan',
    IQ: 'Iraq',
    TR: 'Turkey',
    eu: 'EU, EEA and Switzerland (with Germany)',
    other: 'other, stateless or unknown',
  },
  ageBands: {
    under_25: 'under 25',
    '25_34': '25 to 34',
    '35_44': '35 to 44',
    '45_54': '45 to 54',
    '55_plus': '55 and older',
  },
  steps: {
    profiled: 'Profiled (cohort)',
    meets_criteria: 'Meets the criteria',
    referred: 'Referred',
    accepted: 'Accepted',
    started: 'Started a measure',
    completed: 'Completed',
    in_work_6m: 'In work or training after 6 months',
    in_work_12m: 'In work or training after 12 months',
  },
  resultTitle: 'Result',
  summary: 'Cohort {{from}} to {{to}}, receiving agency: {{agency}}. Criteria checked as of {{asOf}}.',
  chartLabel: 'Bar chart of the funnel: {{steps}}. The table below holds the same numbers.',
  chartStep: '{{step}}: {{value}}',
  tableCaption: 'The funnel in numbers, with the reasons at each step',
  columns: {
    step: 'Step',
    count: 'Count',
    ofCohort: 'Share of the cohort',
    ofPrevious: 'Share of the previous step',
    reasons: 'Left or still open — reasons',
  },
  small: '< 5',
  smallLabel: 'fewer than 5',
  hidden: 'hidden',
  hiddenLabel: 'hidden, as it could otherwise be worked out from the neighbouring numbers',
  noReasons: '–',
  percent: '{{value}} %',
  suppressionNote:
    'Numbers from 1 to 4 are shown as “< 5” so that nobody can be singled out. “hidden”: the number could otherwise be worked out from the step’s other numbers.',
  definitionsTitle: 'How it is counted',
  definitions: {
    criteria:
      'Meets the criteria: every acceptance criterion of the agency met, checked at the end of the period (or today). Missing facts do not count as met.',
    referred: 'Referred: a referral sent to the agency after profiling — also one sent despite failing criteria.',
    furthest:
      'Accepted, started, completed: the furthest status of the person’s referrals; rejections count with their reason at “accepted”, drop-outs at “completed”.',
    work: 'In work or training after 6 or 12 months: on the day 6 or 12 months after profiling; until that day, “still open”.',
  },
  csv: 'Download as CSV',
  emptyTitle: 'Nobody in this cohort',
  emptyText:
    'No competence profile was made in this period with these filters. Choose another quarter or fewer filters.',
};
