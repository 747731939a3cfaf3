import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import {
  type CommunicationChannel,
  type CommunicationFault,
  type CommunicationKind,
  communicationFaults,
  deliveryFaults,
  KIND_SPECS,
  type ValueDecision,
} from '../domain/value-communication.ts';
import type { DeclarationRow } from '../infrastructure/declaration.schema.ts';
import { type ValueCommunicationRow, valueCommunications } from '../infrastructure/form-definition.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { isStaff, lockDeclaration } from './declaration-store.ts';
import { uploadedAmong, type ValueRefusal } from './value-form-store.ts';

export type CommunicationInput = {
  readonly kind: CommunicationKind;
  readonly channel: CommunicationChannel;
  readonly subject: string;
  readonly body: string;
  readonly decision?: ValueDecision;
  readonly inReplyTo?: string;
  readonly documents: readonly string[];
  readonly answerDueOn?: string;
  readonly sentAt?: Date;
  readonly deliveredAt?: Date;
};

const TITLES: Readonly<Record<CommunicationKind, { tg: string; ru: string; en: string }>> = {
  documents_request: {
    tg: 'Дархости ҳуҷҷатҳои иловагӣ оид ба арзиши гумрукӣ',
    ru: 'Запрос дополнительных документов по таможенной стоимости',
    en: 'Request for additional documents on the customs value',
  },
  declarant_answer: {
    tg: 'Ҷавоби эъломиякунанда оид ба арзиши гумрукӣ',
    ru: 'Ответ декларанта по таможенной стоимости',
    en: 'Declarant’s answer on the customs value',
  },
  value_decision: { tg: 'Қарор оид ба арзиши гумрукӣ', ru: 'Решение по таможенной стоимости', en: 'Decision on the customs value' },
  explanation_request: {
    tg: 'Дархости шарҳ оид ба муайян кардани арзиши гумрукӣ',
    ru: 'Запрос объяснения определения таможенной стоимости',
    en: 'Request to explain how the customs value was determined',
  },
  explanation: {
    tg: 'Шарҳи муайян кардани арзиши гумрукӣ',
    ru: 'Объяснение определения таможенной стоимости',
    en: 'Explanation of how the customs value was determined',
  },
};

/**
 * Art.364 p.1 i.3, art.365 p.1 i.2 and p.2 as items 72-73 of the draft amend them (CUS-REG-11,
 * CUS-DEC-84): a customs value communication of a filed declaration, electronic or written. An
 * electronic one is recorded by its author and delivered at once: customs' to the declarant's
 * cabinet, the declarant's to customs. A written one is keyed in by an officer with the time it was
 * sent and, when known, delivered. Answers name what they answer; documents are uploaded copies.
 */
export async function recordValueCommunication(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarationId: string,
  input: CommunicationInput,
): Promise<Result<ValueCommunicationRow, ValueRefusal>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, declarationId);
    if (!found.ok) return found;
    const row = found.value;
    // Customs value is controlled once the declaration is filed: a draft, or a paper one not accepted, has none.
    if (row.registeredAt === null) return fail('VALUE_COMMUNICATION_STATE_INVALID', 'params.id', { state: row.state });
    const answered = input.inReplyTo === undefined ? undefined : await communicationOf(tx, row.id, input.inReplyTo);
    const reasons: CommunicationFault[] = [];
    if (input.inReplyTo !== undefined && !answered) reasons.push({ code: 'reply_unknown', field: 'inReplyTo' });
    reasons.push(
      ...communicationFaults({
        kind: input.kind,
        channel: input.channel,
        recordedBy: isStaff(actor) ? 'customs' : 'declarant',
        ...(input.decision !== undefined ? { decision: input.decision } : {}),
        ...(input.sentAt !== undefined ? { sentAt: input.sentAt } : {}),
        ...(input.deliveredAt !== undefined ? { deliveredAt: input.deliveredAt } : {}),
        ...(answered ? { answersKind: answered.kind } : {}),
        now,
      }),
    );
    if (input.answerDueOn !== undefined && (input.kind !== 'documents_request' || input.answerDueOn < dushanbeDate(now)))
      reasons.push({ code: 'answer_due_invalid', field: 'answerDueOn' });
    const uploaded = await uploadedAmong(tx, input.documents);
    input.documents.forEach((sha, i) => {
      if (!uploaded.has(sha)) reasons.push({ code: 'document_not_uploaded', field: `documents[${i}]` });
    });
    if (reasons.length > 0) return fail('VALUE_COMMUNICATION_INVALID', `body.${reasons[0]?.field}`, { reasons });

    const spec = KIND_SPECS[input.kind];
    const isElectronic = input.channel === 'electronic';
    const [saved] = await tx
      .insert(valueCommunications)
      .values({
        id: uuidv7(now.getTime()),
        declarationId: row.id,
        kind: input.kind,
        direction: spec.direction,
        channel: input.channel,
        legalBasis: spec.legalBasis,
        inReplyTo: answered?.id ?? null,
        subject: input.subject,
        body: input.body,
        decision: input.decision ?? null,
        documents: [...new Set(input.documents)],
        answerDueOn: input.answerDueOn ?? null,
        addresseeCode: row.declarantCode,
        sentAt: isElectronic ? now : (input.sentAt as Date),
        deliveredAt: isElectronic ? now : (input.deliveredAt ?? null),
        recordedBy: actorOf(actor),
        recordedAt: now,
      })
      .returning();
    const made = saved as ValueCommunicationRow;
    if (isElectronic) await notifyOf(tx, now, row, made);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.value_communication_recorded',
      entity: 'customs.declaration',
      entityId: row.id,
      after: { id: made.id, kind: made.kind, channel: made.channel, sentAt: made.sentAt.toISOString(), deliveredAt: made.deliveredAt?.toISOString() ?? null },
    });
    return ok(made);
  });
}

