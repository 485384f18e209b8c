/**
 * Country facts the legal-domain rules need: the ISO 3166-1 alpha-2 codes the API accepts, the
 * states whose citizens have EU free movement, and the safe countries of origin (effective-dated).
 */

/** Officially assigned ISO 3166-1 alpha-2 codes (249), plus XK (Kosovo, used by the EU and German authorities). */
const ISO_3166_ALPHA2 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK'
  ).split(' '),
);

/**
 * "XX" stands for a nationality that is unknown or for statelessness (ICAO uses XX for
 * "unspecified"); the rules then treat the person as a third-country national whose country is not known.
 */
export const UNKNOWN_NATIONALITY = 'XX';

/** True for a code the API accepts as a nationality (upper case). */
export function isKnownCountryCode(code: string): boolean {
  return code === UNKNOWN_NATIONALITY || ISO_3166_ALPHA2.has(code);
}

const EU_MEMBER_STATES = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);
/** EEA states outside the EU and Switzerland: their citizens move freely like EU citizens (§ 12 FreizügG/EU, FZA). */
const FREE_MOVEMENT_OTHER = new Set(['IS', 'LI', 'NO', 'CH']);

/** Citizens of these states (other than Germany) fall under FreizügG/EU, not the AufenthG. */
export function hasEuFreeMovement(code: string): boolean {
  return code !== 'DE' && (EU_MEMBER_STATES.has(code) || FREE_MOVEMENT_OTHER.has(code));
}

/**
 * Sichere Herkunftsstaaten, Anlage II zu § 29a AsylG, with the day each was added. The member
 * states of the EU count as safe by § 29a Abs. 2 AsylG. Not verified against the Bundesgesetzblatt
 * in this project (domain research marks it [K]); the 2025 plan to designate further states by
 * ordinance (e.g. Algeria, India, Morocco, Tunisia) is not modelled because it was not in force
 * in the stored sources.
 */
const SAFE_COUNTRIES_SINCE: Readonly<Record<string, string>> = {
  GH: '1993-07-01',
  SN: '1993-07-01',
  BA: '2014-11-06',
  MK: '2014-11-06',
  RS: '2014-11-06',
  AL: '2015-10-24',
  XK: '2015-10-24',
  ME: '2015-10-24',
  GE: '2023-12-23',
  MD: '2023-12-23',
};

/** The day from which the country counts as a safe country of origin, or null if it does not (on any day). */
export function safeCountrySince(code: string): string | null {
  if (EU_MEMBER_STATES.has(code)) return '1993-07-01';
  return SAFE_COUNTRIES_SINCE[code] ?? null;
}
