/** Route paths in one place, so that features can link to each other without importing each other. */
export const paths = {
  login: '/anmelden',
  workspace: '/',
  agencies: '/behoerden',
  agency: (id: string) => `/behoerden/${id}`,
  users: '/benutzer',
  user: (id: string) => `/benutzer/${id}`,
  audit: '/protokoll',
  people: '/personen',
  personNew: '/personen/neu',
  person: (id: string) => `/personen/${id}`,
  personMerge: (id: string, otherId: string) => `/personen/${id}/zusammenfuehren/${otherId}`,
  expiringDocuments: '/personen/ablaufende-dokumente',
  household: (id: string) => `/haushalte/${id}`,
  account: '/konto',
} as const;
