/** Entries of the resource directory shared by the resource and HSDS tests. */

/** Planted in confidential fields; must never appear in a public response or an audit row. */
export const MARKER = 'VERTRAULICH-7731';

export const sprachcafe = (over: Record<string, unknown> = {}) => ({
  organization: { name: 'Pfarrei St. Mariae' },
  name: 'Sprachcafé in St. Mariae',
  description: 'Deutsch üben bei Kaffee und Kuchen, ohne Anmeldung.',
  categories: ['language_cafe', 'meeting_place'],
  status: 'active',
  location: {
    street: 'Althofstr.',
    houseNumber: '8',
    postalCode: '45468',
    city: 'Mülheim an der Ruhr',
    point: { latitude: 51.4285, longitude: 6.8826 },
    accessibility: 'Stufenloser Zugang über den Hof',
    transportation: 'Haltestelle Stadtmitte',
  },
  schedules: [{ byDay: ['TU'], opensAt: '16:00', closesAt: '18:00', description: null }],
  languages: ['de', 'ar', 'fa'],
  cost: 'free',
  costDescription: 'kostenlos',
  eligibility: 'Für alle, die Deutsch üben möchten',
  minimumAge: 16,
  maximumAge: null,
  contacts: [
    { name: 'Gemeindebüro', role: 'Anmeldung', phone: '0208 123456', email: 'buero@example.org', public: true },
    { name: `Frau Privat ${MARKER}`, role: 'Ehrenamtliche Leitung', phone: '0170 999', email: null, public: false },
  ],
  internalNote: `Sehr kooperativ; ${MARKER}`,
  ...over,
});
