import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { isCalendarDate, PROPERTY_TAX_TYPES, type PropertyKind } from '../domain/ledger.ts';
import type { LedgerErrorCode } from '../domain/ledger-errors.ts';
import { isPropertyNoticeSeason, propertyNotice, propertyNoticeDeadline } from '../domain/ledger-notices.ts';
import { propertyNoticePdf } from '../infrastructure/ledger-documents.ts';
import { propertyNotices, propertyObjects } from '../infrastructure/ledger.schema.ts';
import type { TaxServicesDeps } from './deps.ts';
import { appendEntries, registerDocument, todayOf } from './ledger.ts';
import { pdf } from './no-debt-certificate.ts';
import { sha256Hex } from '../../../platform/bytes.ts';
import { queueMessage, trilingual } from './outgoing-messages.ts';
import { completeRequest, openRequest } from './requests.ts';

export type NewPropertyObject = {
  readonly ownerTin: string;
  readonly ownerName: string;
  readonly ownerEmail?: string | null;
  readonly kind: PropertyKind;
  readonly registryRef: string;
  readonly description: string;
  /** The annual tax assessed on the object, in dirams. */
  readonly annualTax: number;
  readonly ownedFrom: string;
  readonly ownedTo?: string | null;
};

/**
 * The day from which the property taxes of individuals assessed for a year are payable: 1 April of
 * that year. The seed does not say; this is our reading, to be confirmed against the Tax Code
 * (docs/tax-services-ledger.md), and it is the value date of the charges the notice posts.
 */
export const propertyTaxPayBy = (year: number): string => `${year}-04-01`;

/** Enters an object of an individual's property (04.04.01) with its assessed annual tax. */
export async function addPropertyObject(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  input: NewPropertyObject,
): Promise<Result<{ id: string }, Failure<LedgerErrorCode>>> {
  if (!isCalendarDate(input.ownedFrom)) return fail('LEDGER_DATE_INVALID', 'body.ownedFrom');
  if (input.ownedTo && !isCalendarDate(input.ownedTo)) return fail('LEDGER_DATE_INVALID', 'body.ownedTo');
  if (input.ownedTo && input.ownedTo < input.ownedFrom) return fail('DATE_RANGE_INVALID', 'body.ownedTo');
  const at = deps.clock.now();
  const row = { id: uuidv7(at.getTime()), ...input, ownerEmail: input.ownerEmail ?? null, ownedTo: input.ownedTo ?? null, createdAt: at, createdBy: actor };
  const inserted = await tx.insert(propertyObjects).values(row).onConflictDoNothing().returning({ id: propertyObjects.id });
  if (inserted.length === 0) return fail('PROPERTY_OBJECT_EXISTS', 'body.registryRef');
  await appendAudit(tx, at, { actor, action: 'property.object_added', entity: 'tax_services.property_object', entityId: row.id, after: row });
  return ok({ id: row.id });
}

/** The objects held in a year: owned on some day of it. */
const heldIn = (year: number) =>
  and(lte(propertyObjects.ownedFrom, `${year}-12-31`), or(isNull(propertyObjects.ownedTo), gte(propertyObjects.ownedTo, `${year}-01-01`)));

export async function listPropertyObjects(db: Db, filter: { readonly ownerTin?: string; readonly limit?: number; readonly offset?: number }) {
  const found = await db
    .select()
    .from(propertyObjects)
    .where(filter.ownerTin ? eq(propertyObjects.ownerTin, filter.ownerTin) : undefined)
    .orderBy(asc(propertyObjects.ownerTin), asc(propertyObjects.kind), asc(propertyObjects.registryRef))
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0);
  return found.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() }));
}

const BATCH = 200;

/** Owners with an object held in the year and entered by `today`, who have no notice for it yet. */
function ownersToNotify(db: Db, year: number, today: string): Promise<{ owner_tin: string }[]> {
  return rows<{ owner_tin: string }>(
    db,
    sql`SELECT DISTINCT o.owner_tin FROM tax_services.property_objects o
        WHERE o.owned_from <= ${`${year}-12-31`} AND o.owned_from <= ${today} AND (o.owned_to IS NULL OR o.owned_to >= ${`${year}-01-01`})
          AND NOT EXISTS (SELECT 1 FROM tax_services.property_notices n WHERE n.owner_tin = o.owner_tin AND n.year = ${year})
        ORDER BY o.owner_tin LIMIT ${BATCH}`,
  );
}

/**
 * One owner's notice, in its own transaction (04.04.03, TS-37): a request with the fixed date
 * 1 February of the year, the charges of every object posted to the ledger, the notice as a PDF
 * (its result), the cabinet notification and the e-mail with the PDF. The (owner, year) row is
 * written first, so two runs never notify one owner twice in a year.
 */
