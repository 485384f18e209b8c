import type { sanctionGuardDe } from './ui-de-sanction-guard';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English UI strings of the sanction guard, the case's benefit reductions and the interpreter booking of appointments. */
export const sanctionGuardEn: Widen<typeof sanctionGuardDe> = {
  open: 'Check benefit reduction',
  openFor: 'Check benefit reduction: {{title}}',
  dialogTitle: 'Check benefit reduction',
  intro:
    'A reduction of benefits for a missed appointment may only be recorded when delivery of the invitation is proven and the address is not flagged as undeliverable.',
  appointment: 'Appointment: {{title}} on {{when}}',
  findingsTitle: 'Check',
  met: 'met',
  notMet: 'not met',
  codes: {
    appointment_missed: 'Appointment missed',
    invitation_sent: 'Invitation sent',
    delivery_proven: 'Delivery proven',
    no_return: 'No invitation came back',
    letter_address_deliverable: 'Invitation’s address deliverable',
    current_address_deliverable: 'Current address deliverable',
  },
  allowedTitle: 'All conditions are met',
  allowedText: 'The reduction of benefits can be recorded.',
  blockedTitle: 'Benefit reduction blocked',
  blockedText:
    'The invitation did not provably reach the person. Please choose a second channel; the decision and a task for it are recorded.',
  description: 'Description (e.g. legal basis and amount)',
  secondChannel: 'Second channel',
  channels: {
    hand_delivery_accommodation: 'Hand delivery at the accommodation',
    phone: 'By phone',
    social_worker: 'Through the social worker',
  },
  note: 'Note on the decision',
  recordCompleted: 'Record benefit reduction',
  recordBlocked: 'Record decision',
  chooseChannel: 'Please choose a second channel.',
  saved: 'The decision was recorded.',
  section: {
    title: 'Benefit reductions',
    empty: 'No benefit reduction is recorded for this case.',
    label: 'Decisions on benefit reductions',
    decided: 'Decided on {{when}} by {{who}} ({{agency}})',
    appointment: 'Missed appointment: {{title}} on {{when}}',
    secondChannel: 'Second channel: {{channel}}',
    task: 'A task for the second channel was created.',
    failed: 'Not met: {{codes}}',
    statuses: {
      blocked: 'Blocked',
      completed: 'Recorded',
    },
  },
  interpreter: {
    booked: 'Interpreter booked',
    bookedOptions: { no: 'No, not booked yet', yes: 'Yes, booked' },
    name: 'Interpreter or service',
    costCentre: 'Cost centre',
    notBooked: 'Interpreter not booked yet',
    bookedBadge: 'Interpreter booked: {{name}}',
    costCentreLine: 'Cost centre: {{costCentre}}',
  },
};
