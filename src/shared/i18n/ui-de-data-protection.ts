/** German UI strings of the data-protection core: withheld categories, the hub, the category matrix. */
export const dataProtectionDe = {
  nav: 'Datenschutz',
  withheldResidenceTitle: 'Aufenthalt und Rechtskreis',
  withheld: {
    title: 'Für Ihre Stelle nicht freigegeben',
    body: 'Diese Angaben gehören zur Datenkategorie „{{category}}“. Ihre Stelle sieht sie nur mit einer Einwilligung der Person oder einer dokumentierten Übermittlung.',
  },
  grounds: {
    title: 'Ihr Zugriff auf diese Person',
    registered: 'von Ihrer Stelle erfasst',
    case_team: 'Ihre Stelle ist im Fallteam',
    consent: 'Einwilligung der Person',
    transfer: 'Übermittlung auf gesetzlicher Grundlage',
    break_glass: 'Notfallzugriff',
    categories: 'Freigegebene Kategorien',
    withheld: 'Nicht freigegeben',
  },
  hub: {
    title: 'Datenschutz',
    intro:
      'Jede Stelle ist eigene verantwortliche Stelle. Hier sehen Sie, welche Datenkategorien welche Stelle sehen darf, und finden Übermittlungen, Notfallzugriffe, Auskünfte, Aufbewahrung und Sperrvermerke.',
    links: {
      categoryMatrix: {
        title: 'Datenkategorien und Freigaben',
        text: 'Welche Art von Stelle welche Kategorie für ihre eigene Aufgabe sieht, mit Rechtsgrundlage.',
      },
      transfers: { title: 'Übermittlungen', text: 'Protokoll der Übermittlungen auf gesetzlicher Grundlage.' },
      breakGlass: { title: 'Meine Notfallzugriffe', text: 'Ihre Notfallzugriffe der letzten Zeit.' },
      breakGlassReviews: {
        title: 'Notfallzugriffe prüfen',
        text: 'Jeder Notfallzugriff wird nachträglich geprüft und bewertet.',
      },
      accessReports: {
        title: 'Auskunft „Wer hat meine Daten gesehen?“',
        text: 'Auskunft nach Art. 15 DSGVO für eine Person, als PDF und JSON.',
      },
      retention: { title: 'Aufbewahrung und Löschung', text: 'Aufbewahrungsfristen je Aktenart und Löschläufe.' },
      legalHolds: { title: 'Sperrvermerke', text: 'Löschsperren für Personen und Fälle (z. B. laufende Verfahren).' },
      audit: { title: 'Protokoll', text: 'Alle Zugriffe auf Sozialdaten, mit Prüfung der Hash-Kette.' },
    },
  },
  matrix: {
    title: 'Datenkategorien und Freigaben',
    intro:
      'Die Tabelle zeigt, welche Art von Stelle welche Datenkategorie für ihre eigene Aufgabe sieht. Darüber hinaus sieht eine Stelle Daten nur mit einer Einwilligung der Person oder einer dokumentierten Übermittlung.',
    caption: 'Freigaben je Art von Stelle',
    kind: 'Art der Stelle',
    category: 'Kategorie',
    granted: 'freigegeben',
    notGranted: 'nicht freigegeben',
    legalBasis: 'Rechtsgrundlage',
    edit: 'Freigaben ändern: {{kind}}',
    editTitle: 'Freigaben für {{kind}}',
    editIntro:
      'Wählen Sie die Kategorien und geben Sie für jede die Rechtsgrundlage an. Die Änderung gilt ab der nächsten Anfrage aller Benutzerinnen und Benutzer dieser Art von Stelle.',
    grantCategory: '{{category}} freigeben',
    legalBasisFor: 'Rechtsgrundlage für „{{category}}“',
    legalBasisRequired: 'Bitte geben Sie die Rechtsgrundlage an (mindestens 3 Zeichen).',
    identityWarning:
      'Ohne die Kategorie „Identität“ sieht diese Art von Stelle keine Person mehr, auch nicht mit Einwilligung anderer Kategorien.',
    confirmTitle: 'Freigaben ändern?',
    confirmBody: 'Die Freigaben für {{kind}} werden ersetzt. Die Änderung wird protokolliert.',
    saved: 'Die Freigaben für {{kind}} wurden gespeichert.',
    categoriesTitle: 'Was die Kategorien umfassen',
  },
} as const;
