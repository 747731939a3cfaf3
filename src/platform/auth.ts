import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { and, eq, gt, lt } from 'drizzle-orm';
import { boolean, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Db } from './db.ts';
import { uuidv7 } from './ids.ts';
import { type Failure, fail, ok, type Result } from './result.ts';
import { sha256Hex } from './bytes.ts';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;
const platform = pgSchema('platform');

/** The roles of DESIGN.md; `public` needs no account. */
export const ROLES = [
  'operator_admin',
  'tax_officer',
  'tsc_specialist',
  'business',
  'customs_officer',
  'risk_analyst',
  'declarant',
  'taxpayer',
  'service_officer',
  'carrier',
  'warehouse_owner',
  /** The head of a customs authority or an authorised deputy: signs field-audit orders, extends audits (art.417(2) p.2, art.417(1) p.5). */
  'customs_head',
] as const;
export type Role = (typeof ROLES)[number];

export const accounts = platform.table('accounts', {
  id: uuid('id').primaryKey(),
  role: text('role').$type<Role>().notNull(),
  login: text('login').notNull(),
  secretHash: text('secret_hash').notNull(),
  displayName: text('display_name').notNull(),
  tin: text('tin'),
  orgId: uuid('org_id'),
  unitId: uuid('unit_id'),
  isActive: boolean('is_active').notNull(),
  failedAttempts: integer('failed_attempts').notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  publicKey: text('public_key'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

const sessions = platform.table('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  accountId: uuid('account_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Who is calling. A business is bound to its TIN; a TSC specialist to a TSC (`orgId`) and maybe a branch (`unitId`). */
export type Principal =
  | {
      readonly kind: 'account';
      readonly accountId: string;
      readonly role: Role;
      readonly login: string;
      readonly displayName: string;
      readonly tin: string | null;
      readonly orgId: string | null;
      readonly unitId: string | null;
    }
  | { readonly kind: 'public' };

export type AccountPrincipal = Extract<Principal, { kind: 'account' }>;
export const PUBLIC: Principal = { kind: 'public' };

// scrypt with N = 2^14, r = 8, p = 1 (OWASP minimum for scrypt), 16-byte salt, 32-byte key.
const N = 16384;
const R = 8;
const P = 1;

/** Hashes a PIN or password; the result records its parameters so they can be raised later. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret.normalize('NFC'), salt, 32, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(secret.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(expected, actual);
}

export type NewAccount = {
  readonly role: Role;
  readonly login: string;
  readonly secret: string;
  readonly displayName: string;
  readonly tin?: string | null;
  readonly orgId?: string | null;
  readonly unitId?: string | null;
};

/** Creates an account; the caller decides who may create which role. */
export async function createAccount(db: Db, input: NewAccount, at: Date): Promise<string> {
  const id = uuidv7(at.getTime());
  await db.insert(accounts).values({
    id,
    role: input.role,
    login: input.login,
    secretHash: await hashSecret(input.secret),
    displayName: input.displayName,
    tin: input.tin ?? null,
    orgId: input.orgId ?? null,
    unitId: input.unitId ?? null,
    isActive: true,
    failedAttempts: 0,
    createdAt: at,
  });
  return id;
}

export async function findAccountByLogin(db: Db, login: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.login, login));
  return row;
}

const MAX_FAILED = 5;
const LOCK_MS = 15 * 60_000;

export type Session = { readonly token: string; readonly expiresAt: Date; readonly principal: AccountPrincipal };

const tokenHash = (token: string) => sha256Hex(token);

const toPrincipal = (a: typeof accounts.$inferSelect): AccountPrincipal => ({
  kind: 'account',
  accountId: a.id,
  role: a.role,
  login: a.login,
  displayName: a.displayName,
  tin: a.tin,
  orgId: a.orgId,
  unitId: a.unitId,
});

/**
 * Opens a session for a login and a PIN or password (seed 004 p.18: the personal cabinet is
 * entered with the TIN and the PIN). Five wrong attempts lock the account for 15 minutes.
 */
export async function login(
  db: Db,
  input: { readonly login: string; readonly secret: string },
  now: Date,
  ttlSeconds: number,
): Promise<Result<Session, Failure<'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED'>>> {
  const account = await findAccountByLogin(db, input.login);
  if (!account?.isActive) {
    // Spend the same time as a real check, so that timing does not reveal which logins exist.
    await verifySecret(input.secret, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    return fail('INVALID_CREDENTIALS');
  }
  if (account.lockedUntil && account.lockedUntil > now) return fail('ACCOUNT_LOCKED', undefined, { until: account.lockedUntil.toISOString() });
  if (!(await verifySecret(input.secret, account.secretHash))) {
    const failed = account.failedAttempts + 1;
    await db
      .update(accounts)
      .set(failed >= MAX_FAILED ? { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) } : { failedAttempts: failed })
      .where(eq(accounts.id, account.id));
    return fail('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ failedAttempts: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
    await tx.insert(sessions).values({ tokenHash: tokenHash(token), accountId: account.id, createdAt: now, expiresAt });
    await tx.delete(sessions).where(and(eq(sessions.accountId, account.id), lt(sessions.expiresAt, now)));
  });
  return ok({ token, expiresAt, principal: toPrincipal(account) });
}

/** The principal behind a session token, or undefined when the token is unknown, expired or its account disabled. */
export async function authenticate(db: Db, token: string, now: Date): Promise<AccountPrincipal | undefined> {
  const [row] = await db
    .select({ account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, now), eq(accounts.isActive, true)));
  return row ? toPrincipal(row.account) : undefined;
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

/** Turns an account on or off (e.g. a specialist's access follows the registration of the TSC). */
export async function setAccountActive(db: Db, accountId: string, isActive: boolean): Promise<void> {
  await db.update(accounts).set({ isActive }).where(eq(accounts.id, accountId));
}
