import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The municipality this installation serves (one row). */
export const municipality = pgTable('municipality', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  /** Amtlicher Gemeindeschlüssel */
  ags: text('ags').notNull(),
  state: text('state').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** A GeoJSON geometry in WGS 84 (RFC 7946): a district's outline is a Polygon or MultiPolygon. */
type LonLat = [longitude: number, latitude: number];
export type DistrictGeometry =
  { type: 'Polygon'; coordinates: LonLat[][] } | { type: 'MultiPolygon'; coordinates: LonLat[][][] };

/**
 * Districts (Stadtteile / Sozialräume): the steering unit of the social-space work. The outline is
 * GeoJSON; population is the official figure with its reference date; `explorationCadenceDays`
 * is how often the district must be explored (Sozialraumerkundung) before it counts as overdue.
 */
export const districts = pgTable('districts', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  borough: text('borough'),
  geometry: jsonb('geometry').$type<DistrictGeometry>(),
  population: integer('population'),
  populationAsOf: date('population_as_of', { mode: 'string' }),
  explorationCadenceDays: integer('exploration_cadence_days').notNull().default(365),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export type LegalBasis = { norm: string; description: string };
export type AgencyContact = {
  address: string | null;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
};

/** Agencies (Leistungsbereiche): each is its own data controller with its own legal mandate. */
export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  shortMandate: text('short_mandate').notNull(),
  mandate: text('mandate').notNull(),
  legalBases: jsonb('legal_bases')
    .$type<LegalBasis[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  contact: jsonb('contact').$type<AgencyContact>().notNull(),
  /**
   * Record scope of the agency's caseworkers (issue 5, SGB I § 35 "need to know" inside the agency):
   * 'agency' — all the agency's clients; 'team' — clients of the caseworker's team; 'own' — clients
   * the caseworker registered or works on. Team leads always see the agency's clients.
   */
  caseworkerScope: text('caseworker_scope').notNull().default('agency'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('teams_agency_name_uq').on(t.agencyId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    teamId: uuid('team_id').references(() => teams.id),
    roles: text('roles').array().notNull(),
    active: boolean('active').notNull().default(true),
    locale: text('locale').notNull().default('de'),
    /** argon2id PHC string; null for users who only sign in through OIDC. */
    passwordHash: text('password_hash'),
    passwordChangedAt: ts('password_changed_at'),
    totpSecret: text('totp_secret'),
    totpEnrolledAt: ts('totp_enrolled_at'),
    /** Last accepted TOTP time step: a code from this step or earlier is a replay. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** Secret proposed during enrolment, confirmed by the first valid code. */
    totpPendingSecret: text('totp_pending_secret'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('users_agency_idx').on(t.agencyId), uniqueIndex('users_oidc_uq').on(t.oidcIssuer, t.oidcSubject)],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Sessions: the primary key is the SHA-256 of the token; the token itself is never stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    state: text('state').notNull(),
    csrfToken: text('csrf_token').notNull(),
    authMethod: text('auth_method').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    revokeReason: text('revoke_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed-login counters keyed by normalised username, whether or not such a user exists. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: ts('window_started_at').notNull(),
  lockedUntil: ts('locked_until'),
});

/** Pending OIDC authorisation requests (state → PKCE verifier and nonce), short-lived. */
export const oidcRequests = pgTable('oidc_requests', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  createdAt: ts('created_at').notNull(),
});

/**
 * The audit log: append-only (a trigger rejects UPDATE, DELETE and TRUNCATE) and hash-chained.
 * `seq` is assigned under an advisory lock so the chain has no gaps and no forks.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: ts('occurred_at').notNull(),
    type: text('type').notNull(),
    outcome: text('outcome').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    actorAgencyId: uuid('actor_agency_id'),
    actorRoles: text('actor_roles').array(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_occurred_idx').on(t.occurredAt),
    index('audit_events_actor_idx').on(t.actorUserId),
    index('audit_events_subject_idx').on(t.subjectId),
    index('audit_events_type_idx').on(t.type),
  ],
);

/**
 * People (Personen): one row per person registered by an agency. The date of birth is kept as
 * written plus its parsed parts, because placeholders (01.01.YYYY) must not be read as real dates.
 * `blocking_keys` holds the matching engine's `recordBlockingKeys` over every recorded spelling;
 * search and duplicate check fetch candidates with `blocking_keys && $keys` (GIN index).
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    nameOrder: text('name_order').notNull(),
    sex: text('sex').notNull(),
    dateOfBirthRaw: text('date_of_birth_raw'),
    dobYear: integer('dob_year'),
    dobMonth: integer('dob_month'),
    dobDay: integer('dob_day'),
    dobPrecision: text('dob_precision').notNull(),
    dobPlaceholder: boolean('dob_placeholder').notNull().default(false),
    placeOfBirth: text('place_of_birth'),
    countryOfBirth: text('country_of_birth'),
    nationalities: text('nationalities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    registeredByAgencyId: uuid('registered_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Optimistic concurrency: the ETag; every update is a compare-and-set on it. */
    version: integer('version').notNull().default(1),
    blockingKeys: text('blocking_keys').array().notNull(),
    /** `people-matching` BLOCKING_KEYS_VERSION the keys were computed with; older rows get recomputed. */
    blockingKeysVersion: integer('blocking_keys_version').notNull().default(1),
    /** Languages: German per CEFR skill ({listening, reading, speaking, writing} → A1…C2). */
    germanLevels: jsonb('german_levels')
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    /** ISO 639 code of the language to interpret into. */
    interpreterLanguage: text('interpreter_language'),
    /** Set when this record was merged into another; the row stays so that the merge can be undone. */
    mergedIntoId: uuid('merged_into_id'),
    /** Set by the purge job when the retention period ended: names and details were removed (issue 5). */
    anonymisedAt: ts('anonymised_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('people_agency_idx').on(t.registeredByAgencyId),
    // fastupdate off: PGlite has no autovacuum, so a GIN pending list would never be merged and
    // every lookup would scan it (110 ms instead of 2 ms at 20,000 people, bench/people.bench.ts).
    index('people_blocking_keys_idx').using('gin', t.blockingKeys).with({ fastupdate: false }),
    index('people_merged_into_idx').on(t.mergedIntoId),
  ],
);

/** Further spellings of a person's name (transliterations, former names, aliases, original script). */
export const personNameVariants = pgTable(
  'person_name_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    givenNames: text('given_names'),
    familyName: text('family_name'),
    script: text('script'),
    position: integer('position').notNull(),
  },
  (t) => [index('person_name_variants_person_idx').on(t.personId, t.position)],
);

/** Official identifiers (AZR-Nummer, BAMF-Aktenzeichen, …): one person per identifier. */
export const personIdentifiers = pgTable(
  'person_identifiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    uniqueIndex('person_identifiers_kind_value_uq').on(t.kind, t.value),
    index('person_identifiers_person_idx').on(t.personId),
  ],
);

