import type { caseHeaderDe } from './ui-de-case-header';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English UI strings of the case header (edit, reassign) and of naming colleagues on the case team. */
export const caseHeaderEn: Widen<typeof caseHeaderDe> = {
  team: {
    addIntro:
      'The agency will then see the case and the person. If you know who works on the case there, name the colleague.',
    colleague: 'Colleague',
    colleagueHint: 'Optional. Active caseworkers and team leads of the chosen agency.',
    noColleague: 'No one in particular (the agency)',
    chooseAgencyFirst: 'Choose an agency first',
    loadingColleagues: 'Loading colleagues …',
    noColleagues: 'No active caseworkers in this agency',
    colleagueWithTeam: '{{name}} ({{team}})',
  },
  edit: {
    open: 'Edit',
    title: 'Edit case',
    intro: 'Change the title and what the case covers. The change appears in the timeline.',
    saved: 'The case was saved.',
    unchanged: 'Nothing was changed.',
    submit: 'Save',
    formerHousehold: 'the household “{{name}}” (the person no longer belongs to it)',
  },
  reassign: {
    open: 'Reassign',
    title: 'Reassign case',
    currentLead: 'Current lead case manager: {{name}} ({{agency}})',
    intro:
      'You can choose the caseworkers of every agency on the case team. If a caseworker of another agency takes over, their agency becomes the lead; your agency stays on the team.',
    candidate: '{{name}} – {{agency}}',
    loading: 'Loading caseworkers …',
    done: 'The case is now with {{name}}.',
  },
};
