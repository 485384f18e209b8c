/** German UI strings of the case header (edit, reassign) and of naming colleagues on the case team. */
export const caseHeaderDe = {
  team: {
    addIntro:
      'Die Behörde sieht danach den Fall und die Person. Wenn Sie wissen, wer dort den Fall bearbeitet, benennen Sie die Kollegin oder den Kollegen.',
    colleague: 'Kollegin / Kollege',
    colleagueHint: 'Optional. Aktive Fachkräfte und Teamleitungen der gewählten Behörde.',
    noColleague: 'Niemand Bestimmtes (die Behörde)',
    chooseAgencyFirst: 'Zuerst eine Behörde wählen',
    loadingColleagues: 'Kolleginnen und Kollegen werden geladen …',
    noColleagues: 'Keine aktiven Fachkräfte in dieser Behörde',
    colleagueWithTeam: '{{name}} ({{team}})',
  },
  edit: {
    open: 'Bearbeiten',
    title: 'Fall bearbeiten',
    intro: 'Titel und Bezug des Falls ändern. Die Änderung erscheint im Verlauf.',
    saved: 'Der Fall wurde gespeichert.',
    unchanged: 'Es wurde nichts geändert.',
    submit: 'Speichern',
    formerHousehold: 'den Haushalt „{{name}}“ (die Person gehört ihm nicht mehr an)',
  },
  reassign: {
    open: 'Neu zuweisen',
    title: 'Fall neu zuweisen',
    currentLead: 'Bisherige Fallverantwortung: {{name}} ({{agency}})',
    intro:
      'Zur Wahl stehen die Fachkräfte aller Behörden im Fallteam. Übernimmt eine Fachkraft einer anderen Behörde, wird deren Behörde fallführend; Ihre Behörde bleibt beteiligt.',
    candidate: '{{name}} – {{agency}}',
    loading: 'Fachkräfte werden geladen …',
    done: 'Der Fall liegt jetzt bei {{name}}.',
  },
};
