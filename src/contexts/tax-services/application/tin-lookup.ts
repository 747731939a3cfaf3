import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db.ts';
import { transact } from '../../../platform/db.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { IdentityErrorCode } from '../domain/identity-errors.ts';
import { type ChallengePayload, challengeVerdict, identityMatches, leadingZeroBits, normalisePassport, proofOfWorkInput } from '../domain/identity.ts';
import { secrets, spentChallenges } from '../infrastructure/identity.schema.ts';
import type { TaxServicesDeps } from './deps.ts';
import { findByPassport, logAccess } from './taxpayers.ts';

/** How hard and how long-lived the challenges of "Find out TIN" are. */
export type ProofOfWorkSettings = {
  /** Leading zero bits of SHA-256 the solution must give: 16 bits is about 65 000 hashes, a second or so in a browser. */
  readonly difficulty: number;
  readonly ttlSeconds: number;
};

export const DEFAULT_PROOF_OF_WORK: ProofOfWorkSettings = { difficulty: 16, ttlSeconds: 300 };

const keys = new WeakMap<Database, Promise<Buffer>>();

/**
 * The HMAC key that signs challenges: made on first use and kept in tax_services.secrets, so every
 * node of a cluster (and a restarted one) accepts the challenges the others issued.
 */
export function serverSecret(deps: Pick<TaxServicesDeps, 'database' | 'clock'>): Promise<Buffer> {
  let key = keys.get(deps.database);
  if (!key) {
    key = (async () => {
      const db = deps.database.db;
      await db
        .insert(secrets)
        .values({ name: 'challenge-hmac', value: randomBytes(32).toString('base64'), createdAt: deps.clock.now() })
        .onConflictDoNothing();
      const [row] = await db.select().from(secrets).where(eq(secrets.name, 'challenge-hmac'));
      if (!row) throw new Error('the challenge key could not be stored');
      return Buffer.from(row.value, 'base64');
    })();
    key.catch(() => keys.delete(deps.database));
    keys.set(deps.database, key);
  }
  return key;
}

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/** A client address as the access log keeps it: a keyed hash, so the log holds no addresses. */
export async function clientKey(deps: Pick<TaxServicesDeps, 'database' | 'clock'>, address: string): Promise<string> {
  return mac(await serverSecret(deps), `client:${address}`)
    .toString('hex')
    .slice(0, 32);
}

export type IssuedChallenge = { readonly challenge: string; readonly difficulty: number; readonly expiresAt: Date };

/**
 * TS-44: a challenge for one query: a random id, the difficulty and the expiry, signed with the
 * server's key. Nothing is stored until it is spent, so asking for challenges costs the server
 * one HMAC; the cost of a query falls on the client that solves it.
 */
export async function issueChallenge(deps: Pick<TaxServicesDeps, 'database' | 'clock'>, settings: ProofOfWorkSettings): Promise<IssuedChallenge> {
  const payload: ChallengePayload = {
    id: randomBytes(16).toString('base64url'),
    difficulty: settings.difficulty,
    expiresAt: deps.clock.now().getTime() + settings.ttlSeconds * 1000,
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const challenge = `${body}.${mac(await serverSecret(deps), body).toString('base64url')}`;
  return { challenge, difficulty: payload.difficulty, expiresAt: new Date(payload.expiresAt) };
}

type ProofError = 'PROOF_OF_WORK_REQUIRED' | 'PROOF_OF_WORK_INVALID' | 'PROOF_OF_WORK_EXPIRED';

/** Checks a solved challenge: issued by us, unaltered, in time, with enough zero bits. It is not spent here. */
export async function checkProofOfWork(
  deps: Pick<TaxServicesDeps, 'database' | 'clock'>,
  challenge: string | undefined,
  solution: string | undefined,
): Promise<Result<ChallengePayload, Failure<ProofError>>> {
  if (!challenge || !solution) return fail('PROOF_OF_WORK_REQUIRED', challenge ? 'body.solution' : 'body.challenge');
  const [body, signature, extra] = challenge.split('.');
  if (!body || !signature || extra !== undefined) return fail('PROOF_OF_WORK_INVALID', 'body.challenge');
  const expected = mac(await serverSecret(deps), body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('PROOF_OF_WORK_INVALID', 'body.challenge');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ChallengePayload;
  const hash = createHash('sha256').update(proofOfWorkInput(challenge, solution)).digest();
  const verdict = challengeVerdict(payload, deps.clock.now().getTime(), leadingZeroBits(hash));
  if (verdict === 'expired') return fail('PROOF_OF_WORK_EXPIRED', 'body.challenge');
  if (verdict === 'insufficient') return fail('PROOF_OF_WORK_INVALID', 'body.solution');
  return ok(payload);
}

/** Spends a challenge in the caller's transaction; false when it was spent before. */
async function spend(tx: Db, payload: ChallengePayload): Promise<boolean> {
  const spent = await tx
    .insert(spentChallenges)
    .values({ id: payload.id, expiresAt: new Date(payload.expiresAt) })
    .onConflictDoNothing()
    .returning({ id: spentChallenges.id });
  return spent.length > 0;
}

export type TinLookupQuery = {
  readonly passportSeries?: string | null;
  readonly passportNumber: string;
  readonly surname: string;
  readonly birthDate: string;
};

/** The answer has one shape whether or not someone matched (TS-44: a miss tells nothing). */
export type TinLookupAnswer = { readonly isFound: boolean; readonly tin: string | null };

/**
 * TS-19, TS-44 "Find out TIN" (Донистани РМА): a person's own TIN when the document, the surname
 * and the birth date all match exactly; never a partial search. On the website the query carries a
 * solved challenge, spent here; the 152 line (an officer) needs none. A hit and a miss do the same
 * work (one indexed read, one log line), so their timing is alike. Every query is logged (TS-52).
 */
export async function lookupTin(
  deps: TaxServicesDeps,
  query: TinLookupQuery,
  via: { readonly channel: 'website' | 'phone_152'; readonly actor: string; readonly client: string; readonly challenge?: ChallengePayload },
): Promise<Result<TinLookupAnswer, Failure<IdentityErrorCode>>> {
  const key = await clientKey(deps, via.client);
  return transact(deps.database.db, async (tx) => {
    if (via.challenge && !(await spend(tx, via.challenge))) return fail('PROOF_OF_WORK_USED', 'body.challenge');
    const passport = normalisePassport(query.passportSeries, query.passportNumber);
    const row = passport ? await findByPassport(tx, passport) : undefined;
    const hit = row && passport && identityMatches(row, { passport, surname: query.surname, birthDate: query.birthDate }) ? row : undefined;
    await logAccess(tx, deps.clock.now(), {
      purpose: 'tin_lookup',
      channel: via.channel,
      actor: via.actor,
      clientKey: key,
      taxpayerId: hit?.id ?? null,
      challengeId: via.challenge?.id ?? null,
    });
    return ok({ isFound: hit !== undefined, tin: hit?.tin ?? null });
  });
}

/** Drops spent challenges past their expiry: a spent one cannot be replayed after it expired anyway. */
export function spentChallengeCleaner(): DueTimeChecker {
  return {
    name: 'tax-services.spent-challenges',
    run: async (db, now) => (await db.delete(spentChallenges).where(lt(spentChallenges.expiresAt, now)).returning({ id: spentChallenges.id })).length,
  };
}
