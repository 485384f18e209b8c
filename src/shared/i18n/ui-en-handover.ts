import type { handoverDe } from './ui-de-handover';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English UI strings of the Rechtskreiswechsel (handover) section and the handover board. */
export const handoverEn: Widen<typeof handoverDe> = {
  nav: 'Change of legal domain',
  section: {
    title: 'Change of legal domain (Rechtskreiswechsel)',
    intro:
      'When a change of residence data changes the legal domain, Lotse opens a handover with a checklist so that nobody falls through the gap.',
    none: 'No open change of legal domain.',
    closedTitle: 'Earlier handovers',
    closedItem: '{{from}} → {{to}}: {{status}} on {{date}}',
  },
  transition: '{{from}} → {{to}}',
  fields: {
    agencies: 'From – to',
    effectiveOn: 'Takes effect',
    dueOn: 'Due by',
    owner: 'Owner',
    noOwner: 'Nobody yet',
    status: 'Status',
    checklist: 'Checklist',
    doneBy: 'done by {{name}} on {{date}}',
  },
  overdue: 'Overdue',
  status: { open: 'Open', done: 'Completed', cancelled: 'Cancelled' },
  items: {
    sgb2_application_filed: 'SGB II application filed at the Jobcenter',
    jobcenter_first_appointment: 'First Jobcenter appointment booked before the AsylbLG ends at the end of the month',
    sgb12_application_filed: 'SGB XII application filed',
    sozialamt_first_appointment: 'First appointment booked at the newly responsible agency',
    asylblg_application_filed: 'AsylbLG benefits applied for at the Sozialamt',
    jugendamt_informed: 'Jugendamt informed (responsible under SGB VIII)',
    analog_benefits_decided: 'Decision on analogous benefits (§ 2 AsylbLG) issued',
    basic_benefits_decided: 'Decision on basic benefits (§ 3 AsylbLG) issued',
    previous_benefits_ended: 'Previous benefits ended at the change – without a gap',
    data_passed_lawfully: 'Data passed only on a legal basis or with consent',
    accommodation_checked: 'Accommodation checked (Fehlbeleger in shared accommodation?)',
    advice_offered: 'Advice on other help offered',
  },
  ownerLabel: 'Owner in your own agency',
  ownerNone: '– nobody –',
  complete: 'Complete handover',
  completeHint: 'It can be completed only when every item is done.',
  cancel: 'Cancel handover',
  cancelTitle: 'Cancel the handover?',
  cancelText: 'The handover is closed and no longer appears on the board. Please give the reason.',
  cancelReason: 'Reason',
  cancelReasonMissing: 'Please give a reason.',
  cancelConfirm: 'Confirm cancellation',
  saved: 'Saved.',
  board: {
    title: 'Changes of legal domain',
    intro:
      'Nobody falls through the gap: open and overdue handovers of the people your agency may see – overdue first.',
    filter: 'Filter handovers',
    statusLabel: 'Show',
    filters: { open: 'Open', overdue: 'Overdue', done: 'Completed' },
    caption: 'Handovers on a change of legal domain',
    person: 'Person',
    transition: 'Change',
    progress: 'Checklist',
    progressValue: '{{done}} of {{total}} done',
    emptyTitle: 'No handovers',
    emptyText: {
      open: 'No handover is open at the moment.',
      overdue: 'No handover is overdue.',
      done: 'No handover has been completed yet.',
    },
  },
};
