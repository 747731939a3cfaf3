import { and, asc, desc, eq, or } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { declarations } from '../infrastructure/declaration.schema.ts';
import { type ValueCommunicationRow, valueCommunications } from '../infrastructure/form-definition.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { isStaff, readDeclaration } from './declaration-store.ts';
import type { ValueRefusal } from './value-form-store.ts';

/** A communication as the reader may see it: who keyed it in is for customs staff only. */
export function communicationView(c: ValueCommunicationRow, number: string | null, actor: AccountPrincipal) {
  return {
    id: c.id,
    declarationId: c.declarationId,
    declarationNumber: number,
    kind: c.kind,
    direction: c.direction,
    channel: c.channel,
    legalBasis: c.legalBasis,
    inReplyTo: c.inReplyTo,
    subject: c.subject,
    body: c.body,
    decision: c.decision,
    documents: c.documents,
    answerDueOn: c.answerDueOn,
    addresseeCode: c.addresseeCode,
    sentAt: c.sentAt.toISOString(),
    deliveredAt: c.deliveredAt?.toISOString() ?? null,
    recordedBy: isStaff(actor) ? c.recordedBy : null,
    recordedAt: c.recordedAt.toISOString(),
  };
}

/** CUS-REG-11: the customs value communications of one declaration, in the order they were sent; its declarant and broker see them as customs does. */
export async function listValueCommunications(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarationId: string,
): Promise<Result<ReturnType<typeof communicationView>[], ValueRefusal>> {
  const found = await readDeclaration(deps.database.db, actor, declarationId);
  if (!found.ok) return found;
  const sent = await deps.database.db
    .select()
    .from(valueCommunications)
    .where(eq(valueCommunications.declarationId, found.value.id))
    .orderBy(asc(valueCommunications.sentAt), asc(valueCommunications.recordedAt), asc(valueCommunications.id));
  return ok(sent.map((c) => communicationView(c, found.value.number, actor)));
}

/**
 * The declarant's inbox: customs' value communications addressed to it (or to the declarant it
 * files for as broker), newest first. For customs staff, the declarants' communications to customs.
 */
export async function valueInbox(deps: CustomsDeps, actor: AccountPrincipal, page: { readonly limit?: number; readonly offset?: number }) {
  const tin = actor.tin ?? '-';
  const mine = isStaff(actor)
    ? eq(valueCommunications.direction, 'to_customs')
    : and(
        eq(valueCommunications.direction, 'to_declarant'),
        or(eq(declarations.declarantCode, tin), eq(declarations.filerTin, tin), eq(declarations.brokerTin, tin)),
      );
  const found = await deps.database.db
    .select({ c: valueCommunications, number: declarations.number })
    .from(valueCommunications)
    .innerJoin(declarations, eq(declarations.id, valueCommunications.declarationId))
    .where(mine)
    .orderBy(desc(valueCommunications.sentAt), desc(valueCommunications.recordedAt), desc(valueCommunications.id))
    .limit(page.limit ?? 50)
    .offset(page.offset ?? 0);
  return found.map((f) => communicationView(f.c, f.number, actor));
}
