import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import secureJson from 'secure-json-parse';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { Type } from 'typebox';
import { authenticate, type AccountPrincipal, PUBLIC, type Principal, type Role } from './auth.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db.ts';
import { type Language, isLanguage, pickLanguage } from './i18n.ts';
import { type ProblemSpec, platformProblems } from './problems.ts';
import type { Failure, Result } from './result.ts';
import { bodyAjv, type FieldError, fieldErrors, firstErrorAjv, paramsAjv } from './validation.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    lang: Language;
    sessionToken: string | undefined;
    /** The JSON body as received (application/json only). */
    rawBody?: string;
  }
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export const SESSION_COOKIE = 'bekogaz_session';
export const LANG_COOKIE = 'bekogaz_lang';

/** RFC 9457 problem details as Bekogaz sends them: a stable `code` and a localised `title`. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable error code, UPPER_SNAKE; documented in docs/errors.md' }),
    detail: Type.Optional(Type.String()),
    field: Type.Optional(Type.String({ description: 'Path of the field at fault, e.g. body.tin' })),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }))),
    details: Type.Optional(Type.Object({}, { additionalProperties: true })),
    instance: Type.Optional(Type.String()),
  },
  { $id: 'Problem', title: 'Problem' },
);

/** Thrown by route code to leave with a problem response (never by domain code). */
export class ProblemError extends Error {
  constructor(
    readonly code: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
    readonly errors?: FieldError[],
  ) {
    super(code);
  }
}

export type HttpDeps = {
  readonly database: Database;
  readonly clock: Clock;
  /** Every context's catalogue, merged; a code without an entry is a bug. */
  readonly problems: Readonly<Record<string, ProblemSpec>>;
  /** Extra check on each authenticated request (e.g. a TSC whose access was cut, FIS-ACC-03). */
  readonly accessGate?: (principal: AccountPrincipal) => Promise<boolean>;
  readonly logger?: FastifyServerOptions['logger'];
  readonly bodyLimit?: number;
  /** Routes whose bodies are validated first-error-first (hot paths); a failure is still reported in full. */
  readonly fastValidation?: (url: string) => boolean;
  /** The web UI's index.html: GET requests for pages outside /api and /docs receive it. */
  readonly spaShell?: Buffer;
};

