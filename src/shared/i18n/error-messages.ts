/** Error codes the API can answer with; each has a message in every UI language. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'INVALID_SECOND_FACTOR',
  'SECOND_FACTOR_REQUIRED',
  'LOGIN_LOCKED',
  'ACCOUNT_NOT_PROVISIONED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'DUPLICATE_SUSPECTED',
  'PRECONDITION_FAILED',
  'PRECONDITION_REQUIRED',
  'RATE_LIMITED',
  'OIDC_NOT_CONFIGURED',
  'OIDC_FAILED',
  'AUDIT_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

type Messages = Record<ErrorCode, { title: string; detail: string }>;

const de: Messages = {
  VALIDATION_FAILED: { title: 'Ungültige Eingabe', detail: 'Bitte prüfen Sie die markierten Angaben.' },
  MALFORMED_REQUEST: { title: 'Fehlerhafte Anfrage', detail: 'Die Anfrage konnte nicht gelesen werden.' },
  UNSUPPORTED_MEDIA_TYPE: {
    title: 'Format nicht unterstützt',
    detail: 'Dieses Datenformat wird nicht unterstützt. Bitte senden Sie JSON.',
  },
  PAYLOAD_TOO_LARGE: { title: 'Anfrage zu groß', detail: 'Die gesendeten Daten sind zu umfangreich.' },
  UNAUTHENTICATED: {
    title: 'Nicht angemeldet',
    detail: 'Bitte melden Sie sich an. Ihre Sitzung ist abgelaufen oder wurde beendet.',
  },
  INVALID_CREDENTIALS: {
    title: 'Anmeldung fehlgeschlagen',
    detail: 'Benutzername oder Passwort ist falsch.',
  },
  INVALID_SECOND_FACTOR: {
    title: 'Code ungültig',
    detail: 'Der Bestätigungscode ist ungültig oder wurde bereits verwendet.',
  },
  SECOND_FACTOR_REQUIRED: {
    title: 'Zweiter Faktor erforderlich',
    detail: 'Bitte bestätigen Sie die Anmeldung mit Ihrem zweiten Faktor.',
  },
  LOGIN_LOCKED: {
    title: 'Anmeldung vorübergehend gesperrt',
    detail: 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in einigen Minuten erneut.',
  },
  ACCOUNT_NOT_PROVISIONED: {
    title: 'Kein Zugang',
    detail: 'Für dieses Konto ist in Lotse keine Behörde oder Rolle hinterlegt. Bitte wenden Sie sich an die Administration.',
  },
  CSRF_FAILED: {
    title: 'Anfrage abgelehnt',
    detail: 'Die Anfrage konnte nicht bestätigt werden. Bitte laden Sie die Seite neu.',
  },
  FORBIDDEN: { title: 'Keine Berechtigung', detail: 'Für diese Aktion fehlt Ihnen die Berechtigung.' },
  NOT_FOUND: { title: 'Nicht gefunden', detail: 'Der angeforderte Eintrag wurde nicht gefunden.' },
  METHOD_NOT_ALLOWED: { title: 'Nicht erlaubt', detail: 'Diese Aktion ist hier nicht möglich.' },
  CONFLICT: { title: 'Konflikt', detail: 'Der Eintrag existiert bereits oder wurde zwischenzeitlich geändert.' },
  DUPLICATE_SUSPECTED: {
    title: 'Mögliche Doppelerfassung',
    detail: 'Diese Person ist möglicherweise schon erfasst. Bitte prüfen Sie die ähnlichen Einträge.',
  },
  PRECONDITION_FAILED: {
    title: 'Zwischenzeitlich geändert',
    detail: 'Der Eintrag wurde inzwischen von jemand anderem geändert. Bitte laden Sie ihn neu und prüfen Sie Ihre Änderungen.',
  },
  PRECONDITION_REQUIRED: {
    title: 'Versionsangabe fehlt',
    detail: 'Änderungen sind nur mit der Version des Eintrags möglich, den Sie bearbeiten (If-Match).',
  },
  RATE_LIMITED: {
    title: 'Zu viele Anfragen',
    detail: 'Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  },
  OIDC_NOT_CONFIGURED: {
    title: 'Anmeldung nicht verfügbar',
    detail: 'Die Anmeldung über den Identitätsanbieter ist nicht eingerichtet.',
  },
  OIDC_FAILED: {
    title: 'Anmeldung fehlgeschlagen',
    detail: 'Die Anmeldung über den Identitätsanbieter ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  },
  AUDIT_UNAVAILABLE: {
    title: 'Protokollierung nicht möglich',
    detail: 'Die Aktion wurde nicht ausgeführt, weil sie nicht protokolliert werden konnte. Bitte versuchen Sie es später erneut.',
  },
  DATABASE_UNAVAILABLE: {
    title: 'Dienst nicht verfügbar',
    detail: 'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
  },
  INTERNAL: {
    title: 'Interner Fehler',
    detail: 'Ein unerwarteter Fehler ist aufgetreten. Die Aktion wurde nicht ausgeführt.',
  },
};

const en: Messages = {
  VALIDATION_FAILED: { title: 'Invalid input', detail: 'Please check the highlighted fields.' },
  MALFORMED_REQUEST: { title: 'Malformed request', detail: 'The request could not be read.' },
  UNSUPPORTED_MEDIA_TYPE: { title: 'Unsupported format', detail: 'This format is not supported. Please send JSON.' },
  PAYLOAD_TOO_LARGE: { title: 'Request too large', detail: 'The data sent is too large.' },
  UNAUTHENTICATED: { title: 'Not signed in', detail: 'Please sign in. Your session has expired or was ended.' },
  INVALID_CREDENTIALS: { title: 'Sign-in failed', detail: 'Username or password is wrong.' },
  INVALID_SECOND_FACTOR: { title: 'Invalid code', detail: 'The code is invalid or has already been used.' },
  SECOND_FACTOR_REQUIRED: {
    title: 'Second factor required',
    detail: 'Please confirm the sign-in with your second factor.',
  },
  LOGIN_LOCKED: {
    title: 'Sign-in temporarily locked',
    detail: 'Too many failed sign-in attempts. Please try again in a few minutes.',
  },
  ACCOUNT_NOT_PROVISIONED: {
    title: 'No access',
    detail: 'No agency or role is assigned to this account in Lotse. Please contact your administrator.',
  },
  CSRF_FAILED: { title: 'Request rejected', detail: 'The request could not be confirmed. Please reload the page.' },
  FORBIDDEN: { title: 'Not allowed', detail: 'You are not allowed to do this.' },
  NOT_FOUND: { title: 'Not found', detail: 'The requested item was not found.' },
  METHOD_NOT_ALLOWED: { title: 'Not allowed', detail: 'This action is not possible here.' },
  CONFLICT: { title: 'Conflict', detail: 'The item already exists or was changed in the meantime.' },
  DUPLICATE_SUSPECTED: {
    title: 'Possible duplicate',
    detail: 'This person may already be registered. Please review the similar records.',
  },
  PRECONDITION_FAILED: {
    title: 'Changed in the meantime',
    detail: 'Someone else changed this record in the meantime. Please reload it and check your changes.',
  },
  PRECONDITION_REQUIRED: {
    title: 'Version missing',
    detail: 'Changes need the version of the record you are editing (If-Match).',
  },
  RATE_LIMITED: { title: 'Too many requests', detail: 'Please wait a moment and try again.' },
  OIDC_NOT_CONFIGURED: { title: 'Sign-in unavailable', detail: 'Sign-in through the identity provider is not set up.' },
  OIDC_FAILED: { title: 'Sign-in failed', detail: 'Sign-in through the identity provider failed. Please try again.' },
  AUDIT_UNAVAILABLE: {
    title: 'Audit log unavailable',
    detail: 'The action was not carried out because it could not be logged. Please try again later.',
  },
  DATABASE_UNAVAILABLE: {
    title: 'Service unavailable',
    detail: 'The database cannot be reached right now. Please try again later.',
  },
  INTERNAL: { title: 'Internal error', detail: 'An unexpected error occurred. The action was not carried out.' },
};

export const errorMessages = { de, en } as const;
export type ApiLocale = keyof typeof errorMessages;

/** Picks the first supported language from an Accept-Language header; German by default. */
export function pickLocale(acceptLanguage: string | undefined): ApiLocale {
  if (!acceptLanguage) return 'de';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().slice(0, 2), quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((x) => x.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  for (const { lang } of ranked) {
    if (lang === 'de' || lang === 'en') return lang;
  }
  return 'de';
}
