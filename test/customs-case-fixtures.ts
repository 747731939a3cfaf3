/**
 * Test support for the customs case files (audits, escorts): the assertions on answers, the inbox
 * reader, a row count, and sessions of officials and parties logged in again whenever the clock
 * moves (sessions are dated by the clock).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Role } from '../src/platform/auth.ts';
import type { Client, Reply, TestApp } from './app.ts';

/** The answer is the problem `code` with HTTP `status`. */
export function refused(r: Reply, status: number, code: string): void {
  assert.equal(r.status, status, r.text);
  assert.equal(r.body.code, code, r.text);
}

/** The answer has HTTP `status` (200 unless given); its body. */
export function okay(r: Reply, status = 200) {
  assert.equal(r.status, status, r.text);
  return r.body;
}

export type Notice = { kind: string; title: { tg: string; ru: string; en: string }; body: { tg: string; ru: string; en: string } };

/** The client's notifications (up to 200). */
export const inbox = async (who: Client): Promise<Notice[]> => (await who.get('/api/notifications?limit=200')).body.items as Notice[];

/** The number `n` a counting query (`SELECT count(*)::int AS n …`) answers. */
export const countRows = async (t: TestApp, query: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(query, params))[0]?.n);

export type Account = { readonly role: Role; readonly tin?: string };

/**
 * Sets the clock to `instant` and logs every account in anew, with fresh logins
 * (`<prefix>-<name>-<id>`); answers the clients by the same names.
 */
export async function sessionsAt<K extends string>(t: TestApp, instant: string, prefix: string, accounts: Record<K, Account>): Promise<Record<K, Client>> {
  t.clock.set(instant);
  const id = randomUUID().slice(0, 8);
  const clients = {} as Record<K, Client>;
  for (const [name, a] of Object.entries(accounts) as [K, Account][]) {
    clients[name] = await t.as(a.role, { ...(a.tin ? { tin: a.tin } : {}), login: `${prefix}-${name}-${id}` });
  }
  return clients;
}
