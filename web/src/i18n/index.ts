import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cabinet } from './cabinet.ts';
import { common } from './common.ts';
import { customs } from './customs.ts';
import { customsRequests } from './customs-requests.ts';
import { customsPowers } from './customs-powers.ts';
import { type Language, isLanguage, pick, type Strings } from './dict.ts';
import { fiscal } from './fiscal.ts';
import { fiscalData } from './fiscal-data.ts';
import { pages } from './pages.ts';
import { pos } from './pos.ts';
import { receipts } from './receipts.ts';
import { registry } from './registry.ts';
import { risk } from './risk.ts';
import { services } from './services.ts';
import { servicesIdentity } from './services-identity.ts';
import { servicesQuality } from './services-quality.ts';
import { wizard } from './wizard.ts';

export { type Language, LANGUAGES, isLanguage } from './dict.ts';

const dict = {
  ...common,
  ...pages,
  ...fiscal,
  ...wizard,
  ...cabinet,
  ...registry,
  ...receipts,
  ...fiscalData,
  ...pos,
  ...services,
  ...servicesQuality,
  ...servicesIdentity,
  ...customs,
  ...customsRequests,
  ...customsPowers,
  ...risk,
};
export type Translation = Strings<typeof dict>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

export const LANG_STORAGE_KEY = 'bekogaz.lang';

/** Tajik unless the user chose another language before (remembered in localStorage). */
export function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANG_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be blocked; Tajik is the default.
  }
  return 'tg';
}

export async function initI18n(lang: Language = initialLanguage()) {
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'tg',
    supportedLngs: ['tg', 'ru', 'en'],
    resources: {
      tg: { translation: pick(dict, 'tg') },
      ru: { translation: pick(dict, 'ru') },
      en: { translation: pick(dict, 'en') },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang;
  return i18next;
}
