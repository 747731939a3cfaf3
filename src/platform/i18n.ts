/**
 * Every user-facing text exists in Tajik, Russian and English, Tajik first
 * (the state language; seed 004 p.65: receipts "mostly in the state language").
 */
export const LANGUAGES = ['tg', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Localised = { readonly tg: string; readonly ru: string; readonly en: string };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Picks the language from an Accept-Language header; Tajik when nothing matches. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'tg';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return (ranked.find((r) => isLanguage(r.lang))?.lang as Language | undefined) ?? 'tg';
}

/** Replaces `{name}` placeholders in each language. */
export function format(text: Localised, values: Record<string, string | number>): Localised {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
  return { tg: fill(text.tg), ru: fill(text.ru), en: fill(text.en) };
}
