import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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

/** Districts (Stadtteile / Sozialräume). Geometry and statistics arrive with the social-space module. */
export const districts = pgTable('districts', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  borough: text('borough'),
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
  legalBases: jsonb('legal_bases').$type<LegalBasis[]>().notNull().default(sql`'[]'::jsonb`),
  contact: jsonb('contact').$type<AgencyContact>().notNull(),
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
  (t) => [
    index('users_agency_idx').on(t.agencyId),
    uniqueIndex('users_oidc_uq').on(t.oidcIssuer, t.oidcSubject),
  ],
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
    nationalities: text('nationalities').array().notNull().default(sql`'{}'::text[]`),
    registeredByAgencyId: uuid('registered_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Optimistic concurrency: the ETag; every update is a compare-and-set on it. */
    version: integer('version').notNull().default(1),
    blockingKeys: text('blocking_keys').array().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('people_agency_idx').on(t.registeredByAgencyId),
    index('people_blocking_keys_idx').using('gin', t.blockingKeys),
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