/** Languages a person speaks besides German (German has its CEFR levels on `people`). */
export const personLanguages = pgTable(
  'person_languages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** ISO 639-1 or 639-3 code, e.g. ar, fa, prs (Dari), ti (Tigrinya), uk. */
    language: text('language').notNull(),
    motherTongue: boolean('mother_tongue').notNull().default(false),
    /** Free self-assessment such as "fließend" or a CEFR level; null when unknown. */
    level: text('level'),
    position: integer('position').notNull(),
  },
  (t) => [index('person_languages_person_idx').on(t.personId, t.position)],
);

/** Phone numbers, e-mail addresses and messengers, each with the person's consent to be used. */
export const personContacts = pgTable(
  'person_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    /** For messengers: whatsapp, signal, telegram, other. */
    service: text('service'),
    consentToUse: boolean('consent_to_use').notNull().default(false),
    consentRecordedOn: date('consent_recorded_on', { mode: 'string' }),
    note: text('note'),
    position: integer('position').notNull(),
  },
  (t) => [index('person_contacts_person_idx').on(t.personId, t.position)],
);

/**
 * The address register: every postal address once, keyed by its normalised form. People's
 * addresses link here; the social-space module adds deliverability facts (mailbox, names on it).
 */
export const addresses = pgTable(
  'addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    street: text('street').notNull(),
    houseNumber: text('house_number').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    districtId: uuid('district_id').references(() => districts.id),
    /** lower-case street (str. → straße), house number, postal code: one row per real address. */
    normalisedKey: text('normalised_key').notNull(),
    /** WGS 84 point of the house, when known (geocoded by hand or by an import). */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    // Deliverability facts (Zustellbarkeit). null = not known yet.
    mailboxPresent: boolean('mailbox_present'),
    /** The names written on the mailbox or doorbell, as seen. */
    namesOnMailbox: text('names_on_mailbox'),
    /** Shared accommodation (Gemeinschaftsunterkunft) with central mail distribution. */
    sharedAccommodation: boolean('shared_accommodation'),
    /** reliable | unreliable | undeliverable | unknown (see shared/contracts/addresses.ts). */
    mailDelivery: text('mail_delivery').notNull().default('unknown'),
    accessNotes: text('access_notes'),
    lastCheckedAt: ts('last_checked_at'),
    lastCheckedBy: uuid('last_checked_by').references(() => users.id),
    /** exploration | casework | correspondence: where the last check came from. */
    lastCheckedSource: text('last_checked_source'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('addresses_normalised_key_uq').on(t.normalisedKey),
    index('addresses_district_idx').on(t.districtId),
    index('addresses_delivery_idx').on(t.mailDelivery),
  ],
);

/**
 * Every check of an address's deliverability facts, newest last: who, when, from which source
 * (an exploration, casework, a returned letter) and the facts as recorded then.
 */
export const addressChecks = pgTable(
  'address_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    addressId: uuid('address_id')
      .notNull()
      .references(() => addresses.id, { onDelete: 'cascade' }),
    checkedAt: ts('checked_at').notNull(),
    checkedBy: uuid('checked_by').references(() => users.id),
    checkedByAgencyId: uuid('checked_by_agency_id').references(() => agencies.id),
    source: text('source').notNull(),
    /** The exploration or letter the check came from. */
    sourceId: uuid('source_id'),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
  },
  (t) => [index('address_checks_address_idx').on(t.addressId, t.checkedAt)],
);

/** Where a person lives or lived (kind residence / accommodation / postal), with dates. */
export const personAddresses = pgTable(
  'person_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    addressId: uuid('address_id')
      .notNull()
      .references(() => addresses.id),
    kind: text('kind').notNull(),
    /** c/o, Zimmer, Etage: what the register's address does not say. */
    addressSuffix: text('address_suffix'),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    position: integer('position').notNull(),
  },
  (t) => [
    index('person_addresses_person_idx').on(t.personId, t.position),
    index('person_addresses_address_idx').on(t.addressId),
  ],
);

/** A household or Bedarfsgemeinschaft; its members change over time (household_members). */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name'),
    registeredByAgencyId: uuid('registered_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('households_agency_idx').on(t.registeredByAgencyId)],
);

/**
 * Membership of a person in a household for a period. The relationship is to the head of
 * household ('head' marks the head). A change is a new row; ended rows stay as history.
 */
export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    relationship: text('relationship').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    endReason: text('end_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('household_members_household_idx').on(t.householdId),
    index('household_members_person_idx').on(t.personId),
  ],
);

