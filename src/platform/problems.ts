import type { Localised } from './i18n.ts';

/** How an error code leaves the HTTP edge: its status and its title in the three languages. */
export type ProblemSpec = {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 414 | 415 | 422 | 429 | 500 | 503;
  readonly title: Localised;
};

/** A catalogue maps every code of a context to its spec; `satisfies` makes the compiler check completeness. */
export type ProblemCatalogue<C extends string> = { readonly [K in C]: ProblemSpec };

/**
 * The catalogues of several contexts as the edge sees them. A code that two contexts share (the
 * register and the operator both refuse a deregistered register) keeps the first context's title,
 * so one code reads the same on every route; the statuses must agree, or the build is wrong.
 */
export function mergeProblems(catalogues: readonly Readonly<Record<string, ProblemSpec>>[]): Record<string, ProblemSpec> {
  const merged: Record<string, ProblemSpec> = {};
  for (const catalogue of catalogues) {
    for (const [code, spec] of Object.entries(catalogue)) {
      const first = merged[code];
      if (!first) merged[code] = spec;
      else if (first.status !== spec.status) throw new Error(`error code ${code} has two statuses: ${first.status} and ${spec.status}`);
    }
  }
  return merged;
}

/** Codes the platform itself raises at the edge. */
export type PlatformErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_BODY'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'ROUTE_NOT_FOUND'
  | 'MALFORMED_URL'
  | 'URI_TOO_LONG'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export const platformProblems = {
  /** A request field is missing, of the wrong type or outside its pattern; `errors` lists each field. */
  VALIDATION_FAILED: {
    status: 400,
    title: { tg: 'Маълумоти дархост нодуруст аст', ru: 'Неверные данные запроса', en: 'The request data are not valid' },
  },
  /** The body is not well-formed JSON. */
  MALFORMED_BODY: {
    status: 400,
    title: { tg: 'Матни дархост хонда намешавад', ru: 'Тело запроса не читается', en: 'The request body cannot be read' },
  },
  /** The body is not `application/json`. */
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: { tg: 'Навъи маълумот дастгирӣ намешавад', ru: 'Тип содержимого не поддерживается', en: 'Unsupported content type' },
  },
  /** The body is larger than the route accepts. */
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: { tg: 'Ҳаҷми дархост аз ҳад зиёд аст', ru: 'Слишком большой запрос', en: 'The request is too large' },
  },
  /** No route has this method and path. */
  ROUTE_NOT_FOUND: {
    status: 404,
    title: { tg: 'Саҳифа ё амал ёфт нашуд', ru: 'Адрес не найден', en: 'No such address' },
  },
  /** The address is not a valid URL (bad percent-encoding). */
  MALFORMED_URL: {
    status: 400,
    title: { tg: 'Суроғаи дархост нодуруст аст', ru: 'Неверный адрес запроса', en: 'The request address is malformed' },
  },
  /** A part of the address is longer than any identifier can be. */
  URI_TOO_LONG: {
    status: 414,
    title: { tg: 'Суроғаи дархост хеле дароз аст', ru: 'Слишком длинный адрес запроса', en: 'The request address is too long' },
  },
  /** The route needs a login and the request has no valid session. */
  UNAUTHENTICATED: {
    status: 401,
    title: { tg: 'Ворид шудан лозим аст', ru: 'Требуется вход в систему', en: 'Please log in' },
  },
  /** Login or PIN/password wrong, or the signature of the challenge does not verify. */
  INVALID_CREDENTIALS: {
    status: 401,
    title: { tg: 'Логин ё рамз нодуруст аст', ru: 'Неверный логин или пароль', en: 'Wrong login or password' },
  },
  /** Too many failed logins: the account waits before the next attempt. */
  ACCOUNT_LOCKED: {
    status: 429,
    title: { tg: 'Ҳисоб муваққатан баста шуд', ru: 'Учётная запись временно заблокирована', en: 'The account is temporarily locked' },
  },
  /** The role or the account's binding (TIN, TSC, branch) does not allow this action or record. */
  FORBIDDEN: {
    status: 403,
    title: { tg: 'Дастрасӣ манъ аст', ru: 'Доступ запрещён', en: 'Access denied' },
  },
  /** The record does not exist, or the caller may not know that it exists. */
  NOT_FOUND: {
    status: 404,
    title: { tg: 'Сабт ёфт нашуд', ru: 'Запись не найдена', en: 'Record not found' },
  },
  /** The record was changed by someone else in the meantime. */
  CONFLICT: {
    status: 409,
    title: { tg: 'Сабт аллакай тағйир ёфтааст', ru: 'Запись уже изменена', en: 'The record has changed meanwhile' },
  },
  /** Too many requests from this client; retry after the given seconds. */
  RATE_LIMITED: {
    status: 429,
    title: { tg: 'Дархостҳо аз ҳад зиёданд', ru: 'Слишком много запросов', en: 'Too many requests' },
  },
  /** A bug or an infrastructure failure; it is logged with the request id. */
  INTERNAL: {
    status: 500,
    title: { tg: 'Хатои дохилии система', ru: 'Внутренняя ошибка системы', en: 'Internal error' },
  },
} as const satisfies ProblemCatalogue<PlatformErrorCode>;
