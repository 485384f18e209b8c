import 'i18next';
import type { uiDe } from '../shared/i18n/ui-de';

// Type-checks every translation key used in the client against the German source resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof uiDe };
  }
}
