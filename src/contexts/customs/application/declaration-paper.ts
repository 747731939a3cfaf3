import { and, eq, lte } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { publish } from '../../../platform/outbox.ts';
import { ok, type Result } from '../../../platform/result.ts';
import type { DeclarationData, DeclarationForm } from '../domain/declaration.ts';
import type { Ground } from '../domain/declaration-checks.ts';
import { type DeclarationRow, declarations, declarationVersions } from '../infrastructure/declaration.schema.ts';
import { outages } from '../infrastructure/preliminary.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { acceptance, checkRegistration, DECLARATION_REGISTERED, issuePaymentOrderFor, type RegistrationPorts } from './declaration-register.ts';
import { sha256Hex, signingBytes } from './declaration-signature.ts';
import { assessmentColumns, type Refusal } from './declaration-store.ts';

/** The six grounds of art.132 p.4 in the three languages, for the written notice of p.5. */
const GROUND_TITLES: Readonly<Record<Ground, { tg: string; ru: string; en: string }>> = {
  1: {
    tg: 'ба мақоми гумруки ваколатдор пешниҳод нашудааст',
    ru: 'подана в неуполномоченный таможенный орган',
    en: 'filed with an office not competent to accept it',
  },
  2: {
    tg: 'шахси ваколатдор пешниҳод ё имзо накардааст',
    ru: 'подана неуполномоченным лицом или не подписана надлежащим образом',
    en: 'filed by an unauthorised person or not signed properly',
  },
  3: { tg: 'шакли эъломиякунӣ риоя нашудааст', ru: 'не соблюдена форма декларирования', en: 'the form of declaring was not respected' },
  4: { tg: 'маълумоти ҳатмӣ нест', ru: 'отсутствуют обязательные сведения', en: 'required data are missing' },
  5: {
    tg: 'ҳуҷҷатҳои зарурӣ (моддаи 63) пешниҳод нашудаанд',
    ru: 'не представлены необходимые документы (ст.63)',
    en: 'the documents of art.63 were not submitted',
  },
  6: {
    tg: 'амалҳое, ки пеш аз эъломия лозиманд, иҷро нашудаанд',
    ru: 'не совершены действия, которые должны предшествовать подаче',
    en: 'actions required before filing were not done',
  },
};

export type PaperInput = { readonly form: DeclarationForm; readonly data: DeclarationData; readonly filerTin: string };

/**
 * D3p (art.124 p.3-4, p.6, p.9; art.132 p.3-6; CUS-DEC-04, 06, 38, 39, 40, 41; CUS-DOC-09): while a
 * failure of the system is recorded for the office, an officer keys in a paper declaration the day
 * it arrives. It is checked on the same six grounds (ground 2 without an electronic signature: the
 * paper is signed by hand, art.124 p.9). Accepted, it is registered that day and the filer gets the
 * confirmation of acceptance at once (p.3). Refused, it is NOT_ACCEPTED with every reason, the filer
 * is notified of all of them at once — within the next-day limit of p.5 — and the record says the
 * paper goes back to the filer while customs keeps one copy (p.6). Outside an outage: refused.
 */
