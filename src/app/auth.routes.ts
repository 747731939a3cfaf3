import { Type } from 'typebox';
import { countUnread, listNotifications, markRead } from '../platform/notifications.ts';
import { accounts, hashSecret, login, logout, verifySecret } from '../platform/auth.ts';
import { type App, ProblemError, requireRole, SESSION_COOKIE, LANG_COOKIE, unwrap } from '../platform/http.ts';
import { IdParams, IsoDateTime, LocalisedText, Nullable, Strict, Uuid } from '../platform/schemas.ts';
import { eq } from 'drizzle-orm';
import { readPublicKey } from '../platform/signature.ts';
import type { Container } from './container.ts';

const PrincipalSchema = Type.Object(
  {
    accountId: Uuid(),
    role: Type.String(),
    login: Type.String(),
    displayName: Type.String(),
    tin: Nullable(Type.String()),
    orgId: Nullable(Uuid()),
    unitId: Nullable(Uuid()),
  },
  { $id: 'Principal' },
);

const NotificationSchema = Type.Object(
  {
    id: Uuid(),
    kind: Type.String(),
    title: LocalisedText,
    body: LocalisedText,
    subjectType: Nullable(Type.String()),
    subjectId: Nullable(Type.String()),
    createdAt: IsoDateTime(),
    readAt: Nullable(IsoDateTime()),
  },
  { $id: 'Notification' },
);

/** Login by TIN and PIN or by login and password (p.18), sessions, and the personal-cabinet inbox. */
export function authRoutes(app: App, c: Container): void {
  app.addSchema(PrincipalSchema);
  app.addSchema(NotificationSchema);
  const cookie = (token: string, maxAge: number) => `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}`;

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in: a business with its TIN and PIN, staff with login and password (p.18)',
        security: [],
        body: Type.Object(
          {
            login: Type.String({ minLength: 1, maxLength: 100, description: 'TIN for a business, login for staff' }),
            secret: Type.String({ minLength: 1, maxLength: 200, description: 'PIN or password' }),
          },
          Strict,
        ),
        response: { 200: Type.Object({ token: Type.String(), expiresAt: IsoDateTime(), principal: Type.Unsafe({ $ref: 'Principal#' }) }) },
      },
    },
    async (request, reply) => {
      const ttl = Number(process.env.BEKOGAZ_SESSION_TTL ?? 12 * 3600);
      const session = unwrap(await login(c.database.db, request.body, c.clock.now(), ttl));
      reply.header('set-cookie', cookie(session.token, ttl));
      return session;
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null() } } }, async (request, reply) => {
    if (request.sessionToken) await logout(c.database.db, request.sessionToken);
    reply.header('set-cookie', cookie('', 0)).code(204);
    return null;
  });

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'Who is logged in', response: { 200: Type.Unsafe({ $ref: 'Principal#' }) } } },
    async (request) => requireRole(request),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the own PIN or password (at least 6 characters)',
        body: Type.Object({ current: Type.String({ minLength: 1, maxLength: 200 }), next: Type.String({ minLength: 6, maxLength: 200 }) }, Strict),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const p = requireRole(request);
      const [account] = await c.database.db.select().from(accounts).where(eq(accounts.id, p.accountId));
      if (!account || !(await verifySecret(request.body.current, account.secretHash))) throw new ProblemError('INVALID_CREDENTIALS', 'body.current');
      await c.database.db
        .update(accounts)
        .set({ secretHash: await hashSecret(request.body.next) })
        .where(eq(accounts.id, p.accountId));
      reply.code(204);
      return null;
    },
  );

  app.put(
    '/api/auth/public-key',
    {
      schema: {
        tags: ['auth'],
        summary: 'Register the public key of the own electronic digital signature (EDS), SPKI PEM, Ed25519 or ECDSA P-256 (p.18)',
        body: Type.Object({ publicKeyPem: Type.String({ minLength: 40, maxLength: 4000, pattern: '-----BEGIN PUBLIC KEY-----' }) }, Strict),
        response: { 200: Type.Object({ algorithm: Type.String(), fingerprint: Type.String() }) },
      },
    },
    async (request) => {
      const p = requireRole(request);
      const key = readPublicKey(request.body.publicKeyPem);
      if (!key) throw new ProblemError('VALIDATION_FAILED', 'body.publicKeyPem');
      await c.database.db.update(accounts).set({ publicKey: request.body.publicKeyPem }).where(eq(accounts.id, p.accountId));
      return { algorithm: key.algorithm, fingerprint: key.fingerprint };
    },
  );

  app.put(
    '/api/auth/language',
    {
      schema: {
        tags: ['auth'],
        summary: 'Remember the interface language (tg, ru, en)',
        security: [],
        body: Type.Object({ lang: Type.Union([Type.Literal('tg'), Type.Literal('ru'), Type.Literal('en')]) }, Strict),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      reply.header('set-cookie', `${LANG_COOKIE}=${request.body.lang}; Path=/; SameSite=Lax; Max-Age=31536000`).code(204);
      return null;
    },
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['cabinet'],
        summary: 'The personal-cabinet inbox of the caller (decisions, notices, cards)',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, Strict),
        response: { 200: Type.Object({ unread: Type.Integer(), items: Type.Array(Type.Unsafe({ $ref: 'Notification#' })) }) },
      },
    },
    async (request) => {
      const p = requireRole(request);
      const [items, unread] = await Promise.all([
        listNotifications(c.database.db, p, { isUnreadOnly: request.query.unread, limit: request.query.limit }),
        countUnread(c.database.db, p),
      ]);
      return { unread, items };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    { schema: { tags: ['cabinet'], summary: 'Mark a notification read', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const p = requireRole(request);
      if (!(await markRead(c.database.db, p, request.params.id, c.clock.now()))) throw new ProblemError('NOT_FOUND');
      reply.code(204);
      return null;
    },
  );
}
