import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AccountPrincipal } from './auth.ts';
import type { Db } from './db.ts';
import type { Localised } from './i18n.ts';
import { uuidv7 } from './ids.ts';

const platform = pgSchema('platform');

export type RecipientKind = 'business' | 'org' | 'unit' | 'inspectorate' | 'role' | 'account';

export const notifications = platform.table('notifications', {
  id: uuid('id').primaryKey(),
  recipientKind: text('recipient_kind').$type<RecipientKind>().notNull(),
  recipientId: text('recipient_id').notNull(),
  kind: text('kind').notNull(),
  title: jsonb('title').$type<Localised>().notNull(),
  body: jsonb('body').$type<Localised>().notNull(),
  subjectType: text('subject_type'),
  subjectId: text('subject_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
});

/** A message for a personal cabinet (FIS-IMP-25): the delivery time is the proof of notice. */
export type NewNotification = {
  readonly recipient: { readonly kind: RecipientKind; readonly id: string };
  readonly kind: string;
  readonly title: Localised;
  readonly body: Localised;
  readonly subject?: { readonly type: string; readonly id: string };
};

export async function notify(tx: Db, at: Date, ...items: NewNotification[]): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(notifications).values(
    items.map((n) => ({
      id: uuidv7(at.getTime()),
      recipientKind: n.recipient.kind,
      recipientId: n.recipient.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      subjectType: n.subject?.type ?? null,
      subjectId: n.subject?.id ?? null,
      createdAt: at,
    })),
  );
}

const TIN_INBOX_ROLES: readonly AccountPrincipal['role'][] = ['business', 'taxpayer', 'declarant', 'carrier', 'warehouse_owner'];

/** Which inboxes an account reads: its own, its business, its TSC and branch, its role. */
function inboxesOf(p: AccountPrincipal) {
  const conditions = [
    and(eq(notifications.recipientKind, 'account'), eq(notifications.recipientId, p.accountId)),
    and(eq(notifications.recipientKind, 'role'), eq(notifications.recipientId, p.role)),
  ];
  // A taxpayer's cabinet (tax-services 12.12.01) reads the same inbox as a business: both are bound to
  // a TIN; so do the traders of customs (declarant or broker, carrier, warehouse owner).
  if (TIN_INBOX_ROLES.includes(p.role) && p.tin) conditions.push(and(eq(notifications.recipientKind, 'business'), eq(notifications.recipientId, p.tin)));
  if (p.orgId) conditions.push(and(eq(notifications.recipientKind, 'org'), eq(notifications.recipientId, p.orgId)));
  if (p.unitId) conditions.push(and(eq(notifications.recipientKind, 'unit'), eq(notifications.recipientId, p.unitId)));
  // Tax officers read the inspectorates' inboxes (notices of p.16, p.37).
  if (p.role === 'tax_officer') conditions.push(eq(notifications.recipientKind, 'inspectorate'));
  return or(...conditions);
}

export async function listNotifications(db: Db, p: AccountPrincipal, options: { readonly isUnreadOnly?: boolean; readonly limit?: number } = {}) {
  return db
    .select()
    .from(notifications)
    .where(and(inboxesOf(p), options.isUnreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit ?? 50);
}

export async function countUnread(db: Db, p: AccountPrincipal): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(inboxesOf(p), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the caller's notifications read; false when it is not theirs. */
export async function markRead(db: Db, p: AccountPrincipal, id: string, at: Date): Promise<boolean> {
  const updated = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), inboxesOf(p)))
    .returning({ id: notifications.id });
  return updated.length > 0;
}

/** The same insert for a raw transaction (the fiscal intake's hot path writes without drizzle). */
export async function notifyRaw(query: import('./db.ts').RawQuery, at: Date, items: readonly NewNotification[]): Promise<void> {
  if (items.length === 0) return;
  await query(
    `INSERT INTO platform.notifications (id, recipient_kind, recipient_id, kind, title, body, subject_type, subject_id, created_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[], $8::text[], $9::timestamptz[])`,
    [
      items.map(() => uuidv7(at.getTime())),
      items.map((n) => n.recipient.kind),
      items.map((n) => n.recipient.id),
      items.map((n) => n.kind),
      items.map((n) => JSON.stringify(n.title)),
      items.map((n) => JSON.stringify(n.body)),
      items.map((n) => n.subject?.type ?? null),
      items.map((n) => n.subject?.id ?? null),
      items.map(() => at.toISOString()),
    ],
  );
}
