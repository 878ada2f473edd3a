import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../lib/i18n.ts';

const LANGUAGES: { value: Language; label: string; name: string }[] = [
  { value: 'vi', label: 'VI', name: 'Tiếng Việt' },
  { value: 'en', label: 'EN', name: 'English' },
];

/** Two toggle buttons (aria-pressed): one click, and easy to find for a screen reader or a test. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (
    <Button.Group aria-label={t('nav.language')}>
      {LANGUAGES.map((language) => (
        <Button
          key={language.value}
          size="compact-sm"
          variant={language.value === current ? 'filled' : 'default'}
          aria-pressed={language.value === current}
          title={language.name}
          lang={language.value}
          onClick={() => void changeLanguage(language.value)}
        >
          {language.label}
        </Button>
      ))}
    </Button.Group>
  );
}