async function noticeOne(deps: TaxServicesDeps, actor: string, ownerTin: string, year: number, today: string): Promise<boolean> {
  const done = await transact(deps.database.db, async (tx) => {
    const objects = await tx
      .select()
      .from(propertyObjects)
      .where(and(eq(propertyObjects.ownerTin, ownerTin), heldIn(year), lte(propertyObjects.ownedFrom, today)))
      .orderBy(asc(propertyObjects.kind), asc(propertyObjects.registryRef));
    const owner = objects[0];
    if (!owner) return fail('SKIPPED');
    const opened = await openRequest(tx, deps, actor, {
      serviceKey: '04.04.03',
      channel: 'cabinet',
      applicant: { tin: ownerTin, name: owner.ownerName, email: owner.ownerEmail },
      period: { year },
      subject: { year, objects: objects.map((o) => o.id) },
    });
    if (!opened.ok) return opened;
    const at = deps.clock.now();
    const total = objects.reduce((s, o) => s + o.annualTax, 0);
    const claimed = await tx
      .insert(propertyNotices)
      .values({ ownerTin, year, requestId: opened.value.id, total, sentAt: at })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) return fail('SKIPPED');
    const number = `PN-${opened.value.number}`;
    const payBy = propertyTaxPayBy(year);
    await appendEntries(
      tx,
      at,
      actor,
      'property_register',
      objects
        .filter((o) => o.annualTax > 0)
        .map((o) => ({
          tin: ownerTin,
          taxType: PROPERTY_TAX_TYPES[o.kind],
          kind: 'charge' as const,
          period: String(year),
          amount: o.annualTax,
          valueDate: payBy,
          documentRef: number,
          note: o.registryRef,
        })),
    );
    const file = await propertyNoticePdf({ number, issuedAt: at, taxpayer: { tin: ownerTin, name: owner.ownerName }, year, payBy, objects });
    const completed = await completeRequest(tx, deps, actor, opened.value.id, [pdf('notice', `${number}.pdf`, file)]);
    if (!completed.ok) return completed;
    const resultId = completed.value.resultIds[0] as string;
    await registerDocument(tx, {
      number,
      kind: 'property_notice',
      tin: ownerTin,
      requestId: opened.value.id,
      resultId,
      sha256: sha256Hex(file),
      issuedAt: at,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
    });
    const text = propertyNotice({ tin: ownerTin, ownerName: owner.ownerName, year, objects, payBy });
    await notify(tx, at, {
      recipient: { kind: 'business', id: ownerTin },
      kind: 'property_tax_notice',
      title: {
        tg: `Огоҳиномаи андоз аз амвол барои соли ${year}`,
        ru: `Уведомление об имущественных налогах за ${year} год`,
        en: `Property tax notice for ${year}`,
      },
      body: text,
      subject: { type: 'service_request', id: opened.value.id },
    });
    if (owner.ownerEmail) {
      await queueMessage(tx, at, {
        channel: 'email',
        address: owner.ownerEmail,
        subject: `Огоҳиномаи андоз / Налоговое уведомление / Tax notice ${year}`,
        body: trilingual(text),
        kind: 'property_tax_notice',
        tin: ownerTin,
        requestId: opened.value.id,
        attachmentResultId: resultId,
      });
    }
    return ok(true);
  });
  return done.ok;
}

/** Sends the notices of `year` to every owner not yet noticed; returns how many were sent. */
export async function sendPropertyNotices(deps: TaxServicesDeps, actor: string, year: number): Promise<number> {
  const today = todayOf(deps);
  let sent = 0;
  for (;;) {
    const owners = await ownersToNotify(deps.database.db, year, today);
    let progressed = 0;
    for (const o of owners) if (await noticeOne(deps, actor, o.owner_tin, year, today)) progressed += 1;
    sent += progressed;
    if (owners.length < BATCH || progressed === 0) return sent;
  }
}

/**
 * The officer's command: sends this year's notices to the owners not yet noticed, whatever the
 * day (an object entered after 1 February gets its notice this way; it is late against the date).
 */
export async function runPropertyNotices(deps: TaxServicesDeps, actor: string): Promise<{ year: number; sent: number; deadline: string; isLate: boolean }> {
  const today = todayOf(deps);
  const year = Number(today.slice(0, 4));
  const sent = await sendPropertyNotices(deps, actor, year);
  const deadline = propertyNoticeDeadline(year);
  return { year, sent, deadline, isLate: today > deadline };
}

/** TS-37: from 1 January to 1 February the worker sends the year's notices by itself. */
export function propertyNoticeChecker(deps: TaxServicesDeps): DueTimeChecker {
  return {
    name: 'tax-services.property-notices',
    run: async (_db, now) => {
      const today = dushanbeDate(now);
      return isPropertyNoticeSeason(today) ? sendPropertyNotices(deps, 'system', Number(today.slice(0, 4))) : 0;
    },
  };
}