/** Residence documents as a timeline per person (Aufenthaltsgestattung, Duldung, Aufenthaltserlaubnis …). */
export const residenceDocuments = pgTable(
  'residence_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    documentType: text('document_type').notNull(),
    /** Normalised norm, e.g. "AufenthG § 25 Abs. 2". */
    legalBasis: text('legal_basis'),
    documentNumber: text('document_number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    employment: text('employment').notNull(),
    wohnsitzauflage: boolean('wohnsitzauflage').notNull().default(false),
    wohnsitzauflageMunicipality: text('wohnsitzauflage_municipality'),
    raeumlicheBeschraenkung: boolean('raeumliche_beschraenkung').notNull().default(false),
    raeumlicheBeschraenkungArea: text('raeumliche_beschraenkung_area'),
    issuingAuthority: text('issuing_authority'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('residence_documents_person_idx').on(t.personId),
    index('residence_documents_valid_until_idx').on(t.validUntil),
  ],
);

/**
 * A merge of two person records. The merged record stays (people.merged_into_id); `snapshot`
 * holds both records as they were and `moved` the ids of every row re-pointed, so undo restores
 * exactly the state before.
 */
export const personMerges = pgTable(
  'person_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => people.id),
    mergedId: uuid('merged_id')
      .notNull()
      .references(() => people.id),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    moved: jsonb('moved').$type<Record<string, string[]>>().notNull(),
    reason: text('reason'),
    mergedAt: ts('merged_at').notNull(),
    mergedBy: uuid('merged_by').references(() => users.id),
    undoneAt: ts('undone_at'),
    undoneBy: uuid('undone_by').references(() => users.id),
  },
  (t) => [index('person_merges_survivor_idx').on(t.survivorId), index('person_merges_merged_idx').on(t.mergedId)],
);

/** "Not the same person": a pair the duplicate check must not propose again (low id first). */
export const personNonDuplicates = pgTable(
  'person_non_duplicates',
  {
    personLowId: uuid('person_low_id')
      .notNull()
      .references(() => people.id),
    personHighId: uuid('person_high_id')
      .notNull()
      .references(() => people.id),
    decidedAt: ts('decided_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [uniqueIndex('person_non_duplicates_pair_uq').on(t.personLowId, t.personHighId)],
);

/**
 * Cases (Fälle): one person's (optionally the household's) support across agencies. The phase
 * moves intake → assessment → planning → implementation → monitoring → closure; every move is a
 * row in case_events. `version` is the ETag.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human file reference, e.g. "F-2026-00042", unique. */
    reference: text('reference').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** Set when the case covers the whole household. */
    householdId: uuid('household_id').references(() => households.id),
    title: text('title').notNull(),
    phase: text('phase').notNull(),
    leadUserId: uuid('lead_user_id')
      .notNull()
      .references(() => users.id),
    leadAgencyId: uuid('lead_agency_id')
      .notNull()
      .references(() => agencies.id),
    closureReason: text('closure_reason'),
    closureOutcome: text('closure_outcome'),
    openedAt: ts('opened_at').notNull(),
    closedAt: ts('closed_at'),
    /** Set by the purge job when the case's retention period ended: its texts were removed (issue 5). */
    anonymisedAt: ts('anonymised_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('cases_reference_uq').on(t.reference),
    index('cases_person_idx').on(t.personId),
    index('cases_lead_user_idx').on(t.leadUserId),
    index('cases_lead_agency_phase_idx').on(t.leadAgencyId, t.phase),
  ],
);

/** The case team across agencies: lead, participant or consulted; leaving keeps the row (left_at). */
export const caseTeamMembers = pgTable(
  'case_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** A named colleague, or null when the agency as a whole takes part. */
    userId: uuid('user_id').references(() => users.id),
    role: text('role').notNull(),
    joinedAt: ts('joined_at').notNull(),
    leftAt: ts('left_at'),
    addedBy: uuid('added_by').references(() => users.id),
    /**
     * Why another agency may see the case (issue 5): a consent of the person naming the agency
     * (membership ends with the consent), or the legal basis of the transfer (also written to the
     * transfer log). Both null for the lead agency, whose own client it is.
     */
    consentId: uuid('consent_id'),
    legalBasis: text('legal_basis'),
  },
  (t) => [
    index('case_team_members_case_idx').on(t.caseId),
    index('case_team_members_agency_idx').on(t.agencyId),
    index('case_team_members_user_idx').on(t.userId),
  ],
);

/**
 * Everything that happened on a case (the timeline): phase changes, team changes, reassignment,
 * assessments … `details` holds ids and codes only, never free text of social data.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorAgencyId: uuid('actor_agency_id').references(() => agencies.id),
    fromPhase: text('from_phase'),
    toPhase: text('to_phase'),
    /** Reason given for a phase change, reopening or reassignment (shown on the timeline). */
    note: text('note'),
    details: jsonb('details')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.occurredAt)],
);

/**
 * Resource-oriented assessment (Potenzialanalyse), versioned per case: a draft is edited until it
 * is completed; a new version starts from the latest one. `domains` maps each life domain to the
 * person's strengths/resources and needs/barriers, each in the person's and the caseworker's view.
 */
export const caseAssessments = pgTable(
  'case_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    status: text('status').notNull(),
    domains: jsonb('domains').$type<Record<string, unknown>>().notNull(),
    potentialAnalysis: text('potential_analysis'),
    /** Optimistic concurrency of the draft (ETag). */
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
  },
  (t) => [uniqueIndex('case_assessments_case_version_uq').on(t.caseId, t.versionNo)],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * Plans of a case: integration plan, Kooperationsplan (§ 15 SGB II, with its review date) and
 * Hilfeplan (§ 36 SGB VIII). The owning agency edits the plan; `version` is the ETag of the plan
 * with its goals and steps.
 */
export const casePlans = pgTable(
  'case_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** draft → agreed (with the person) → ended. */
    status: text('status').notNull(),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    agreedOn: date('agreed_on', { mode: 'string' }),
    /** Next review (Fortschreibung); required for a Kooperationsplan. */
    reviewDate: date('review_date', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [index('case_plans_case_idx').on(t.caseId), index('case_plans_review_idx').on(t.reviewDate)],
);

/** A goal of a plan: in the person's own words and as a measurable target. */
export const casePlanGoals = pgTable(
  'case_plan_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => casePlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    ownWords: text('own_words').notNull(),
    target: text('target').notNull(),
    targetDate: date('target_date', { mode: 'string' }),
    status: text('status').notNull(),
  },
  (t) => [index('case_plan_goals_plan_idx').on(t.planId)],
);

