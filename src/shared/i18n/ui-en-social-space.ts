import type { socialSpaceDe } from './ui-de-social-space';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English UI strings shared by the social-space screens. */
export const socialSpaceEn: Widen<typeof socialSpaceDe> = {
  nav: 'Social space',
  subNav: 'Areas of the social space',
  sections: {
    map: 'Map',
    districts: 'Districts',
    resources: 'Resources',
    explorations: 'Explorations',
    addresses: 'Addresses',
  },
  mailDelivery: {
    reliable: 'Mail arrives reliably',
    unreliable: 'Mail does not arrive reliably',
    undeliverable: 'Undeliverable',
    unknown: 'Deliverability unknown',
  },
  checkSource: {
    exploration: 'Social-space exploration',
    casework: 'Casework',
    correspondence: 'Correspondence',
    import: 'Import',
  },
};
