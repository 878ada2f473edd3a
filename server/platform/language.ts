import type { Language } from '../../contracts/messages.ts';

/** Vietnamese unless the client asks for English first. */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
