import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { type OutgoingMessageRow, outgoingMessages } from '../infrastructure/identity.schema.ts';

/**
 * The e-mail and SMS gateway of the context (TS-35, TS-36, TS-38, 12.12.01): a service writes its
 * message here in the transaction of the state change it reports, so a message is queued exactly
 * when the change commits; the gateway adaptor (SMTP, the SMS operator) takes pending rows, sends
 * them and marks them sent. The row is the proof of when the message was queued and sent.
 */
export type NewOutgoingMessage = {
  readonly channel: 'email' | 'sms';
  /** An e-mail address or a telephone number. */
  readonly address: string;
  /** E-mail only. */
  readonly subject?: string | null;
  /** The text; `{secret}` marks where the one-time secret goes at delivery. */
  readonly body: string;
  /**
   * A one-time secret (a cabinet password): kept apart from the body, put in only when the gateway
   * sends the message, and erased once it is sent. Nothing else stores it in clear.
   */
  readonly secret?: string | null;
  /** What the message is about: 'cabinet_credentials', 'tin_certificate', 'eds_expiry', 'declaration_filed' … */
  readonly kind: string;
  readonly tin?: string | null;
  readonly requestId?: string | null;
  /** A result of a request (tax_services.results) the gateway attaches to an e-mail. */
  readonly attachmentResultId?: string | null;
};

/** Text for an SMS or e-mail body: Tajik first, then Russian and English. */
export const trilingual = (text: Localised): string => `${text.tg}\n\n${text.ru}\n\n${text.en}`;

/** Queues an e-mail or SMS in the caller's transaction; returns its id. */
export async function queueMessage(tx: Db, at: Date, message: NewOutgoingMessage): Promise<string> {
  if (message.channel === 'sms' && message.subject) throw new Error('an SMS has no subject');
  if (message.secret && !message.body.includes('{secret}')) throw new Error('a message with a secret must say where it goes: {secret}');
  const id = uuidv7(at.getTime());
  await tx.insert(outgoingMessages).values({
    id,
    channel: message.channel,
    address: message.address,
    subject: message.channel === 'email' ? (message.subject ?? null) : null,
    body: message.body,
    secret: message.secret ?? null,
    kind: message.kind,
    tin: message.tin ?? null,
    requestId: message.requestId ?? null,
    attachmentResultId: message.attachmentResultId ?? null,
    createdAt: at,
  });
  return id;
}

/** A message as the gateway sends it: the body with the secret put in. */
export type DeliverableMessage = Omit<OutgoingMessageRow, 'secret'> & { readonly text: string };

/**
 * Takes up to `limit` pending messages, oldest first, locked for this gateway (FOR UPDATE SKIP
 * LOCKED inside the caller's transaction, so several gateways share the queue).
 */
export async function takePendingMessages(tx: Db, limit = 50): Promise<DeliverableMessage[]> {
  const found = await tx
    .select()
    .from(outgoingMessages)
    .where(isNull(outgoingMessages.sentAt))
    .orderBy(asc(outgoingMessages.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return found.map(({ secret, ...row }) => ({ ...row, text: secret ? row.body.replaceAll('{secret}', secret) : row.body }));
}

/** The gateway sent the message: the time is recorded and the one-time secret erased. */
export async function markMessageSent(tx: Db, id: string, at: Date): Promise<boolean> {
  const updated = await tx
    .update(outgoingMessages)
    .set({ sentAt: at, secret: null, attempts: sql`${outgoingMessages.attempts} + 1` })
    .where(and(eq(outgoingMessages.id, id), isNull(outgoingMessages.sentAt)))
    .returning({ id: outgoingMessages.id });
  return updated.length > 0;
}

/** The gateway could not send it: the attempt and the error are recorded; it stays pending. */
export async function markMessageFailed(tx: Db, id: string, error: string): Promise<void> {
  await tx
    .update(outgoingMessages)
    .set({ attempts: sql`${outgoingMessages.attempts} + 1`, lastError: error.slice(0, 1000) })
    .where(eq(outgoingMessages.id, id));
}