export async function keyPaperDeclaration(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  input: PaperInput,
  ports: RegistrationPorts,
): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const now = deps.clock.now();
    const day = dushanbeDate(now);
    const data = input.data;
    const [outage] = (await tx.select().from(outages).where(lte(outages.startedAt, now))).filter(
      (o) => (o.endedAt === null || o.endedAt > now) && o.officeCodes.includes(data.officeCode),
    );
    if (!outage) return { ok: false, error: { code: 'DECLARATION_PAPER_WITHOUT_OUTAGE', field: 'body.data.officeCode' } };
    const { facts, reasons, calendarOffice } = await checkRegistration(
      tx,
      ports,
      data,
      {
        day,
        form: input.form,
        channel: 'paper',
        filerTin: input.filerTin,
        signature: undefined,
        isOutageOpen: true,
        isIncompletePermitted: input.form !== 'incomplete',
      },
      now,
    );
    const id = uuidv7(now.getTime());
    const base = {
      id,
      form: input.form,
      channel: 'paper' as const,
      direction: data.direction,
      regime: data.regime,
      officeCode: data.officeCode,
      declarantCode: data.declarantCode,
      brokerTin: data.brokerTin ?? null,
      filerTin: input.filerTin,
      data,
      createdAt: now,
      updatedAt: now,
      outageId: outage.id,
    };
    const recipient = { kind: 'business' as const, id: input.filerTin };
    if (reasons.length > 0) {
      const [row] = await tx
        .insert(declarations)
        .values({ ...base, state: 'NOT_ACCEPTED', version: 0, notAcceptedReasons: reasons })
        .returning();
      const listed = (lang: 'tg' | 'ru' | 'en') =>
        [...new Set(reasons.map((r) => r.ground))]
          .map(
            (g) =>
              `${g}) ${GROUND_TITLES[g][lang]}: ${reasons
                .filter((r) => r.ground === g)
                .map((r) => r.code)
                .join(', ')}`,
          )
          .join('; ');
      await notify(tx, now, {
        recipient,
        kind: 'customs_paper_declaration_not_accepted',
        title: { tg: 'Эъломияи хаттӣ қабул нашуд', ru: 'Письменная декларация не принята', en: 'The paper declaration is not accepted' },
        body: {
          tg: `Ҳамаи сабабҳо (м.132 қ.4): ${listed('tg')}. Эъломия ва ҳуҷҷатҳо баргардонида мешаванд; як нусха дар гумрук мемонад (м.132 қ.6).`,
          ru: `Все причины (ст.132 ч.4): ${listed('ru')}. Декларация и документы возвращаются; один экземпляр остаётся в таможне (ст.132 ч.6).`,
          en: `Every reason (art.132 p.4): ${listed('en')}. The declaration and documents are returned; customs keeps one copy (art.132 p.6).`,
        },
        subject: { type: 'customs_declaration', id },
      });
      await appendAudit(tx, now, {
        actor: actorOf(officer),
        action: 'customs.paper_declaration_not_accepted',
        entity: 'customs.declaration',
        entityId: id,
        after: { reasons, outageId: outage.id, copyKept: true },
      });
      return ok(row as DeclarationRow);
    }
    const { assessment, number } = await acceptance(tx, data, facts, day);
    const [row] = await tx
      .insert(declarations)
      .values({
        ...base,
        number,
        state: 'REGISTERED',
        version: 1,
        registeredAt: now,
        acceptedOn: day,
        ...assessmentColumns(assessment),
        releaseDueAt: deps.calendar().addWorkingDays(now, deps.declarations.releaseWorkingDays, calendarOffice),
      })
      .returning();
    await tx.insert(declarationVersions).values({
      declarationId: id,
      version: 1,
      data,
      sha256: sha256Hex(signingBytes({ declarationId: id, data })),
      reason: 'paper_acceptance',
      actor: actorOf(officer),
      createdAt: now,
    });
    await notify(tx, now, {
      recipient,
      kind: 'customs_paper_declaration_accepted',
      title: { tg: `Эъломияи хаттӣ № ${number} қабул шуд`, ru: `Письменная декларация № ${number} принята`, en: `Paper declaration No ${number} is accepted` },
      body: {
        tg: 'Тасдиқи қабули эъломия ва ҳуҷҷатҳо (м.132 қ.3).',
        ru: 'Подтверждение принятия декларации и документов (ст.132 ч.3).',
        en: 'Confirmation that the declaration and documents are accepted (art.132 p.3).',
      },
      subject: { type: 'customs_declaration', id },
    });
    await issuePaymentOrderFor(tx, ports, { number, declarantCode: data.declarantCode, brokerTin: data.brokerTin ?? null, assessment, at: now });
    await publish(tx, DECLARATION_REGISTERED, { declarationId: id, number, officeCode: data.officeCode }, now);
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: 'customs.paper_declaration_accepted',
      entity: 'customs.declaration',
      entityId: id,
      after: { number, outageId: outage.id },
    });
    const [after] = await tx
      .select()
      .from(declarations)
      .where(and(eq(declarations.id, id)));
    return ok((after ?? row) as DeclarationRow);
  });
}
