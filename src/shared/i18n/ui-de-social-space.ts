/** German UI strings shared by the social-space (Sozialraum) screens: navigation and common labels. */
export const socialSpaceDe = {
  nav: 'Sozialraum',
  subNav: 'Bereiche des Sozialraums',
  sections: {
    map: 'Karte',
    districts: 'Stadtteile',
    resources: 'Angebote',
    explorations: 'Erkundungen',
    addresses: 'Anschriften',
  },
  mailDelivery: {
    reliable: 'Post kommt zuverlässig an',
    unreliable: 'Post kommt nicht zuverlässig an',
    undeliverable: 'Nicht zustellbar',
    unknown: 'Zustellbarkeit unbekannt',
  },
  checkSource: {
    exploration: 'Sozialraumerkundung',
    casework: 'Fallarbeit',
    correspondence: 'Schriftverkehr',
    import: 'Import',
  },
};