/**
 * A step of a plan: one link of the chain of services (Leistungskette). Responsible agency (and
 * optionally a named colleague), a measure or a local resource, due date, status and result.
 * `resourceId` links a service of the social-space resource directory ("Sprachcafé, dienstags").
 */
export const casePlanSteps = pgTable(
  'case_plan_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => casePlans.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').references(() => casePlanGoals.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    measure: text('measure').notNull(),
    responsibleAgencyId: uuid('responsible_agency_id')
      .notNull()
      .references(() => agencies.id),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    resourceId: uuid('resource_id').references(() => resourceServices.id),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull(),
    result: text('result'),
  },
  (t) => [
    index('case_plan_steps_plan_idx').on(t.planId),
    index('case_plan_steps_agency_idx').on(t.responsibleAgencyId, t.status),
    index('case_plan_steps_resource_idx').on(t.resourceId),
  ],
);

/**
 * Tasks and deadlines on a case, for an agency of the case team and optionally a named colleague.
 * `source` says where a task came from: written by hand, a plan's review date, or a decision of a
 * case conference (`sourceId` is then the plan or the decision).
 */
export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    assigneeAgencyId: uuid('assignee_agency_id')
      .notNull()
      .references(() => agencies.id),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    /** open → done | cancelled */
    status: text('status').notNull(),
    source: text('source').notNull(),
    sourceId: uuid('source_id'),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    /** The agency the task was created for (its colleague may later move to another agency). */
    createdByAgencyId: uuid('created_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('case_tasks_case_idx').on(t.caseId),
    index('case_tasks_user_idx').on(t.assigneeUserId, t.status, t.dueDate),
    index('case_tasks_agency_idx').on(t.assigneeAgencyId, t.status, t.dueDate),
    index('case_tasks_source_idx').on(t.source, t.sourceId),
  ],
);

/**
 * Case notes (Vermerke): contact, home visit, phone call, conference … with a confidentiality
 * level: `team` (the case team), `agency` (the author's agency), `author` (the author alone).
 */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    confidentiality: text('confidentiality').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorAgencyId: uuid('author_agency_id')
      .notNull()
      .references(() => agencies.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.occurredAt)],
);

/**
 * Documents of a case: metadata here, the bytes in case_document_contents (lists never load them).
 * `retentionClass` decides when the data-protection purge deletes the document.
 */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    docType: text('doc_type').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    retentionClass: text('retention_class').notNull(),
    confidentiality: text('confidentiality').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAgencyId: uuid('uploaded_agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId, t.uploadedAt)],
);

export const caseDocumentContents = pgTable('case_document_contents', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => caseDocuments.id, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
});

/** Appointments of a case, with whom, where, and whether an interpreter is needed. */
export const caseAppointments = pgTable(
  'case_appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at'),
    location: text('location'),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: uuid('user_id').references(() => users.id),
    interpreterLanguage: text('interpreter_language'),
    /** Interpreter need (issue 8): booked or not yet, who, and the cost centre that pays. */
    interpreterBooked: boolean('interpreter_booked').notNull().default(false),
    interpreterName: text('interpreter_name'),
    interpreterCostCentre: text('interpreter_cost_centre'),
    /** planned → held | missed | cancelled */
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('case_appointments_case_idx').on(t.caseId, t.startsAt),
    index('case_appointments_user_idx').on(t.userId, t.startsAt),
  ],
);

/** Case conferences (Fallkonferenzen): participants from several agencies, agenda, minutes, decisions. */
export const caseConferences = pgTable(
  'case_conferences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    scheduledAt: ts('scheduled_at').notNull(),
    location: text('location'),
    /** planned → held (minutes final, decisions became tasks) | cancelled */
    status: text('status').notNull(),
    agenda: jsonb('agenda')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    minutes: text('minutes'),
    heldAt: ts('held_at'),
    organiserAgencyId: uuid('organiser_agency_id')
      .notNull()
      .references(() => agencies.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [index('case_conferences_case_idx').on(t.caseId, t.scheduledAt)],
);

/** Who takes part: an agency (optionally a named colleague) or someone outside (the person, an interpreter). */
export const caseConferenceParticipants = pgTable(
  'case_conference_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => caseConferences.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').references(() => agencies.id),
    userId: uuid('user_id').references(() => users.id),
    externalName: text('external_name'),
    externalRole: text('external_role'),
    attended: boolean('attended'),
  },
  (t) => [index('case_conference_participants_conf_idx').on(t.conferenceId)],
);

/** A decision of a conference for a named agency; becomes a case task when the minutes are final. */
export const caseConferenceDecisions = pgTable(
  'case_conference_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => caseConferences.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    responsibleAgencyId: uuid('responsible_agency_id')
      .notNull()
      .references(() => agencies.id),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    taskId: uuid('task_id').references(() => caseTasks.id, { onDelete: 'set null' }),
  },
  (t) => [index('case_conference_decisions_conf_idx').on(t.conferenceId)],
);

// ---------------------------------------------------------------------------------------------
// Data protection (issue 5): category matrix, consents, transfers, break-glass, notifications,
// retention and legal holds. See docs/data-protection.md.

/** The configurable category matrix: which agency kind sees which data category, and why. */
export const categoryAccessRules = pgTable(
  'category_access_rules',
  {
    agencyKind: text('agency_kind').notNull(),
    category: text('category').notNull(),
    legalBasis: text('legal_basis').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('category_access_rules_uq').on(t.agencyKind, t.category)],
);

/** Versioned consent texts, one row per version and language; a consent references the one it was given on. */
export const consentTexts = pgTable(
  'consent_texts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull(),
    language: text('language').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consent_texts_version_language_uq').on(t.version, t.language)],
);

