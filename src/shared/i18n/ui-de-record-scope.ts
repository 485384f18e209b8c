/** German UI strings of an agency's caseworker scope (SGB I § 35: need to know inside the agency). */
export const recordScopeDe = {
  label: 'Sicht der Fachkräfte auf eigene Klientinnen und Klienten',
  hint: 'Auch innerhalb der Stelle gilt das Sozialgeheimnis (§ 35 SGB I): Fachkräfte sehen nur, was sie für ihre Aufgabe brauchen. Teamleitungen sehen immer die ganze Stelle. Die Änderung gilt ab der nächsten Anfrage und wird protokolliert.',
  options: {
    own: 'Nur eigene – selbst erfasste Personen und Fälle mit eigener Fallverantwortung oder Benennung',
    team: 'Eigenes Team – Personen und Fälle der Kolleginnen und Kollegen im selben Team',
    agency: 'Ganze Stelle – alle Personen und Fälle der Stelle',
  },
  short: {
    own: 'Nur eigene',
    team: 'Eigenes Team',
    agency: 'Ganze Stelle',
  },
};
