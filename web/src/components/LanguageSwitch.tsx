import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, isLanguage } from '../i18n/dict.ts';
import { useSession } from '../lib/session.tsx';

/** Each language is named in itself, so that anyone can find their own. */
const OWN_NAMES: Record<Language, { short: string; full: string }> = {
  tg: { short: 'Тоҷ', full: 'Тоҷикӣ' },
  ru: { short: 'Рус', full: 'Русский' },
  en: { short: 'Eng', full: 'English' },
};

/** tg / ru / en; remembered in localStorage and told to the server (localised problem titles). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang, setLanguage } = useSession();
  return (
    <SegmentedControl
      size="xs"
      value={lang}
      aria-label={t('lang.label')}
      data-testid="language-switch"
      onChange={(value) => {
        if (isLanguage(value)) void setLanguage(value);
      }}
      data={(['tg', 'ru', 'en'] as const).map((l) => ({
        value: l,
        label: (
          <span title={OWN_NAMES[l].full} lang={l}>
            {OWN_NAMES[l].short}
          </span>
        ),
      }))}
    />
  );
}