/**
 * Specific consents (Art. 6 (1) a, Art. 9 (2) a GDPR; § 67b SGB X; § 65 SGB VIII): which
 * categories, to which agencies, for which purpose, given on, until, on which text, with which
 * evidence. Withdrawal sets withdrawn_at; access ends with the next request.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    categories: text('categories').array().notNull(),
    recipientAgencyIds: uuid('recipient_agency_ids').array().notNull(),
    purpose: text('purpose').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    textVersion: integer('text_version').notNull(),
    textLanguage: text('text_language').notNull(),
    /** 'signed_scan' (an uploaded scan in consent_evidence) or 'in_person' (confirmed in person, with a note). */
    evidenceKind: text('evidence_kind').notNull(),
    evidenceNote: text('evidence_note'),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawalNote: text('withdrawal_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('consents_person_idx').on(t.personId)],
);

/** The signed scan of a consent (PDF/PNG/JPEG/TIFF), kept apart from the metadata. */
export const consentEvidence = pgTable('consent_evidence', {
  consentId: uuid('consent_id')
    .primaryKey()
    .references(() => consents.id, { onDelete: 'cascade' }),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  content: bytea('content').notNull(),
  uploadedAt: ts('uploaded_at').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
});

/**
 * The transfer log (Übermittlungen, §§ 67d, 69 ff. SGB X; §§ 87, 88 AufenthG): which norm, which
 * categories of whose data, from which agency to which, when. A transfer also lets the recipient
 * see those categories of the person until `valid_until`.
 */
export const dataTransfers = pgTable(
  'data_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    fromAgencyId: uuid('from_agency_id')
      .notNull()
      .references(() => agencies.id),
    toAgencyId: uuid('to_agency_id')
      .notNull()
      .references(() => agencies.id),
    categories: text('categories').array().notNull(),
    legalBasis: text('legal_basis').notNull(),
    purpose: text('purpose').notNull(),
    transferredAt: ts('transferred_at').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [index('data_transfers_person_idx').on(t.personId), index('data_transfers_to_idx').on(t.toAgencyId)],
);

/** Emergency access (break-glass): one user, one person, a reason, at most 3 hours; reviewed afterwards. */
export const breakGlassGrants = pgTable(
  'break_glass_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason').notNull(),
    grantedAt: ts('granted_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    endedAt: ts('ended_at'),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewOutcome: text('review_outcome'),
    reviewNote: text('review_note'),
  },
  (t) => [index('break_glass_user_idx').on(t.userId, t.personId), index('break_glass_review_idx').on(t.reviewedAt)],
);

/** In-app notifications (break-glass use, …); payloads carry ids and codes, never social data. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    payload: jsonb('payload')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_recipient_idx').on(t.recipientUserId, t.readAt)],
);

/** Retention period per record class (configurable; defaults from shared/domain/data-protection/retention). */
export const retentionPolicies = pgTable('retention_policies', {
  recordClass: text('record_class').primaryKey(),
  years: integer('years').notNull(),
  countsFrom: text('counts_from').notNull(),
  action: text('action').notNull(),
  basis: text('basis').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** A legal hold stops the purge of a person or a case (litigation, audit, pending procedure). */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    reason: text('reason').notNull(),
    placedAt: ts('placed_at').notNull(),
    placedBy: uuid('placed_by').references(() => users.id),
    releasedAt: ts('released_at'),
    releasedBy: uuid('released_by').references(() => users.id),
    releaseNote: text('release_note'),
  },
  (t) => [index('legal_holds_subject_idx').on(t.subjectType, t.subjectId)],
);

/** Each run of the purge job: what was due, what was deleted or anonymised, what a hold kept. */
export const purgeRuns = pgTable('purge_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  startedAt: ts('started_at').notNull(),
  finishedAt: ts('finished_at'),
  dryRun: boolean('dry_run').notNull(),
  triggeredBy: uuid('triggered_by').references(() => users.id),
  counts: jsonb('counts')
    .$type<Record<string, number>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
});

/**
 * The last legal-domain evaluation of each person, written when residence data change, so that
 * the next change can be compared with it. Rule ids only: the facts stay where they are stored.
 */
export const legalEvaluations = pgTable('legal_evaluations', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id),
  evaluatedAt: ts('evaluated_at').notNull(),
  ruleSetVersion: text('rule_set_version').notNull(),
  benefitSystem: text('benefit_system').notNull(),
  responsibleAgencyKind: text('responsible_agency_kind').notNull(),
  /** `{ ruleIds: string[] }` — which rules fired, never the facts or explanations. */
  result: jsonb('result').$type<{ ruleIds: string[] }>().notNull(),
});

/**
 * A Rechtskreiswechsel: the benefit system changed, one agency hands the person over to another
 * with a checklist (item keys from shared/domain/legal/handover-checklist.ts), deadlines and an owner.
 */
export const legalHandovers = pgTable(
  'legal_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    fromBenefitSystem: text('from_benefit_system').notNull(),
    toBenefitSystem: text('to_benefit_system').notNull(),
    fromAgencyKind: text('from_agency_kind').notNull(),
    toAgencyKind: text('to_agency_kind').notNull(),
    /** When the change takes effect (e.g. the last AsylbLG day, the end of the month). */
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    status: text('status').notNull().default('open'),
    checklist: jsonb('checklist')
      .$type<{ key: string; done: boolean; doneAt: string | null; doneBy: string | null }[]>()
      .notNull(),
    cancelReason: text('cancel_reason'),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('legal_handovers_person_idx').on(t.personId, t.status),
    index('legal_handovers_status_due_idx').on(t.status, t.dueOn),
  ],
);

// ---------------------------------------------------------------------------------------------
// Social space (Sozialraum): staff per district, the resource directory (Open Referral HSDS 3
// model), explorations (Sozialraumerkundungen)

/** Staff assigned to a district (Sozialraumteam); a caseworker can work in several districts. */
export const districtStaff = pgTable(
  'district_staff',
  {
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
    assignedBy: uuid('assigned_by').references(() => users.id),
  },
  (t) => [uniqueIndex('district_staff_uq').on(t.districtId, t.userId), index('district_staff_user_idx').on(t.userId)],
);