export function createHttpApp(deps: HttpDeps): App {
  const problems: Record<string, ProblemSpec> = { ...platformProblems, ...deps.problems };
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: deps.bodyLimit ?? 12 * 1024 * 1024,
    ajv: { customOptions: {} },
    routerOptions: { ignoreTrailingSlash: true },
    genReqId: () => crypto.randomUUID(),
    // Errors the router raises before any hook runs (bad percent-encoding, an over-long path part).
    frameworkErrors: (error, request, reply) => {
      request.lang = pickLanguage(request.headers['accept-language']);
      const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'MALFORMED_URL';
      void problem(request, reply, new ProblemError(code));
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  // Shared schemas (app.addSchema) are handed to our own validators on first use, so bodies may $ref them.
  const known = new Set<string>();
  app.setValidatorCompiler(({ schema, httpPart, url }) => {
    for (const [id, shared] of Object.entries(app.getSchemas())) {
      if (known.has(id)) continue;
      known.add(id);
      for (const ajv of [bodyAjv, paramsAjv, firstErrorAjv]) if (!ajv.getSchema(id)) ajv.addSchema(shared as object, id);
    }
    if (httpPart !== 'body') return paramsAjv.compile(schema);
    const full = bodyAjv.compile(schema);
    if (!deps.fastValidation?.(url)) return full;
    // Valid bodies pass the cheaper first-error check; an invalid one is checked again in full.
    const fast = firstErrorAjv.compile(schema);
    const validate = (data: unknown) => {
      if (fast(data)) return true;
      full(data);
      validate.errors = full.errors;
      return false;
    };
    validate.errors = null as typeof full.errors;
    return validate;
  });
  app.removeContentTypeParser('text/plain');
  // JSON bodies keep their raw text (the fiscal intake stores a document exactly as sent). A body
  // naming __proto__ or constructor.prototype goes through secure-json-parse, which refuses it.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.length === 0) return done(Object.assign(new Error('empty JSON body'), { code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }));
    try {
      const parsed =
        text.includes('__proto__') || text.includes('prototype')
          ? secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' })
          : JSON.parse(text);
      (request as FastifyRequest & { rawBody?: string }).rawBody = text;
      done(null, parsed);
    } catch (error) {
      done(Object.assign(error as Error, { statusCode: 400 }));
    }
  });
  app.addSchema(ProblemSchema);
  app.decorateRequest('principal', null as never);
  app.decorateRequest('lang', 'tg');
  app.decorateRequest('sessionToken', undefined);

  function problem(request: FastifyRequest, reply: FastifyReply, e: ProblemError) {
    const spec = problems[e.code] ?? problems.INTERNAL!;
    return reply
      .code(spec.status)
      .type('application/problem+json')
      .send({
        type: `https://bekogaz.tj/problems/${e.code.toLowerCase().replace(/_/g, '-')}`,
        title: spec.title[request.lang ?? 'tg'],
        status: spec.status,
        code: spec === problems.INTERNAL && e.code !== 'INTERNAL' ? 'INTERNAL' : e.code,
        ...(e.field ? { field: e.field } : {}),
        ...(e.errors ? { errors: e.errors } : {}),
        ...(e.details ? { details: e.details } : {}),
        instance: request.id,
      });
  }

  app.addHook('onRequest', async (request) => {
    const cookies = parseCookies(request.headers.cookie);
    const fromCookie = cookies[LANG_COOKIE];
    request.lang = isLanguage(fromCookie) ? fromCookie : pickLanguage(request.headers['accept-language']);
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const given = bearer ?? cookies[SESSION_COOKIE];
    // Tokens are base64url; anything else is not looked up at all.
    const token = given && /^[A-Za-z0-9_-]{20,128}$/.test(given) ? given : undefined;
    request.sessionToken = token;
    request.principal = PUBLIC;
    if (!token) return;
    const principal = await authenticate(deps.database.db, token, deps.clock.now());
    if (principal && (!deps.accessGate || (await deps.accessGate(principal)))) request.principal = principal;
  });

  // PostgreSQL text cannot hold NUL, and a lone surrogate cannot round-trip: refuse them at the edge.
  app.addHook('preValidation', async (request) => {
    // A JSON text can only carry NUL or a lone surrogate as a \u escape: without one, the body needs no scan.
    const body = request.rawBody === undefined || request.rawBody.includes('\\u') ? request.body : undefined;
    const found = findUnstorableText({ body, query: request.query, params: request.params });
    if (found) {
      const message = { tg: 'Матн аломати нораворо дорад', ru: 'Текст содержит недопустимый символ', en: 'The text holds a character that cannot be stored' }[
        request.lang
      ];
      throw new ProblemError('VALIDATION_FAILED', found, undefined, [{ field: found, code: 'text', message }]);
    }
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number; validation?: unknown; validationContext?: string }, request, reply) => {
    if (error instanceof ProblemError) return problem(request, reply, error);
    if (error.validation) {
      const errors = fieldErrors(error.validationContext ?? 'body', error.validation as never, request.lang ?? 'tg');
      return problem(request, reply, new ProblemError('VALIDATION_FAILED', errors[0]?.field, undefined, errors));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return problem(request, reply, new ProblemError('UNSUPPORTED_MEDIA_TYPE'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return problem(request, reply, new ProblemError('PAYLOAD_TOO_LARGE'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return problem(request, reply, new ProblemError('MALFORMED_BODY'));
    }
    if (error instanceof SyntaxError || error.statusCode === 400) return problem(request, reply, new ProblemError('MALFORMED_BODY'));
    request.log.error({ err: error }, 'unhandled error');
    if (process.env.BEKOGAZ_DEBUG_ERRORS) console.error(error);
    return problem(request, reply, new ProblemError('INTERNAL'));
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      deps.spaShell && request.method === 'GET' && !/^\/(api|docs)(\/|$)/.test(request.url) && (request.headers.accept ?? '').includes('text/html');
    if (isPage) return reply.code(200).type('text/html; charset=utf-8').send(deps.spaShell);
    return problem(request, reply, new ProblemError('ROUTE_NOT_FOUND'));
  });

  // Every route documents its problem responses.
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    const response = (route.schema.response ?? {}) as Record<string, unknown>;
    response['4XX'] ??= { $ref: 'Problem#' };
    route.schema.response = response;
  });
  return app;
}

/** Registers the OpenAPI generator and the interactive docs at /docs. Call before the routes. */
export async function registerOpenApi(app: App, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bekogaz API',
        version,
        description: 'Бекоғаз — низоми иттилоотии бекоғаз. Errors are RFC 9457 problem+json with a stable `code`; titles follow Accept-Language (tg, ru, en).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
}

/** The caller must be logged in with one of these roles. */
export function requireRole(request: FastifyRequest, ...roles: Role[]): AccountPrincipal {
  const p = request.principal;
  if (p.kind !== 'account') throw new ProblemError('UNAUTHENTICATED');
  if (roles.length > 0 && !roles.includes(p.role)) throw new ProblemError('FORBIDDEN');
  return p;
}

/** Sends the value of an Ok result with `status`, or the failure as a problem. */
export function unwrap<T>(result: Result<T, Failure>): T {
  if (result.ok) return result.value;
  throw new ProblemError(result.error.code, result.error.field, result.error.details);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this must find.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (or key) holding NUL or a lone surrogate, if any. */
export function findUnstorableText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return here;
    const found = findUnstorableText(inner, here);
    if (found) return found;
  }
  return undefined;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    try {
      out[key] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed cookie value is ignored, not an error.
    }
  }
  return out;
}
