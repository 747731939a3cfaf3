import { createHash } from 'node:crypto';
import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { canonicalJson, normalise } from './canonical-json.ts';
import type { Db } from './db.ts';

const platform = pgSchema('platform');

export const auditLog = platform.table('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Entries written by `appendAuditLater`, chained into `audit_log` by `chainPendingAudit` (the worker, and every reader). */
export const auditPending = platform.table('audit_pending', {
  createdSeq: bigserial('created_seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
});

const auditHead = platform.table('audit_head', {
  id: boolean('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** One state change: who did what to which record, and the record before and after. */
export type AuditEntry = {
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
};

export const GENESIS_HASH = '0'.repeat(64);

type Hashed = { seq: number; at: Date; actor: string; action: string; entity: string; entityId: string; before: unknown; after: unknown; prevHash: string };

/** SHA-256 over the canonical JSON of exactly these fields (docs/architecture.md "Audit log"). */
function entryHash(e: Hashed): string {
  const { seq, at, actor, action, entity, entityId, before, after, prevHash } = e;
  return createHash('sha256')
    .update(canonicalJson({ seq, at: at.toISOString(), actor, action, entity, entityId, before, after, prevHash }))
    .digest('hex');
}

/**
 * Appends entries to the audit log inside the caller's transaction, chained to the current tip.
 * The tip row is locked, so concurrent transactions append one after another and the chain has
 * no forks (FIS-IMP-06: tamper-evident trail of every registry change).
 */
export async function appendAudit(tx: Db, at: Date, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, true)).for('update');
  if (!head) throw new Error('audit_head row is missing');
  let { seq, hash: prevHash } = head;
  const rows = entries.map((entry) => {
    seq += 1;
    const row = {
      seq,
      at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: normalise(entry.before),
      after: normalise(entry.after),
      prevHash,
    };
    prevHash = entryHash(row);
    return { ...row, hash: prevHash };
  });
  await tx.insert(auditLog).values(rows);
  await tx.update(auditHead).set({ seq, hash: prevHash }).where(eq(auditHead.id, true));
}

/**
 * Writes entries in the caller's transaction without taking the chain's tip: they are chained in
 * the order written, by the worker within a tick, or by any reader of the log before it reads.
 * For busy paths (a declaration's registration and release), where every writer waiting for the one
 * tip until it commits would cap the rate of the whole system.
 */
export async function appendAuditLater(tx: Db, at: Date, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditPending).values(
    entries.map((e) => ({
      at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: normalise(e.before),
      after: normalise(e.after),
    })),
  );
}

/** Moves up to `limit` pending entries into the chain, oldest written first; answers how many. */
export async function chainPendingAudit(db: Db, limit = 2000): Promise<number> {
  return db.transaction(async (tx) => {
    const pending = await tx.select().from(auditPending).orderBy(asc(auditPending.createdSeq)).limit(limit).for('update', { skipLocked: true });
    if (pending.length === 0) return 0;
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, true)).for('update');
    if (!head) throw new Error('audit_head row is missing');
    let { seq, hash: prevHash } = head;
    const rows = pending.map((p) => {
      seq += 1;
      const row = { seq, at: p.at, actor: p.actor, action: p.action, entity: p.entity, entityId: p.entityId, before: p.before, after: p.after, prevHash };
      prevHash = entryHash(row);
      return { ...row, hash: prevHash };
    });
    await tx.insert(auditLog).values(rows);
    await tx.update(auditHead).set({ seq, hash: prevHash }).where(eq(auditHead.id, true));
    await tx.delete(auditPending).where(
      inArray(
        auditPending.createdSeq,
        pending.map((p) => p.createdSeq),
      ),
    );
    return pending.length;
  });
}

/** Outcome of a chain check: intact, or the first link that does not hold and why. */
export type AuditVerification =
  | { readonly isIntact: true; readonly entries: number; readonly tip: string }
  | {
      readonly isIntact: false;
      readonly entries: number;
      readonly brokenAt: number;
      readonly reason: 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'SEQUENCE_GAP' | 'HEAD_MISMATCH';
    };

/** Recomputes every hash in order, page by page, and names the first broken link. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerification> {
  while ((await chainPendingAudit(db)) > 0);
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      if (row.seq !== expectedSeq) return { isIntact: false, entries: count, brokenAt: expectedSeq, reason: 'SEQUENCE_GAP' };
      if (row.prevHash !== expectedPrev) return { isIntact: false, entries: count, brokenAt: row.seq, reason: 'PREV_HASH_MISMATCH' };
      if (entryHash(row) !== row.hash) return { isIntact: false, entries: count, brokenAt: row.seq, reason: 'HASH_MISMATCH' };
      expectedPrev = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, true));
  if (!head || head.seq !== count || head.hash !== expectedPrev) {
    return { isIntact: false, entries: count, brokenAt: count + 1, reason: 'HEAD_MISMATCH' };
  }
  return { isIntact: true, entries: count, tip: expectedPrev };
}

/** The history of one record, oldest first (shown on registration cards and registry pages). */
export async function listAuditTrail(db: Db, entity: string, entityId: string) {
  while ((await chainPendingAudit(db)) > 0);
  return db.select().from(auditLog).where(sql`${auditLog.entity} = ${entity} AND ${auditLog.entityId} = ${entityId}`).orderBy(asc(auditLog.seq));
}