/** The local category taxonomy of the directory (HSDS taxonomy_term): bakery, pharmacy, language café, … */
export const resourceTaxonomyTerms = pgTable('resource_taxonomy_terms', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  description: text('description'),
  parentId: uuid('parent_id'),
  position: integer('position').notNull().default(0),
});

/** HSDS organization: who offers something (a bakery, a parish, a club, a counselling service). */
export const resourceOrganizations = pgTable('resource_organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  alternateName: text('alternate_name'),
  description: text('description'),
  email: text('email'),
  website: text('website'),
  legalStatus: text('legal_status'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** HSDS location: where (a physical place linked to the address register, with a WGS 84 point). */
export const resourceLocations = pgTable(
  'resource_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => resourceOrganizations.id, { onDelete: 'cascade' }),
    name: text('name'),
    description: text('description'),
    addressId: uuid('address_id').references(() => addresses.id),
    districtId: uuid('district_id').references(() => districts.id),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Step-free access, toilets, hearing loop … as free text (HSDS accessibility.description). */
    accessibility: text('accessibility'),
    transportation: text('transportation'),
  },
  (t) => [
    index('resource_locations_org_idx').on(t.organizationId),
    index('resource_locations_district_idx').on(t.districtId),
  ],
);

/** A contact of a service; `public` false keeps it out of the open HSDS feed. */
export type ResourceContact = {
  id: string;
  name: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  public: boolean;
};
/** Opening hours as HSDS schedule: weekly, on the given days, from–to (local time Europe/Berlin). */
export type ResourceSchedule = {
  id: string;
  byDay: string[];
  opensAt: string | null;
  closesAt: string | null;
  description: string | null;
};

/**
 * HSDS service: what is offered ("Sprachcafé, dienstags 16–18 Uhr"). This is the "resource" a
 * case-plan step links to. `internalNote` (willingness to cooperate, whom to ask) is confidential
 * and never leaves the authenticated API.
 */
export const resourceServices = pgTable(
  'resource_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => resourceOrganizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description'),
    url: text('url'),
    email: text('email'),
    /** active | inactive | defunct | temporarily closed (HSDS service.status). */
    status: text('status').notNull().default('active'),
    /** Short notice, e.g. why and until when it is temporarily closed (HSDS alert). */
    alert: text('alert'),
    interpretationServices: text('interpretation_services'),
    applicationProcess: text('application_process'),
    feesDescription: text('fees_description'),
    /** free | reduced | paid (our summary of the cost; HSDS carries the text). */
    cost: text('cost'),
    eligibilityDescription: text('eligibility_description'),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    /** Taxonomy term codes (resource_taxonomy_terms.code). */
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** ISO 639-1 codes of languages spoken without an interpreter. */
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    contacts: jsonb('contacts').$type<ResourceContact[]>().notNull().default([]),
    schedules: jsonb('schedules').$type<ResourceSchedule[]>().notNull().default([]),
    internalNote: text('internal_note'),
    /** When and by whom the entry was last verified (HSDS assured_date / assurer). */
    verifiedOn: date('verified_on', { mode: 'string' }),
    verifiedBy: uuid('verified_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('resource_services_org_idx').on(t.organizationId), index('resource_services_status_idx').on(t.status)],
);

/** HSDS service_at_location: a service offered at a location. */
export const resourceServiceLocations = pgTable(
  'resource_service_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => resourceServices.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => resourceLocations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('resource_service_locations_uq').on(t.serviceId, t.locationId),
    index('resource_service_locations_location_idx').on(t.locationId),
  ],
);

/** A participant of an exploration: a colleague (user) or someone from outside by name. */
export type ExplorationParticipant = { userId: string | null; name: string; organisation: string | null };
/** A stakeholder met on the walk: the baker, the priest, the caretaker — a role contact, not a client. */
export type ExplorationStakeholder = {
  name: string;
  role: string | null;
  organisation: string | null;
  serviceId: string | null;
};

/** A Sozialraumerkundung: a walk through a district and what it found. */
export const explorations = pgTable(
  'explorations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    exploredOn: date('explored_on', { mode: 'string' }).notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    participants: jsonb('participants').$type<ExplorationParticipant[]>().notNull().default([]),
    route: text('route'),
    findings: text('findings'),
    stakeholders: jsonb('stakeholders').$type<ExplorationStakeholder[]>().notNull().default([]),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('explorations_district_idx').on(t.districtId, t.exploredOn)],
);

/** Resources an exploration discovered or updated. */
export const explorationResources = pgTable(
  'exploration_resources',
  {
    explorationId: uuid('exploration_id')
      .notNull()
      .references(() => explorations.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => resourceServices.id, { onDelete: 'cascade' }),
    /** discovered | updated */
    change: text('change').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('exploration_resources_uq').on(t.explorationId, t.serviceId)],
);

/** Addresses whose deliverability an exploration checked (the facts are in address_checks). */
export const explorationAddresses = pgTable(
  'exploration_addresses',
  {
    explorationId: uuid('exploration_id')
      .notNull()
      .references(() => explorations.id, { onDelete: 'cascade' }),
    addressId: uuid('address_id')
      .notNull()
      .references(() => addresses.id),
    checkId: uuid('check_id').references(() => addressChecks.id),
  },
  (t) => [uniqueIndex('exploration_addresses_uq').on(t.explorationId, t.addressId)],
);

/**
 * A follow-up of an exploration: a task for an agency (optionally a named colleague) with a due
 * date, shown in the task inbox beside the case tasks.
 */
export const explorationFollowUps = pgTable(
  'exploration_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    explorationId: uuid('exploration_id')
      .notNull()
      .references(() => explorations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    assigneeAgencyId: uuid('assignee_agency_id')
      .notNull()
      .references(() => agencies.id),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    /** open | done */
    status: text('status').notNull().default('open'),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('exploration_follow_ups_assignee_idx').on(t.assigneeAgencyId, t.status),
    index('exploration_follow_ups_user_idx').on(t.assigneeUserId, t.status),
  ],
);

