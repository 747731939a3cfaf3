import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { appendAudit } from '../platform/audit.ts';
import { accounts, createAccount, findAccountByLogin, setAccountActive } from '../platform/auth.ts';
import { transact } from '../platform/db.ts';
import { type App, ProblemError, requireRole } from '../platform/http.ts';
import { fail, ok } from '../platform/result.ts';
import { IdParams, Line, Strict, Uuid } from '../platform/schemas.ts';
import type { Container } from './container.ts';

const StaffRole = Type.Union([Type.Literal('operator_admin'), Type.Literal('tax_officer')], {
  description: "Operator's staff; TSC specialists are registered through their TSC (p.53), businesses with their TIN",
});
const StaffSchema = Type.Object({ id: Uuid(), role: Type.String(), login: Type.String(), displayName: Type.String(), isActive: Type.Boolean() });

/** The operator administrator manages the operator's and the tax authority's staff accounts. */
export function accountRoutes(app: App, c: Container): void {
  app.get(
    '/api/accounts',
    { schema: { tags: ['auth'], summary: 'Staff accounts (operator administrators and tax officers)', response: { 200: Type.Array(StaffSchema) } } },
    async (request) => {
      requireRole(request, 'operator_admin');
      const rows = await c.database.db.select().from(accounts);
      return rows.filter((a) => a.role === 'operator_admin' || a.role === 'tax_officer');
    },
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags: ['auth'],
        summary: 'Open a staff account',
        body: Type.Object(
          {
            role: StaffRole,
            login: Type.String({ pattern: '^[a-z0-9._-]{3,40}$' }),
            displayName: Line(200),
            password: Type.String({ minLength: 8, maxLength: 200 }),
          },
          Strict,
        ),
        response: { 201: StaffSchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'operator_admin');
      const now = c.clock.now();
      const result = await transact(c.database.db, async (tx) => {
        if (await findAccountByLogin(tx, request.body.login)) return fail('LOGIN_TAKEN', 'body.login');
        const id = await createAccount(
          tx,
          { role: request.body.role, login: request.body.login, secret: request.body.password, displayName: request.body.displayName },
          now,
        );
        const after = { id, role: request.body.role, login: request.body.login, displayName: request.body.displayName, isActive: true };
        await appendAudit(tx, now, { actor: `${actor.role}:${actor.login}`, action: 'account.opened', entity: 'platform.account', entityId: id, after });
        return ok(after);
      });
      if (!result.ok) throw new ProblemError(result.error.code, result.error.field);
      reply.code(201);
      return result.value;
    },
  );

  app.post(
    '/api/accounts/:id/deactivate',
    { schema: { tags: ['auth'], summary: 'Close a staff account (it can no longer log in)', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const actor = requireRole(request, 'operator_admin');
      const [target] = await c.database.db.select().from(accounts).where(eq(accounts.id, request.params.id));
      if (!target || (target.role !== 'operator_admin' && target.role !== 'tax_officer')) throw new ProblemError('NOT_FOUND');
      if (target.id === actor.accountId) throw new ProblemError('FORBIDDEN');
      await c.database.db.transaction(async (tx) => {
        await setAccountActive(tx, target.id, false);
        await appendAudit(tx, c.clock.now(), {
          actor: `${actor.role}:${actor.login}`,
          action: 'account.closed',
          entity: 'platform.account',
          entityId: target.id,
          before: { isActive: target.isActive },
          after: { isActive: false },
        });
      });
      reply.code(204);
      return null;
    },
  );
}
