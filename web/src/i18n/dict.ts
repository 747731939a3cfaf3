/**
 * Every visible string is written once as [Tajik, Russian, English], so the compiler refuses a
 * string that lacks a language (DESIGN.md: Tajik first, then Russian and English).
 */
export type Entry = readonly [tg: string, ru: string, en: string];
export type Dict = { readonly [key: string]: Entry | Dict };

/** The shape i18next sees for one language: the same keys, with strings at the leaves. */
export type Strings<D> = { readonly [K in keyof D]: D[K] extends Entry ? string : Strings<D[K]> };

export const LANGUAGES = ['tg', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

const isEntry = (value: Entry | Dict): value is Entry => Array.isArray(value);

/** Picks one language out of a dictionary. */
export function pick<D extends Dict>(dict: D, lang: Language): Strings<D> {
  const index = LANGUAGES.indexOf(lang);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dict)) out[key] = isEntry(value) ? value[index] : pick(value, lang);
  return out as Strings<D>;
}