// ---------------------------------------------------------------------------------------------
// Correspondence (issue 8): letters from templates, delivery and its proof, the person's consent
// to electronic channels, the outbox of e-mail, appointment reminders and the sanction guard.
// See docs/correspondence.md.

/**
 * The person's consent to be written to on an electronic channel (e-mail, messenger). Post and
 * hand delivery need none; e-mail and messenger are offered only while such a consent is in force.
 */
export const communicationConsents = pgTable(
  'communication_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** email | messenger */
    channel: text('channel').notNull(),
    /** The e-mail address or the messenger number/handle the person gave. */
    address: text('address').notNull(),
    /** For messenger: which service (e.g. Signal, Threema); free text. */
    service: text('service'),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    /** in_person | signed_scan | written (an e-mail or letter of the person) */
    evidenceKind: text('evidence_kind').notNull(),
    evidenceNote: text('evidence_note'),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('communication_consents_person_idx').on(t.personId)],
);

/**
 * A letter to a person from a template (invitation, appointment, request for documents, hearing
 * before a reduction of benefits, cover letter for a decision), in the person's language with the
 * German original. A letter belongs to a case and its sending agency; `confidentiality` follows the
 * case records (team / agency / author). The PDF is fixed when the letter is sent.
 */
export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** invitation | appointment | document_request | sanction_hearing | decision_cover */
    template: text('template').notNull(),
    /** The language of the translation (ISO 639-1); 'de' means the German original only. */
    language: text('language').notNull(),
    subject: text('subject').notNull(),
    /** The placeholder values the caseworker filled in (template field → text). */
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    /** The appointment an invitation or appointment letter is about. */
    appointmentId: uuid('appointment_id').references(() => caseAppointments.id, { onDelete: 'set null' }),
    /** post | hand_delivery | email | messenger */
    channel: text('channel').notNull(),
    /** The postal address used (post, hand delivery). */
    addressId: uuid('address_id').references(() => addresses.id),
    /** The electronic channel's consent (e-mail, messenger). */
    communicationConsentId: uuid('communication_consent_id').references(() => communicationConsents.id),
    /** draft | sent | delivered | returned | undeliverable */
    status: text('status').notNull().default('draft'),
    /** team | agency | author (as case notes). */
    confidentiality: text('confidentiality').notNull().default('agency'),
    sentAt: ts('sent_at'),
    sentBy: uuid('sent_by').references(() => users.id),
    /** When delivery was proven, and how. */
    deliveredAt: ts('delivered_at'),
    /** postzustellungsurkunde | signature | read_receipt | confirmation_in_person */
    proofKind: text('proof_kind'),
    proofNote: text('proof_note'),
    returnedAt: ts('returned_at'),
    /** e.g. no_mailbox | addressee_unknown | moved | refused | other */
    returnReason: text('return_reason'),
    /** The rendered PDF as sent (translation + German original). */
    pdf: bytea('pdf'),
    pdfSha256: text('pdf_sha256'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('letters_person_idx').on(t.personId, t.createdAt),
    index('letters_case_idx').on(t.caseId, t.createdAt),
    index('letters_appointment_idx').on(t.appointmentId),
    index('letters_agency_status_idx').on(t.agencyId, t.status),
  ],
);

/** The delivery history of a letter: sent, delivered with proof, returned, undeliverable, read. */
export const letterEvents = pgTable(
  'letter_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    letterId: uuid('letter_id')
      .notNull()
      .references(() => letters.id, { onDelete: 'cascade' }),
    /** sent | delivered | returned | undeliverable | read | mail_sent | mail_failed */
    kind: text('kind').notNull(),
    /** When it happened (e.g. the date on the Postzustellungsurkunde). */
    occurredAt: ts('occurred_at').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    proofKind: text('proof_kind'),
    reason: text('reason'),
    note: text('note'),
  },
  (t) => [index('letter_events_letter_idx').on(t.letterId, t.occurredAt)],
);

/**
 * The outbox of e-mail (transactional: written in the same transaction as the letter or reminder,
 * delivered afterwards by the mailer). queued → sent | failed (retried) | held (demo mode or no
 * SMTP configured: nothing leaves the machine).
 */
