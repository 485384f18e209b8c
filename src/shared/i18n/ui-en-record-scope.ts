import type { recordScopeDe } from './ui-de-record-scope';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English UI strings of an agency's caseworker scope (SGB I § 35: need to know inside the agency). */
export const recordScopeEn: Widen<typeof recordScopeDe> = {
  label: "Caseworkers' view of the agency's own clients",
  hint: 'The confidentiality of social data (§ 35 SGB I) applies inside the agency too: caseworkers see only what they need for their task. Team leads always see the whole agency. The change applies from the next request and is logged.',
  options: {
    own: 'Own only – people they registered and cases they lead or are named on',
    team: 'Own team – people and cases of colleagues in the same team',
    agency: 'Whole agency – all people and cases of the agency',
  },
  short: {
    own: 'Own only',
    team: 'Own team',
    agency: 'Whole agency',
  },
};
