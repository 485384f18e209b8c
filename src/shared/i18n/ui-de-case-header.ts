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
    basisLegend: 'Grundlage der Übermittlung',
    basisHint:
      'Jede Stelle ist für ihre Daten selbst verantwortlich. Eine andere Stelle kommt nur mit einer Einwilligung der Person, die diese Stelle nennt, oder auf einer Rechtsgrundlage ins Fallteam.',
    basisKind: 'Grundlage',
    basisKinds: {
      consent: 'Einwilligung der Person',
      legal_basis: 'Rechtsgrundlage (Übermittlung)',
    },
    noConsent: 'Für diese Stelle liegt keine gültige Einwilligung der Person vor.',
    chooseConsent: 'Einwilligung wählen',
    consent: 'Einwilligung',
    consentOption: 'vom {{givenOn}} bis {{expiresOn}}: {{categories}}',
    legalBasis: 'Rechtsgrundlage',
    legalBasisHint: 'Die Norm, z. B. „§ 69 Abs. 1 Nr. 1 SGB X“ oder „§ 71 Abs. 2 SGB X i. V. m. § 87 AufenthG“.',
    categories: 'Übermittelte Datenkategorien',
    categoriesHint:
      'Nur Kategorien, die Ihre Stelle selbst sieht. Die Übermittlung wird im Übermittlungsnachweis festgehalten.',
    validUntil: 'Gültig bis',
    validUntilHint: 'Optional. Ohne Angabe ein Jahr; mit dem Ende der Mitarbeit im Team endet die Übermittlung.',
    basisShown: {
      own: 'Eigene Stelle',
      consent: 'Einwilligung der Person',
      consentEnded: 'Einwilligung widerrufen oder abgelaufen – kein Zugriff mehr',
      legal_basis: 'Rechtsgrundlage: {{norm}}',
    },
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
