import { desc, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { format } from '../../../platform/i18n.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type NewNotification, notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { checkApplicant, missingTscAttachments, PENDING_TSC_APPLICATION, type TscAttachmentKind } from '../domain/tsc-registry.ts';
import { tscApplications, tscs } from '../infrastructure/schema.ts';
import { type AttachmentInput, decodeAttachments, storeAttachments } from './attachments.ts';
import { actorOf, dueAt, type FiscalDeps, openDeadline } from './deps.ts';
import { type TscApplication, type TscApplicationView, loadTscApplicationView } from './list-tsc-applications.ts';

/** An application for inclusion in the state registry of TSCs (p.99) with the documents of p.100. */
export type TscApplicationInput = {
  /** The applicant legal entity; a business applies for its own TIN, staff enter a paper application. */
  readonly applicantTin?: string;
  readonly name: string;
  readonly headName: string;
  readonly address: string;
  readonly phone: string;
  readonly website?: string;
  readonly callCentrePhone?: string;
  readonly attachments: readonly (AttachmentInput & { readonly kind: TscAttachmentKind })[];
};

export type SubmitTscApplicationError =
  | 'FORBIDDEN'
  | 'VALIDATION_FAILED'
  | 'ATTACHMENT_INVALID'
  | 'TSC_BARRED'
  | 'TSC_ALREADY_INCLUDED'
  | 'TSC_APPLICATION_PENDING';

/** The authorised body, which decides on TSC applications (p.84: the Tax Committee). */
export const AUTHORISED_BODY = 'tax_committee';

const RECEIVED = {
  title: {
    tg: 'Аризаи шумо барои ворид шудан ба феҳристи МХТ қабул шуд',
    ru: 'Ваше заявление о включении в реестр ЦТО принято',
    en: 'Your application for the TSC registry has been received',
  },
  body: {
    tg: 'Аризаи «{name}» қабул шуд. Бақайдгирӣ ройгон аст (б.87). Қарор то {due} дода мешавад (б.104).',
    ru: 'Заявление «{name}» принято. Включение бесплатно (п.87). Решение будет дано до {due} (п.104).',
    en: 'The application of "{name}" was received. Inclusion is free of charge (p.87). The decision is due by {due} (p.104).',
  },
  missing: {
    tg: ' Ҳуҷҷатҳои пешниҳоднашуда (б.100): {list}.',
    ru: ' Не представлены документы (п.100): {list}.',
    en: ' Documents not submitted (p.100): {list}.',
  },
};
const TO_DECIDE = {
  title: { tg: 'Аризаи нави МХТ', ru: 'Новое заявление ЦТО', en: 'New TSC application' },
  body: {
    tg: '«{name}» (РМА {tin}) барои ворид шудан ба феҳрист ариза дод. Мӯҳлати қарор: {due}.',
    ru: '«{name}» (ИНН {tin}) подал заявление о включении в реестр. Срок решения: {due}.',
    en: '"{name}" (TIN {tin}) applied for inclusion in the registry. Decision due by {due}.',
  },
};

/**
 * p.99-100 (FIS-TSC-06 to 10): a legal entity applies for inclusion, free of charge (p.87). The
 * authorised body owes a decision within 15 working days of receipt (p.104). An application
 * lacking a document of p.100 is accepted, but can only be refused on ground 1 (p.103).
 * A refused applicant may apply again (p.105: the new application links the refused one);
 * an entity once removed may not (p.111).
 */
export async function submitTscApplication(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  input: TscApplicationInput,
): Promise<Result<TscApplicationView, Failure<SubmitTscApplicationError>>> {
  let tin: string;
  if (actor.role === 'business') {
    if (!actor.tin || (input.applicantTin !== undefined && input.applicantTin !== actor.tin)) return fail('FORBIDDEN', 'body.applicantTin');
    tin = actor.tin;
  } else {
    if (!input.applicantTin) return fail('VALIDATION_FAILED', 'body.applicantTin');
    tin = input.applicantTin;
  }
  const files = decodeAttachments(input.attachments);
  if (!files.ok) return files;
  const now = deps.clock.now();
  const decisionDueAt = dueAt(deps.calendar(), 'TSC_DECISION', now);
  try {
    return await deps.database.db.transaction(async (tx) => {
      const registry = await tx.select({ status: tscs.status }).from(tscs).where(eq(tscs.tin, tin));
      const earlier = await tx
        .select({ id: tscApplications.id, status: tscApplications.status })
        .from(tscApplications)
        .where(eq(tscApplications.applicantTin, tin))
        .orderBy(desc(tscApplications.receivedAt), desc(tscApplications.id));
      const refusal = checkApplicant({
        registryStatuses: registry.map((r) => r.status),
        hasPendingApplication: earlier.some((a) => PENDING_TSC_APPLICATION.includes(a.status)),
      });
      if (refusal) return fail(refusal, 'body.applicantTin');

      const row: TscApplication = {
        id: uuidv7(now.getTime()),
        applicantTin: tin,
        name: input.name,
        headName: input.headName,
        address: input.address,
        phone: input.phone,
        website: input.website ?? null,
        callCentrePhone: input.callCentrePhone ?? null,
        status: 'received',
        inconsistencies: null,
        receivedAt: now,
        decisionDueAt,
        siteCheckDueAt: null,
        decidedAt: null,
        decidedBy: null,
        decisionNumber: null,
        refusalGrounds: null,
        tscId: null,
        previousApplicationId: earlier.find((a) => a.status === 'refused')?.id ?? null,
        createdBy: actorOf(actor),
      };
      await tx.insert(tscApplications).values(row);
      await storeAttachments(tx, { type: 'tsc_application', id: row.id }, files.value, now);
      await openDeadline(tx, {
        kind: 'TSC_DECISION',
        subject: { type: 'tsc_application', id: row.id },
        responsible: { kind: 'authorised_body', id: AUTHORISED_BODY },
        startsAt: now,
        dueAt: decisionDueAt,
      });
      await appendAudit(tx, now, {
        actor: actorOf(actor),
        action: 'tsc_application.received',
        entity: 'fiscal.tsc_application',
        entityId: row.id,
        after: { ...row, attachments: files.value.map(({ contentBase64: _, ...meta }) => meta) },
      });
      await notify(tx, now, ...receiptNotices(row, missingTscAttachments(files.value.map((f) => f.kind))));
      return ok((await loadTscApplicationView(tx, row.id)) as TscApplicationView);
    });
  } catch (error) {
    // Two submissions for the same TIN at once: the partial unique index of 0004 lets one in.
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('TSC_APPLICATION_PENDING', 'body.applicantTin');
    throw error;
  }
}

/** p.104: the applicant learns when the decision is due (and what p.100 still lacks); the authorised body gets it to decide. */
function receiptNotices(row: TscApplication, missing: readonly string[]): NewNotification[] {
  const values = { name: row.name, tin: row.applicantTin, due: dushanbeDate(row.decisionDueAt) };
  const body = format(RECEIVED.body, values);
  const note = format(RECEIVED.missing, { list: missing.join(', ') });
  const subject = { type: 'tsc_application', id: row.id };
  return [
    {
      recipient: { kind: 'business', id: row.applicantTin },
      kind: 'tsc_application.received',
      title: RECEIVED.title,
      body: missing.length === 0 ? body : { tg: body.tg + note.tg, ru: body.ru + note.ru, en: body.en + note.en },
      subject,
    },
    {
      recipient: { kind: 'role', id: 'tax_officer' },
      kind: 'tsc_application.to_decide',
      title: TO_DECIDE.title,
      body: format(TO_DECIDE.body, values),
      subject,
    },
  ];
}
