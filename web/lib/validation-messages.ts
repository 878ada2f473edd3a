import { isValidationMessageKey, validationMessages } from '../../contracts/messages.ts';
import { currentLanguage, i18next } from './i18n.ts';

/**
 * The message for one failed client-side check. The contracts name a key for their own rules and
 * translate it (as the server does); any other failure gets the field's message from our locales.
 */
export function translateValidationMessage(localePrefix: string, field: string, message: string): string {
  if (isValidationMessageKey(message)) return validationMessages[message][currentLanguage()];
  return i18next.t(`${localePrefix}.${field}`, { defaultValue: i18next.t('validation.invalid') });
}