export const outgoingMail = pgTable(
  'outgoing_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    letterId: uuid('letter_id').references(() => letters.id, { onDelete: 'cascade' }),
    reminderId: uuid('reminder_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** Attach the letter's PDF. */
    attachLetterPdf: boolean('attach_letter_pdf').notNull().default(false),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: ts('next_attempt_at'),
    messageId: text('message_id'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('outgoing_mail_status_idx').on(t.status, t.nextAttemptAt)],
);

/** A reminder of an appointment: to the person by e-mail (where consented) or as a task to the agency. */
export const appointmentReminders = pgTable(
  'appointment_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => caseAppointments.id, { onDelete: 'cascade' }),
    dueAt: ts('due_at').notNull(),
    /** email | task */
    channel: text('channel').notNull(),
    /** pending | sent | skipped | cancelled */
    status: text('status').notNull().default('pending'),
    processedAt: ts('processed_at'),
    outcome: text('outcome'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('appointment_reminders_due_idx').on(t.status, t.dueAt),
    index('appointment_reminders_appointment_idx').on(t.appointmentId),
  ],
);

/**
 * A reduction of benefits (Leistungsminderung, e.g. § 32 SGB II for a missed appointment) and the
 * sanction guard's decision on it: `completed` only when the invitation's delivery is proven and
 * the address is not flagged undeliverable; otherwise `blocked`, with the guard's findings and the
 * second channel the caseworker chose.
 */
export const benefitReductions = pgTable(
  'benefit_reductions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** missed_appointment | other */
    reason: text('reason').notNull(),
    description: text('description'),
    appointmentId: uuid('appointment_id').references(() => caseAppointments.id, { onDelete: 'set null' }),
    /** The invitation whose delivery the guard checked. */
    letterId: uuid('letter_id').references(() => letters.id, { onDelete: 'set null' }),
    /** blocked | completed */
    status: text('status').notNull(),
    /** The guard's findings when decided (which conditions held, which did not). */
    guard: jsonb('guard').$type<Record<string, unknown>>().notNull(),
    /** hand_delivery_accommodation | phone | social_worker, when blocked. */
    secondChannel: text('second_channel'),
    decisionNote: text('decision_note'),
    decidedAt: ts('decided_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [index('benefit_reductions_case_idx').on(t.caseId, t.decidedAt)],
);

// ---------------------------------------------------------------------------------------------
// Profiles, measures and referrals (issue 9). See docs/profiles-referrals.md.

/**
 * A person's competence profile (category employment_profile): one per person, edited by the
 * agencies that may see the category. The lists are JSON validated by shared/contracts/profiles.ts.
 * `profiledOn` is the day the profile was first completed: it puts the person in a funnel cohort.
 */
export const competenceProfiles = pgTable(
  'competence_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    profiledOn: date('profiled_on', { mode: 'string' }).notNull(),
    education: jsonb('education').$type<Record<string, unknown>[]>().notNull().default([]),
    qualifications: jsonb('qualifications').$type<Record<string, unknown>[]>().notNull().default([]),
    recognitions: jsonb('recognitions').$type<Record<string, unknown>[]>().notNull().default([]),
    workExperience: jsonb('work_experience').$type<Record<string, unknown>[]>().notNull().default([]),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** German per skill (reading, listening, writing, speaking) as CEFR A1–C2, null = not assessed. */
    germanLevels: jsonb('german_levels').$type<Record<string, string | null>>().notNull().default({}),
    /** Lowest of the four German skills (or the only one known): indexed for criteria and reports. */
    germanOverall: text('german_overall'),
    motherTongues: text('mother_tongues')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    otherLanguages: jsonb('other_languages').$type<Record<string, unknown>[]>().notNull().default([]),
    drivingLicences: text('driving_licences')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    interests: text('interests'),
    wishes: text('wishes'),
    ownGoals: text('own_goals'),
    constraints: jsonb('constraints').$type<Record<string, unknown>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('competence_profiles_person_uq').on(t.personId),
    index('competence_profiles_profiled_idx').on(t.profiledOn),
  ],
);

/**
 * The measures catalogue: programmes and courses (Integrationskurs, Berufssprachkurs, PerF, EQ,
 * Arbeitsgelegenheit, …) with provider, places, dates and eligibility criteria as data.
 * `agencyId` is the agency that receives referrals to it (e.g. the Agentur für Arbeit for PerF).
 */
export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** integration_course | job_language_course | perf | eq | agh | vocational_preparation | municipal_offer | other */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    provider: text('provider').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    places: integer('places'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    location: text('location'),
    districtId: uuid('district_id').references(() => districts.id),
    /** Eligibility criteria (shared/domain/referrals/criteria.ts). */
    criteria: jsonb('criteria').$type<Record<string, unknown>[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('measures_agency_idx').on(t.agencyId), index('measures_kind_idx').on(t.kind)],
);

/** Each receiving agency's acceptance criteria for referrals, as data (e.g. German ≥ B1, free labour-market access). */
export const referralCriteria = pgTable('referral_criteria', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  criteria: jsonb('criteria').$type<Record<string, unknown>[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** The configurable list of reasons a receiving agency gives when it rejects a referral. */
export const referralRejectionReasons = pgTable('referral_rejection_reasons', {
  code: text('code').primaryKey(),
  labelDe: text('label_de').notNull(),
  labelEn: text('label_en').notNull(),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull(),
});

/**
 * A referral from one agency to another, optionally to a measure: draft → sent → accepted |
 * rejected → started → completed | dropped_out; revoked by the sender before it starts. Sending
 * needs a ground to pass the data: the person's consent or a recorded transfer (`consentId` /
 * `transferId`). The criteria check at sending is kept, and whether it was sent despite failures.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    fromAgencyId: uuid('from_agency_id')
      .notNull()
      .references(() => agencies.id),
    toAgencyId: uuid('to_agency_id')
      .notNull()
      .references(() => agencies.id),
    measureId: uuid('measure_id').references(() => measures.id),
    /** draft | sent | accepted | rejected | started | completed | dropped_out | revoked */
    status: text('status').notNull().default('draft'),
    purpose: text('purpose').notNull(),
    note: text('note'),
    consentId: uuid('consent_id').references(() => consents.id),
    transferId: uuid('transfer_id').references(() => dataTransfers.id),
    /** The criteria check when sent: each criterion with met / not met / unknown. */
    criteriaCheck: jsonb('criteria_check').$type<Record<string, unknown>[]>(),
    sentDespiteFailing: boolean('sent_despite_failing').notNull().default(false),
    rejectionReasonCode: text('rejection_reason_code').references(() => referralRejectionReasons.code),
    rejectionNote: text('rejection_note'),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    sentAt: ts('sent_at'),
    decidedAt: ts('decided_at'),
    startedOn: date('started_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('referrals_person_idx').on(t.personId),
    index('referrals_from_idx').on(t.fromAgencyId, t.status),
    index('referrals_to_idx').on(t.toAgencyId, t.status),
    index('referrals_follow_up_idx').on(t.status, t.followUpOn),
  ],
);

/** Every transition of a referral: who, when, from which state to which, with reason and note. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    reasonCode: text('reason_code'),
    note: text('note'),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.occurredAt)],
);

/** Work or training a person took up (for the funnel's "in work or training after 6 and 12 months"). */
export const employmentOutcomes = pgTable(
  'employment_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** work | training */
    kind: text('kind').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    employer: text('employer'),
    /** KldB 2010 code of the job, when known. */
    occupationCode: text('occupation_code'),
    socialInsurance: boolean('social_insurance'),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    recordedAt: ts('recorded_at').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [index('employment_outcomes_person_idx').on(t.personId, t.startedOn)],
);
