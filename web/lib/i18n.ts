import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { translations } from '../locales/translations.ts';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'hoptac.language';

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function applyLanguage(language: Language): void {
  // Unit tests import the translations without a page.
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  dayjs.locale(language);
}

export function currentLanguage(): Language {
  return i18next.resolvedLanguage === 'en' ? 'en' : 'vi';
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this tab only.
  }
  applyLanguage(language);
  await i18next.changeLanguage(language);
}

const initialLanguage = readStoredLanguage();
applyLanguage(initialLanguage);

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: translations.vi }, en: { translation: translations.en } },
  lng: initialLanguage,
  fallbackLng: 'vi',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