/** A written communication was delivered (the post's or the courier's receipt, the declarant's signature on the copy). */
export async function recordValueDelivery(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarationId: string,
  communicationId: string,
  deliveredAt: Date,
): Promise<Result<ValueCommunicationRow, ValueRefusal>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, declarationId);
    if (!found.ok) return found;
    const sent = await communicationOf(tx, found.value.id, communicationId);
    if (!sent) return fail('VALUE_COMMUNICATION_NOT_FOUND', 'params.communicationId');
    if (sent.channel !== 'written' || sent.deliveredAt !== null)
      return fail('VALUE_COMMUNICATION_STATE_INVALID', 'params.communicationId', {
        channel: sent.channel,
        deliveredAt: sent.deliveredAt?.toISOString() ?? null,
      });
    const faults = deliveryFaults(sent.sentAt, deliveredAt, now);
    if (faults.length > 0) return fail('VALUE_COMMUNICATION_INVALID', `body.${faults[0]?.field}`, { reasons: faults });
    const [updated] = await tx.update(valueCommunications).set({ deliveredAt }).where(eq(valueCommunications.id, sent.id)).returning();
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.value_communication_delivered',
      entity: 'customs.declaration',
      entityId: found.value.id,
      after: { id: sent.id, deliveredAt: deliveredAt.toISOString() },
    });
    return ok(updated as ValueCommunicationRow);
  });
}

async function communicationOf(tx: Db, declarationId: string, id: string): Promise<ValueCommunicationRow | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const [row] = await tx
    .select()
    .from(valueCommunications)
    .where(and(eq(valueCommunications.id, id), eq(valueCommunications.declarationId, declarationId)));
  return row;
}

/** `art.364 p.1 i.3` as Tajik (м. қ. б.) or Russian (ст. ч. п.) cite it. */
const cited = (basis: string, article: string, part: string, item: string) =>
  basis.replace('art.', article).replace(' p.', ` ${part}`).replace(' i.', ` ${item}`);

/** Customs' electronic communication reaches the declarant's cabinet (and its broker's); the declarant's reaches the officers. */
async function notifyOf(tx: Db, now: Date, row: DeclarationRow, c: ValueCommunicationRow): Promise<void> {
  const title = TITLES[c.kind];
  const body = {
    tg: `Эъломияи № ${row.number ?? ''}: ${c.subject} (${cited(c.legalBasis, 'м.', 'қ.', 'б.')}).`,
    ru: `Декларация № ${row.number ?? ''}: ${c.subject} (${cited(c.legalBasis, 'ст.', 'ч.', 'п.')}).`,
    en: `Declaration No ${row.number ?? ''}: ${c.subject} (${c.legalBasis}).`,
  };
  const subject = { type: 'customs_declaration', id: row.id };
  if (c.direction === 'to_customs') {
    await notify(tx, now, { recipient: { kind: 'role', id: 'customs_officer' }, kind: 'customs_value_communication', title, body, subject });
    return;
  }
  const recipients = [...new Set([row.declarantCode, row.filerTin])];
  await notify(
    tx,
    now,
    ...recipients.map((id) => ({ recipient: { kind: 'business' as const, id }, kind: 'customs_value_communication', title, body, subject })),
  );
}
